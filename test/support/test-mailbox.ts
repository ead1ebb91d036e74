import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail the test SMTP server received. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The links in the text. */
  links: string[];
}

interface Waiter {
  to: string;
  predicate: (mail: ReceivedMail) => boolean;
  resolve: (mail: ReceivedMail) => void;
}

/**
 * A real SMTP server in the test process (smtp-server), which the test app sends its mail to
 * (SMTP_URL), and the mail it received, parsed with mailparser. `take` removes what it returns, so
 * each mail is read once.
 */
export class TestMailbox {
  private readonly inbox: ReceivedMail[] = [];
  private readonly waiters = new Set<Waiter>();

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<TestMailbox> {
    let mailbox: TestMailbox | undefined = undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const text = parsed.text ?? '';
            mailbox?.deliver({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text,
              links: text.match(/https?:\/\/\S+/g) ?? [],
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    mailbox = new TestMailbox(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return mailbox;
  }

  /** The SMTP_URL of this server. */
  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** Waits for the next mail to `to` (matching `predicate`) and removes it from the inbox. */
  take(to: string, predicate: (mail: ReceivedMail) => boolean = () => true, timeoutMs = 10_000): Promise<ReceivedMail> {
    const address = to.toLowerCase();
    const index = this.inbox.findIndex((mail) => mail.to.includes(address) && predicate(mail));
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0]);
    return new Promise<ReceivedMail>((resolve, reject) => {
      const waiter: Waiter = {
        to: address,
        predicate,
        resolve: (mail) => {
          clearTimeout(timer);
          resolve(mail);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No mail to ${to} arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Mail received and not yet taken, to `to` when given. */
  pending(to?: string): ReceivedMail[] {
    return to ? this.inbox.filter((mail) => mail.to.includes(to.toLowerCase())) : [...this.inbox];
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private deliver(mail: ReceivedMail): void {
    for (const waiter of this.waiters) {
      if (mail.to.includes(waiter.to) && waiter.predicate(mail)) {
        this.waiters.delete(waiter);
        waiter.resolve(mail);
        return;
      }
    }
    this.inbox.push(mail);
  }
}

/** The `token` parameter of the first link in a mail. */
export function tokenOf(mail: ReceivedMail): string {
  const link = mail.links[0];
  if (!link) throw new Error(`The mail "${mail.subject}" has no link`);
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`The link ${link} has no token`);
  return token;
}
