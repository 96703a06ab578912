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
 * Bounds on a stuck SMTP conversation. The claim of the delivery being sent is renewed while its worker lives
 * (DeliveryClaims), so these need not fit inside the lease: they only end an attempt that would otherwise hang.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 45_000 } as const;

/**
 * How MailTransport talks to an SMTP server: a pool of connections reused message after message (opening a
 * connection, greeting and EHLO cost more than sending), with the timeouts above. The benchmark's bare baseline uses it too.
 */
export function smtpTransportOptions(options: { url: string; connections: number; messagesPerConnection: number }) {
  return {
    url: options.url,
    pool: true,
    maxConnections: options.connections,
    maxMessages: options.messagesPerConnection,
    ...SMTP_TIMEOUTS,
  } as const;
}

/** How one message goes out: ahead of bulk mail or not, and whether the attempt may still send once it has a connection. */
export interface SendOptions {
  /** Urgent mail may use the connections kept for it (SMTP_URGENT_CONNECTIONS); bulk mail only the rest. */
  urgent: boolean;
  /** Asked once a connection is free, just before the message goes: false ends the attempt unsent (ClaimLostError). */
  mayStillSend: () => boolean;
}

/** The attempt no longer held its delivery's claim when it could have sent; nothing went out. */
export class ClaimLostError extends Error {}

/**
 * Sends through SMTP_URL over pooled connections; without it, writes each message as an .eml file to MAIL_OUTBOX_DIR
 * (named after its Message-ID, so a resend overwrites rather than doubles it).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly writesFiles: boolean;
  private readonly slots: ConnectionSlots;

  constructor(private readonly config: AppConfig) {
    this.writesFiles = !config.SMTP_URL;
    this.slots = new ConnectionSlots(config.SMTP_POOL_CONNECTIONS, config.SMTP_URGENT_CONNECTIONS);
    this.transporter = config.SMTP_URL
      ? createTransport(
          smtpTransportOptions({
            url: config.SMTP_URL,
            connections: config.SMTP_POOL_CONNECTIONS,
            messagesPerConnection: config.SMTP_MESSAGES_PER_CONNECTION,
          }),
        )
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  /** Resolves once the SMTP server accepted the message (or the file is complete); rejects otherwise. */
  async send(mail: OutgoingMail, options: SendOptions): Promise<void> {
    if (this.writesFiles) {
      if (!options.mayStillSend()) throw new ClaimLostError(`The claim on ${mail.messageId} was lost before it was written`);
      const info = await this.transporter.sendMail(this.envelope(mail));
      await this.writeEml(mail.messageId, info.message as Buffer);
      return;
    }
    const release = await this.slots.acquire(this.config.SMTP_CONNECTION_WAIT_MS, options.urgent);
    try {
      // The wait may have outlasted the claim (the worker stopped, the database away): then another worker may send it.
      if (!options.mayStillSend()) throw new ClaimLostError(`The claim on ${mail.messageId} was lost while it waited for an SMTP connection`);
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
