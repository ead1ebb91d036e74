import type { AppConfig } from '#tradegraph/config';
import type { OutgoingMail } from './mail.service.js';

/** The front-end page `page` (verify-email, reset-password) with the token of a mailed link. */
export const accountLink = (config: AppConfig, page: string, token: string): string =>
  `${config.mail.appUrl}/${page}?token=${encodeURIComponent(token)}`;

/** The texts of the account mails. Links point at the front end, which calls the matching mutation. */
export const accountMails = {
  verifyEmail: (to: string, link: string): OutgoingMail => ({
    to,
    subject: 'Verify your email address for TradeGraph',
    link,
    text: `Please verify your email address by opening this link within 24 hours:\n\n${link}\n\nUntil you do, you can look around but not record trades, endorse, refer or post sourcing requests.\nIf you did not create a TradeGraph account, ignore this mail.\n`,
  }),
  changeEmail: (to: string, link: string): OutgoingMail => ({
    to,
    subject: 'Confirm your new email address for TradeGraph',
    link,
    text: `Someone asked to make this the email address of a TradeGraph account. To confirm, open this link within 24 hours:\n\n${link}\n\nIf it was not you, ignore this mail; nothing changes.\n`,
  }),
  emailChanged: (to: string, newEmail: string): OutgoingMail => ({
    to,
    subject: 'Your TradeGraph email address was changed',
    text: `The email address of your TradeGraph account was changed to ${newEmail}. This address no longer signs in.\nIf you did not do this, reset your password at once and contact support.\n`,
  }),
  resetPassword: (to: string, link: string): OutgoingMail => ({
    to,
    subject: 'Reset your TradeGraph password',
    link,
    text: `To choose a new password, open this link within 30 minutes:\n\n${link}\n\nIt works once; every other session of your account ends when you use it.\nIf you did not ask for this, ignore this mail: your password stays as it is.\n`,
  }),
};
