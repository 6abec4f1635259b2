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

/** What a security alert is about; each mail says what happened and links to the sessions to review. */
export type SecurityEvent =
  | 'new-sign-in'
  | 'totp-on'
  | 'totp-off'
  | 'passkey-added'
  | 'recovery-code-used'
  | 'password-changed';

const SECURITY_EVENTS: Record<SecurityEvent, { subject: string; intro: string }> = {
  'new-sign-in': {
    subject: 'New sign-in to your Taskapp account',
    intro:
      'Your Taskapp account was just signed in to from a device or browser it has not been used on before.',
  },
  'totp-on': {
    subject: 'Two-factor authentication is on',
    intro:
      'Two-factor authentication was turned on for your Taskapp account: signing in now also needs a code.',
  },
  'totp-off': {
    subject: 'Two-factor authentication is off',
    intro:
      'Two-factor authentication was turned off for your Taskapp account: signing in needs only the password.',
  },
  'passkey-added': {
    subject: 'A passkey was added to your Taskapp account',
    intro: 'A new passkey was added to your Taskapp account; it can sign in without a password.',
  },
  'recovery-code-used': {
    subject: 'A recovery code was used',
    intro: 'One of your Taskapp recovery codes was just used to sign in. It cannot be used again.',
  },
  'password-changed': {
    subject: 'Your Taskapp password was changed',
    intro: 'The password of your Taskapp account was just changed, and your other sessions were signed out.',
  },
};

/** An alert about the account's security (ASVS 5 level 2): what happened, and where to review sessions. */
export function securityAlertMail(
  to: string,
  appOrigin: string,
  event: SecurityEvent,
  at: Date,
): MailMessage {
  const { subject, intro } = SECURITY_EVENTS[event];
  return linkMail(
    to,
    subject,
    `${intro} (${at.toUTCString()})`,
    'Review your sessions',
    `${appOrigin}/settings#sessions`,
    'If this was you, there is nothing to do. If not, change your password and sign out the sessions you do not know.',
  );
}
