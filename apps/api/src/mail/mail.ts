import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveDataDir } from '@taskapp/db';
import nodemailer from 'nodemailer';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';

/** Connections to the SMTP server at most, and mails each sends before it is renewed. */
const SMTP_CONNECTIONS = 20;
const SMTP_MESSAGES_PER_CONNECTION = 500;

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * SMTP, or with MAIL_TRANSPORT=file (the default without SMTP_URL outside production) every message
 * is written as a .eml file (and its text as a .txt) under DATA_DIR/mail/, so a developer can open it
 * and click its link. The
 * log names the file but never holds a body: bodies carry one-time links.
 */
export function createMailer(env: Env, logger: Logger): Mailer {
  if (env.MAIL_TRANSPORT === 'smtp' && env.SMTP_URL) {
    // Pooled: a minute's reminders can be thousands of mails, and a connection (greeting, EHLO, QUIT)
    // for each cost more than the mail. Idle connections close after a second, so nothing stays open
    // between bursts. Settings in SMTP_URL's query (?maxConnections=…) win over these.
    const transport = nodemailer.createTransport({
      url: env.SMTP_URL,
      pool: true,
      maxConnections: SMTP_CONNECTIONS,
      maxMessages: SMTP_MESSAGES_PER_CONNECTION,
      idleTimeout: 1_000,
      // A mail server that stops answering fails the send (reminders retry) instead of holding a worker
      // pass, and a shutdown, for nodemailer's default 10 minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      async send(message) {
        await transport.sendMail({ from: env.MAIL_FROM, ...message });
      },
    };
  }
  const folder = path.join(resolveDataDir(env), 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: env.MAIL_FROM, ...message });
      await mkdir(folder, { recursive: true });
      const name = path.join(
        folder,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[<>@]/g, '')}`,
      );
      const file = `${name}.eml`;
      // The .eml is quoted-printable (a copied link would read token=3D…); the .txt is the text as written.
      const plainText = `${name}.txt`;
      await writeFile(file, info.message as Buffer);
      await writeFile(plainText, `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`);
      logger.info(
        { to: message.to, subject: message.subject, file, plainText },
        'mail written to a file (not sent)',
      );
    },
  };
}

/** Sends without making the caller wait or fail: used where timing must not reveal whether mail went out. */
export function sendInBackground(mailer: Mailer, message: MailMessage, logger: Logger): void {
  mailer.send(message).catch((error: unknown) => {
    logger.error({ err: error, subject: message.subject }, 'sending mail failed');
  });
}
