import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer } from '../src/mail/index.js';
import { testEnv } from './helpers/test-env.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'taskapp-mail-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('mail written to files (MAIL_TRANSPORT=file)', () => {
  it('logs who, what and where, but never the body with its one-time link', async () => {
    const logged: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    const mailer = createMailer(testEnv({ DATA_DIR: dataDir }), pino({ level: 'trace' }, sink));
    await mailer.send({
      to: 'gina@example.com',
      subject: 'Reset your password',
      text: 'Choose a new password: http://localhost/reset-password#token=SECRET_TOKEN_TEXT',
      html: '<a href="http://localhost/reset-password#token=SECRET_TOKEN_HTML">Choose</a>',
    });

    const files = readdirSync(path.join(dataDir, 'mail')).sort();
    expect(files).toEqual([expect.stringMatching(/\.eml$/), expect.stringMatching(/\.txt$/)]);
    const [mailFile, textFile] = files.map((file) => path.join(dataDir, 'mail', file));
    // The .eml keeps the mail (quoted-printable: undo its soft line breaks to read it); the .txt its text.
    expect(readFileSync(mailFile ?? '', 'utf8').replace(/=\r?\n/g, '')).toContain('SECRET_TOKEN_TEXT');
    expect(readFileSync(textFile ?? '', 'utf8')).toContain(
      'Choose a new password: http://localhost/reset-password#token=SECRET_TOKEN_TEXT',
    );
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] ?? '{}')).toMatchObject({
      to: 'gina@example.com',
      subject: 'Reset your password',
      file: mailFile,
      plainText: textFile,
    });
    expect(logged.join('')).not.toMatch(/SECRET_TOKEN|Choose a new password/);
  });
});
