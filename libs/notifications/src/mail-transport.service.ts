import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@app/config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** With angle brackets; the same for every attempt of one delivery. */
  messageId: string;
  /** Fixed per delivery too, so a resend is byte for byte the same message. */
  date: Date;
}

/**
 * Bounds on a stuck SMTP conversation; together well under the delivery lease (DeliveryService), so a hung
 * attempt fails before another worker may take the delivery over.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 45_000 };

/**
 * Sends through SMTP_URL; without it, writes each message as an .eml file to MAIL_OUTBOX_DIR
 * (named after its Message-ID, so a resend overwrites rather than doubles it).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly writesFiles: boolean;

  constructor(private readonly config: AppConfig) {
    this.writesFiles = !config.SMTP_URL;
    this.transporter = config.SMTP_URL
      ? createTransport({ url: config.SMTP_URL, ...SMTP_TIMEOUTS })
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  /** Resolves once the SMTP server accepted the message (or the file is complete); rejects otherwise. */
  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      date: mail.date,
    });
    if (this.writesFiles) await this.writeEml(mail.messageId, info.message as Buffer);
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
