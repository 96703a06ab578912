import { AppConfig } from '@app/config';
import { DeliveryService } from '@app/mail';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { PasswordTokenRepository } from './password-token.repository.js';
import { PersonRepository } from './person.repository.js';
import { renderPasswordResetEmail } from './password-reset-email.template.js';

/**
 * Mails a link to choose a new password to the person with the address, when someone with a login has it. The request
 * only queued this job, so its answer and timing were the same whether or not anyone has the address.
 */
@JobHandler('send-password-reset')
export class PasswordResetEmailHandler implements JobHandlerOf<'send-password-reset'> {
  constructor(
    private readonly people: PersonRepository,
    private readonly tokens: PasswordTokenRepository,
    private readonly deliveries: DeliveryService,
    private readonly config: AppConfig,
  ) {}

  async handle({ email }: JobPayloads['send-password-reset'], job: JobContext): Promise<JobResult> {
    const person = await this.people.findByEmailWithLogin(email);
    if (!person?.passwordHash) return { dropped: 'no person with a login has the address' };
    // A retry issues a new token; should an earlier attempt have sent its e-mail, the delivery key stops this one and
    // its token, mailed to nobody, just expires.
    const validSeconds = this.config.PASSWORD_RESET_LINK_VALID_SECONDS;
    const passwordToken = await this.tokens.issue(person.id, 'reset', validSeconds);
    return this.deliveries.sendAsTheJob(
      {
        key: `password-reset:${job.outboxMessageId}`,
        kind: 'password-reset',
        recipient: person.email,
        personId: person.id,
        message: renderPasswordResetEmail({ name: person.name, publicBaseUrl: this.config.PUBLIC_BASE_URL, passwordToken, validMinutes: Math.ceil(validSeconds / 60) }),
      },
      job,
    );
  }
}
