import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandler, type JobHandlerOf } from '../job-handler.decorator.js';
import { buildJobHandlerMap, JobHandlerMapError, JobHandlerRegistry } from '../job-handler.registry.js';
import { declaredJobNames, defineJobs, type JobName, type JobPayloads, QueueName } from '../jobs.js';

defineJobs({ 'send-welcome-email': QueueName.UrgentMail });

@JobHandler('send-welcome-email')
class WelcomeHandler implements JobHandlerOf<'send-welcome-email'> {
  async handle(_data: JobPayloads['send-welcome-email']): Promise<void> {}
}

@JobHandler('send-welcome-email')
class SecondWelcomeHandler implements JobHandlerOf<'send-welcome-email'> {
  async handle(_data: JobPayloads['send-welcome-email']): Promise<void> {}
}

/** A handler for every other job, so that what these tests say is about the welcome e-mail's alone. */
const OTHER_HANDLERS = declaredJobNames()
  .filter((jobName) => jobName !== 'send-welcome-email')
  .map((jobName) => {
    const handler = class {
      async handle(): Promise<void> {}
    };
    JobHandler(jobName as JobName)(handler);
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
    expect(moduleRef.get(JobHandlerRegistry).handlerOf('send-welcome-email')).toBeInstanceOf(WelcomeHandler);
    await moduleRef.close();
  });

  it('refuses to start when a job name has no handler, naming it', async () => {
    await expect(startWith()).rejects.toThrow(new JobHandlerMapError(`Every job needs exactly one @JobHandler: no handler for ${'send-welcome-email'}`));
  });

  it('refuses to start when a job name has two handlers, naming both', async () => {
    await expect(startWith(WelcomeHandler, SecondWelcomeHandler)).rejects.toThrow(
      `more than one handler for ${'send-welcome-email'} (WelcomeHandler, SecondWelcomeHandler)`,
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
