import { waitFor } from '@taskapp/db/testing';
import type { ReceivedMail, SmtpInbox } from './smtp-inbox.js';

/** Waits until at least `count` mails to `to` with a matching subject have arrived, and returns them all. */
export async function waitForMails(
  inbox: SmtpInbox,
  to: string,
  subject: RegExp,
  count: number,
  timeoutMs = 5_000,
): Promise<ReceivedMail[]> {
  await waitFor(() => mailsTo(inbox, to, subject).length >= count, {
    what: `${count} mail(s) to ${to}`,
    timeoutMs,
  });
  return mailsTo(inbox, to, subject);
}

export function mailsTo(inbox: SmtpInbox, to: string, subject?: RegExp): ReceivedMail[] {
  return inbox.mails.filter((mail) => mail.to === to && (!subject || subject.test(mail.subject)));
}

/** The `token` of the mail's link, which it carries after `#` (never in the path or query). */
export function tokenOf(mail: ReceivedMail): string {
  if (!mail.link) throw new Error(`mail "${mail.subject}" has no link`);
  const token = new URLSearchParams(new URL(mail.link).hash.slice(1)).get('token');
  if (!token) throw new Error(`the link ${mail.link} has no token`);
  return token;
}

export const VERIFY_SUBJECT = /confirm your email/i;
export const RESET_SUBJECT = /reset your password/i;

/** The token of the nth (1-based) matching mail to `to`, waiting for it to arrive. */
export async function mailedToken(inbox: SmtpInbox, to: string, subject: RegExp, nth = 1): Promise<string> {
  const mail = (await waitForMails(inbox, to, subject, nth))[nth - 1];
  if (!mail) throw new Error(`no mail number ${nth} to ${to}`);
  return tokenOf(mail);
}

/**
 * How long a test gives a mail that must NOT be sent to show up anyway. Absence has no event to wait
 * for; the mail is sent in the background right after the answer, so a few hundred ms is ample.
 */
const NO_MAIL_GRACE_MS = 300;

/** Gives a mail that must not be sent the time it would need to arrive. */
export function waitOutMailGrace(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, NO_MAIL_GRACE_MS));
}

/** Asserts that no mail to `to` (with a matching subject) arrives within the grace period. */
export async function expectNoMail(inbox: SmtpInbox, to: string, subject?: RegExp): Promise<void> {
  await waitOutMailGrace();
  if (mailsTo(inbox, to, subject).length > 0) throw new Error(`a mail to ${to} was sent`);
}
