import { AppConfig } from '@app/config';
import { type JobContext, JobHandler, type JobHandlerOf, JobName, type JobPayloads, type JobResult } from '@app/outbox';
import { DeliveryService } from '@app/mail';
import { PersonRepository } from './person.repository.js';
import { renderWelcomeEmail } from './welcome-email.template.js';

/** Welcomes a person who has been given a login; once per person, however often the job runs. */
@JobHandler(JobName.SendWelcomeEmail)
export class WelcomeEmailHandler implements JobHandlerOf<JobName.SendWelcomeEmail> {
  constructor(
    private readonly people: PersonRepository,
    private readonly deliveries: DeliveryService,
    private readonly config: AppConfig,
  ) {}

  async handle({ personId }: JobPayloads[JobName.SendWelcomeEmail], job: JobContext): Promise<JobResult> {
    // The reason must still hold when the job runs: the person may have been removed or lost the login since.
    const person = await this.people.recipientWithLogin(personId);
    if (!person) return { dropped: 'the person no longer exists or has no login' };
    return this.deliveries.sendAsTheJob(
      {
        key: `welcome:${person.id}`,
        kind: 'welcome',
        recipient: person.email,
        personId: person.id,
        message: renderWelcomeEmail({ name: person.name, email: person.email, publicBaseUrl: this.config.PUBLIC_BASE_URL }),
      },
      job,
    );
  }
}
