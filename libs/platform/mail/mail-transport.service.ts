import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@app/config';
import { ConnectionSlots } from './connection-slots.js';

/** A calendar invitation (iCalendar text) sent the way mail clients offer to put it in the calendar. */
export interface CalendarPart {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  calendar?: CalendarPart;
  /** With angle brackets; the same for every attempt of one delivery. */
  messageId: string;
  /** Fixed per delivery too, so a resend is byte for byte the same message. */
  date: Date;
}

/**
 * Bounds on a stuck SMTP conversation, together well under the delivery lease (DELIVERY_LEASE_MS), so a hung
 * attempt fails before another worker may take the delivery over: at most 15, 15 and 45 s, less with a short lease.
 */
export function smtpTimeouts(deliveryLeaseMs: number): { connectionTimeout: number; greetingTimeout: number; socketTimeout: number } {
  return {
    connectionTimeout: Math.min(15_000, Math.floor(deliveryLeaseMs / 8)),
    greetingTimeout: Math.min(15_000, Math.floor(deliveryLeaseMs / 8)),
    socketTimeout: Math.min(45_000, Math.floor(deliveryLeaseMs / 3)),
  };
}

/**
 * How MailTransport talks to an SMTP server: a pool of connections reused message after message (opening a
 * connection, greeting and EHLO cost more than sending), with the timeouts above. The benchmark's bare baseline uses it too.
 */
export function smtpTransportOptions(options: { url: string; connections: number; messagesPerConnection: number; deliveryLeaseMs: number }) {
  return {
    url: options.url,
    pool: true,
    maxConnections: options.connections,
    maxMessages: options.messagesPerConnection,
    ...smtpTimeouts(options.deliveryLeaseMs),
  } as const;
}

/**
 * Sends through SMTP_URL over pooled connections; without it, writes each message as an .eml file to MAIL_OUTBOX_DIR
 * (named after its Message-ID, so a resend overwrites rather than doubles it).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly writesFiles: boolean;
  private readonly slots: ConnectionSlots;
  /** The longest a message waits for a pooled connection; with the SMTP timeouts, well inside the delivery lease. */
  private readonly slotWaitMs: number;

  constructor(private readonly config: AppConfig) {
    this.writesFiles = !config.SMTP_URL;
    this.slots = new ConnectionSlots(config.SMTP_POOL_CONNECTIONS);
    this.slotWaitMs = smtpTimeouts(config.DELIVERY_LEASE_MS).connectionTimeout;
    this.transporter = config.SMTP_URL
      ? createTransport(
          smtpTransportOptions({
            url: config.SMTP_URL,
            connections: config.SMTP_POOL_CONNECTIONS,
            messagesPerConnection: config.SMTP_MESSAGES_PER_CONNECTION,
            deliveryLeaseMs: config.DELIVERY_LEASE_MS,
          }),
        )
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  /** Resolves once the SMTP server accepted the message (or the file is complete); rejects otherwise. */
  async send(mail: OutgoingMail): Promise<void> {
    if (this.writesFiles) {
      const info = await this.transporter.sendMail(this.envelope(mail));
      await this.writeEml(mail.messageId, info.message as Buffer);
      return;
    }
    const release = await this.slots.acquire(this.slotWaitMs);
    try {
      await this.transporter.sendMail(this.envelope(mail));
    } finally {
      release();
    }
  }

  private envelope(mail: OutgoingMail) {
    return {
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      date: mail.date,
      // Both a text/calendar alternative, which mail clients turn into "add to calendar", and an .ics attachment.
      ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: 'invitation.ics', content: mail.calendar.content } } : {}),
    };
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }

  private async writeEml(messageId: string, content: Buffer): Promise<void> {
    const directory = this.config.MAIL_OUTBOX_DIR;
    const name = messageId.replace(/^<|>$/g, '').replace(/[^\w.@-]/g, '_');
    await mkdir(directory, { recursive: true });
    // Renamed into place, so whoever watches the directory never reads half a message.
    const partial = join(directory, `.${name}.partial`);
    await writeFile(partial, content);
    await rename(partial, join(directory, `${name}.eml`));
  }
}
