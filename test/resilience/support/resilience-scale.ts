/** `npm run test:resilience:quick` (RESILIENCE_SCALE=quick) runs a few hundred operations, for CI. */
export const QUICK = process.env.RESILIENCE_SCALE === 'quick';

export const SCALE = QUICK
  ? { loadSeconds: 24, publishers: 2, itemsPerMeeting: 3, peopleWriters: 1, racers: 50, malformedRequests: 300, outageMembers: 30, outageSeconds: 6 }
  : { loadSeconds: 60, publishers: 3, itemsPerMeeting: 5, peopleWriters: 2, racers: 50, malformedRequests: 1_000, outageMembers: 120, outageSeconds: 20 };

/** Hooks and tests start processes and wait for work to settle: minutes, not Jest's default 5 s. */
export const TIMEOUT_MS = 600_000;
