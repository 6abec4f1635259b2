import type { MailMessage } from './mail.js';

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Mails go to addresses nobody has confirmed yet, so they carry no text a sender chose: the greeting
// leaves the name out (security finding 12). Tokens sit after '#', which browsers never send, so they
// stay out of server and proxy logs (finding 2).
function linkMail(
  to: string,
  subject: string,
  intro: string,
  action: string,
  link: string,
  outro: string,
): MailMessage {
  const greeting = 'Hello,';
  return {
    to,
    subject,
    text: `${greeting}\n\n${intro}\n\n${action}: ${link}\n\n${outro}\n\n— Taskapp`,
    html: `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p><p style="color:#666">${escapeHtml(outro)}</p><p>— Taskapp</p>`,
  };
}

export function verificationMail(to: string, appOrigin: string, token: string): MailMessage {
  return linkMail(
    to,
    'Confirm your email address',
    'Please confirm that this is your email address for Taskapp.',
    'Confirm email address',
    `${appOrigin}/verify-email#token=${encodeURIComponent(token)}`,
    'The link works once and expires in 24 hours. If you did not sign up, ignore this message.',
  );
}

export function passwordResetMail(to: string, appOrigin: string, token: string): MailMessage {
  return linkMail(
    to,
    'Reset your password',
    'Someone (hopefully you) asked to reset your Taskapp password.',
    'Choose a new password',
    `${appOrigin}/reset-password#token=${encodeURIComponent(token)}`,
    'The link works once and expires in 1 hour. Resetting signs you out everywhere. If you did not ask for this, ignore this message: your password stays the same.',
  );
}
