import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';

export type MailLink = 'verify-email' | 'reset-password';

function mailDir(): string {
  const dataDir = process.env.TASKAPP_E2E_DATA_DIR;
  if (!dataDir) throw new Error('TASKAPP_E2E_DATA_DIR is not set; run through playwright.config.ts');
  return path.join(dataDir, 'mail');
}

/** Undoes the transfer encodings nodemailer may pick (quoted-printable or base64) for every MIME part. */
function decodeMessage(raw: string): string {
  const unfolded = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const base64Parts = [
    ...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g),
  ];
  return [unfolded, ...base64Parts.map((part) => Buffer.from(part[1] ?? '', 'base64').toString('utf8'))].join(
    '\n',
  );
}

/** Every mail sent to `email` so far, decoded, oldest first. */
export function messagesTo(email: string): string[] {
  let files: string[];
  try {
    files = readdirSync(mailDir()).filter((file) => file.endsWith('.eml'));
  } catch {
    return [];
  }
  return files
    .sort()
    .map((file) => decodeMessage(readFileSync(path.join(mailDir(), file), 'utf8')))
    .filter((message) => new RegExp(`^To: .*${email.replace(/[.+]/g, '\\$&')}`, 'im').test(message));
}

function linksIn(message: string, kind: MailLink): string[] {
  return [...message.matchAll(new RegExp(`https?://[^\\s"'<>]+/${kind}[?#]token=[^\\s"'<>]+`, 'g'))].map(
    (m) => m[0].replace(/&amp;/g, '&'),
  );
}

/** The newest link of this kind mailed to `email`, waiting for the mail (it is sent in the background). */
export async function latestMailLink(email: string, kind: MailLink, previous?: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        link = messagesTo(email)
          .flatMap((message) => linksIn(message, kind))
          .at(-1);
        return link && link !== previous ? link : undefined;
      },
      { message: `a ${kind} mail to ${email}`, timeout: 10_000 },
    )
    .toBeTruthy();
  // Only the path, query and fragment: the page under test decides the origin.
  const url = new URL(link as string);
  return `${url.pathname}${url.search}${url.hash}`;
}
