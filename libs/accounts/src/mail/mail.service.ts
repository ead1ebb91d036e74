import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import nodemailer, { Transporter } from 'nodemailer';

/** One plain-text mail; `link` is the action it asks for (logged in development when no SMTP server is set). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  link?: string;
}

/**
 * Sends mail through SMTP_URL with nodemailer. Without SMTP_URL (development and tests only; production
 * refuses to start) each message is written to `DATA_DIR/mail/` as an `.eml` file and its link logged.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;
  private readonly mailDir: string | null;
  private readonly pending = new Set<Promise<void>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.mailDir = config.mail.smtpUrl ? null : path.join(config.dataDir, 'mail');
    this.transport = config.mail.smtpUrl
      ? nodemailer.createTransport(config.mail.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Sends one mail and resolves once the SMTP server accepted it (or the file is written). */
  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    if (!this.mailDir) return;
    await fs.mkdir(this.mailDir, { recursive: true });
    const file = path.join(this.mailDir, `${Date.now()}-${String(info.messageId).replace(/[^\w.-]/g, '')}.eml`);
    // Written under a temporary name and renamed, so a reader of the folder never sees half a message.
    await fs.writeFile(`${file}.part`, info.message as Buffer);
    await fs.rename(`${file}.part`, file);
    this.logger.log(`Mail "${mail.subject}" written to ${file}${mail.link ? `; its link: ${mail.link}` : ''}`);
  }

  /**
   * Sends without making the caller wait (so an answer takes as long whether or not a mail goes out);
   * a failure is logged. `mail` may be a task that composes it (finding the account, issuing a token,
   * auditing) and answers null for no mail: that work runs after the answer too, and its failure is
   * logged the same way, never seen by the caller. Shutdown waits for mail still being sent.
   */
  sendInBackground(mail: OutgoingMail | (() => Promise<OutgoingMail | null>)): void {
    const sending = this.composeAndSend(mail)
      .catch((error: Error) => this.logger.error(`Composing a mail failed: ${error.message}`))
      .finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  private async composeAndSend(mail: OutgoingMail | (() => Promise<OutgoingMail | null>)): Promise<void> {
    const composed = typeof mail === 'function' ? await mail() : mail;
    if (!composed) return;
    await this.send(composed).catch((error: Error) =>
      this.logger.error(`Sending mail "${composed.subject}" failed: ${error.message}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    this.transport.close();
  }
}
