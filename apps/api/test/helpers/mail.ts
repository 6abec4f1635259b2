import type { ReceivedMail, SmtpInbox } from './smtp-inbox.js';

/** Waits until at least `count` mails to `to` with a matching subject have arrived, and returns them all. */
export async function waitForMails(
  inbox: SmtpInbox,
  to: string,
  subject: RegExp,
  count: number,
  timeoutMs = 5_000,
): Promise<ReceivedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailsTo(inbox, to, subject);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`expected ${count} mails to ${to}, got ${found.length}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function mailsTo(inbox: SmtpInbox, to: string, subject?: RegExp): ReceivedMail[] {
  return inbox.mails.filter((mail) => mail.to === to && (!subject || subject.test(mail.subject)));
}

/** The `token` query parameter of the mail's link. */
export function tokenOf(mail: ReceivedMail): string {
  if (!mail.link) throw new Error(`mail "${mail.subject}" has no link`);
  const token = new URL(mail.link).searchParams.get('token');
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
