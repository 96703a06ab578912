import { createHash } from 'node:crypto';

/**
 * The Message-ID of a delivery, derived from its unique key: when a crash between the SMTP server's "250" and
 * our commit makes us send again, the resend is the same message and mail clients show it once.
 * Hashed, because keys carry ids and addresses that have no business in a header.
 */
export function deliveryMessageId(key: string, domain: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${domain}>`;
}

/** The sender's domain, as Message-IDs customarily carry; the public host when MAIL_FROM has none. */
export function messageIdDomain(mailFrom: string, publicBaseUrl: string): string {
  const fromDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1];
  return fromDomain ?? new URL(publicBaseUrl).hostname;
}
