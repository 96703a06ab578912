import type { DeliveryIdentity } from '@app/mail';
import { defineJobs, type JobPayloads, QueueName } from '@app/outbox';

declare module '@app/outbox' {
  interface JobPayloads {
    'send-welcome-email': { personId: string };
    /** The address someone typed into "Glemt adgangskode"; it may be nobody's. */
    'send-password-reset': { email: string };
  }
}

export const PEOPLE_JOBS = defineJobs({ 'send-welcome-email': QueueName.UrgentMail, 'send-password-reset': QueueName.UrgentMail });

/** A person's welcome: once, whenever they are given a login. */
export function welcomeDelivery({ personId }: JobPayloads['send-welcome-email']): DeliveryIdentity {
  return { key: `welcome:${personId}`, kind: 'welcome', personId };
}
