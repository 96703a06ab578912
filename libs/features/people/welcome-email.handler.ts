import { AppConfig } from '@app/config';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { DeliveryService } from '@app/mail';
import { MailRecipientRepository } from './mail-recipient.repository.js';
import { PasswordTokenRepository } from './password-token.repository.js';
import { welcomeDelivery } from './people.jobs.js';
import { renderWelcomeEmail } from './welcome-email.template.js';

/** Welcomes a person who has been given a login, with a link to choose their password; once per person, however often the job runs. */
@JobHandler('send-welcome-email')
export class WelcomeEmailHandler implements JobHandlerOf<'send-welcome-email'> {
  constructor(
    private readonly recipients: MailRecipientRepository,
    private readonly tokens: PasswordTokenRepository,
    private readonly deliveries: DeliveryService,
    private readonly config: AppConfig,
  ) {}

  async handle(welcome: JobPayloads['send-welcome-email'], job: JobContext): Promise<JobResult> {
    const delivery = welcomeDelivery(welcome);
    // The reason must still hold when the job runs: the person may have been removed or lost the login since.
    const person = await this.recipients.withLogin(welcome.personId);
    if (!person) return this.deliveries.withdraw(delivery.key, 'the person no longer exists or has no login');
    const validHours = this.config.WELCOME_LINK_VALID_HOURS;
    const passwordToken = await this.tokens.issue(person.personId, 'welcome', validHours * 3600);
    return this.deliveries.sendAsTheJob(
      {
        ...delivery,
        recipient: person.email,
        message: renderWelcomeEmail({ name: person.name, email: person.email, publicBaseUrl: this.config.PUBLIC_BASE_URL, passwordToken, validHours }),
      },
      job,
    );
  }
}
