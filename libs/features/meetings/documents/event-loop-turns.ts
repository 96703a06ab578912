import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The longest a layout keeps the event loop before giving it back. A worker's job locks and delivery claims are
 * renewed by timers every few seconds (JOB_LOCK_DURATION_MS / 2, DELIVERY_LEASE_RENEWAL_MS), so a stretch this
 * short never costs a renewal; giving it back at every block instead would cost a turn of the loop thousands of
 * times for a document of a thousand items.
 */
export const LONGEST_LAYOUT_STRETCH_MS = 50;

/**
 * Lets a long synchronous piece of work (laying out a PDF of tens of seconds) hand the event loop back between its
 * steps, so the timers and I/O of the same process run meanwhile. Where it yields changes nothing the work
 * computes, so the document's bytes stay the same.
 */
export class EventLoopTurns {
  private stretchStartedAt = performance.now();

  /** Gives the event loop one turn when the work has kept it for LONGEST_LAYOUT_STRETCH_MS. */
  async giveBack(): Promise<void> {
    if (performance.now() - this.stretchStartedAt < LONGEST_LAYOUT_STRETCH_MS) return;
    await nextTurn();
    this.stretchStartedAt = performance.now();
  }
}
