import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandler, type JobHandlerOf } from '../job-handler.decorator.js';
import { buildJobHandlerMap, JobHandlerMapError, JobHandlerRegistry } from '../job-handler.registry.js';
import { JobName, type JobPayloads } from '../jobs.js';

@JobHandler(JobName.SendWelcomeEmail)
class WelcomeHandler implements JobHandlerOf<JobName.SendWelcomeEmail> {
  async handle(_data: JobPayloads[JobName.SendWelcomeEmail]): Promise<void> {}
}

@JobHandler(JobName.SendWelcomeEmail)
class SecondWelcomeHandler implements JobHandlerOf<JobName.SendWelcomeEmail> {
  async handle(_data: JobPayloads[JobName.SendWelcomeEmail]): Promise<void> {}
}

/** A handler for every other job, so that what these tests say is about the welcome e-mail's alone. */
const OTHER_HANDLERS = Object.values(JobName)
  .filter((jobName) => jobName !== JobName.SendWelcomeEmail)
  .map((jobName) => {
    const handler = class {
      async handle(): Promise<void> {}
    };
    JobHandler(jobName)(handler);
    return handler;
  });

async function startWith(...handlers: (typeof WelcomeHandler)[]) {
  const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [JobHandlerRegistry, ...OTHER_HANDLERS, ...handlers] }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('the job handler map checked at start-up', () => {
  it('maps every job name to the one @JobHandler class that handles it', async () => {
    const moduleRef = await startWith(WelcomeHandler);
    expect(moduleRef.get(JobHandlerRegistry).handlerOf(JobName.SendWelcomeEmail)).toBeInstanceOf(WelcomeHandler);
    await moduleRef.close();
  });

  it('refuses to start when a job name has no handler, naming it', async () => {
    await expect(startWith()).rejects.toThrow(new JobHandlerMapError(`Every job needs exactly one @JobHandler: no handler for ${JobName.SendWelcomeEmail}`));
  });

  it('refuses to start when a job name has two handlers, naming both', async () => {
    await expect(startWith(WelcomeHandler, SecondWelcomeHandler)).rejects.toThrow(
      `more than one handler for ${JobName.SendWelcomeEmail} (WelcomeHandler, SecondWelcomeHandler)`,
    );
  });

  it.each([
    {
      case: 'several problems at once',
      registrations: [
        { jobName: 'a', name: 'A1' },
        { jobName: 'a', name: 'A2' },
        { jobName: 'z', name: 'Z' },
      ],
      expected: 'no handler for b, c; more than one handler for a (A1, A2); a handler for the unknown job z (Z)',
    },
    { case: 'no handlers at all', registrations: [], expected: 'no handler for a, b, c' },
  ])('lists $case in one message', ({ registrations, expected }) => {
    const withHandlers = registrations.map((r) => ({ ...r, handler: { handle: async () => undefined } }));
    expect(() => buildJobHandlerMap(withHandlers, ['a', 'b', 'c'])).toThrow(`Every job needs exactly one @JobHandler: ${expected}`);
  });

  it('accepts a complete map', () => {
    const handler = { handle: async () => undefined };
    const map = buildJobHandlerMap(
      ['a', 'b'].map((jobName) => ({ jobName, name: jobName.toUpperCase(), handler })),
      ['a', 'b'],
    );
    expect([...map.keys()]).toEqual(['a', 'b']);
  });
});
