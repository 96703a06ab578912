import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { preparedStatement } from '@app/core';
import { type JobContext, JobHandler, type JobHandlerOf, JobName, type JobPayloads, type JobResult } from '@app/outbox';
import { DeliveryService } from '@app/mail';
import { Person } from './person.entity.js';
import { renderWelcomeEmail } from './welcome-email.template.js';

const RECIPIENT_WITH_LOGIN = preparedStatement('welcome-recipient', `SELECT id, name, email FROM person WHERE id = $1 AND password_hash IS NOT NULL`);

/** Welcomes a person who has been given a login; once per person, however often the job runs. */
@JobHandler(JobName.SendWelcomeEmail)
export class WelcomeEmailHandler implements JobHandlerOf<JobName.SendWelcomeEmail> {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly deliveries: DeliveryService,
    private readonly config: AppConfig,
  ) {}

  async handle({ personId }: JobPayloads[JobName.SendWelcomeEmail], job: JobContext): Promise<JobResult> {
    // The reason must still hold when the job runs: the person may have been removed or lost the login since.
    const [person]: Pick<Person, 'id' | 'name' | 'email'>[] = await this.people.query(RECIPIENT_WITH_LOGIN, [personId]);
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
