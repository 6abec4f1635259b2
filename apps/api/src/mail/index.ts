// Outgoing mail: the transport and the templates. Used by auth today, reminders later.
export { createMailer, type Mailer, type MailMessage, sendInBackground } from './mail.js';
export {
  escapeHtml,
  passwordResetMail,
  type SecurityEvent,
  securityAlertMail,
  verificationMail,
} from './mail-templates.js';
