import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiAt } from './api.js';

/** The token in the newest verification mail (the bench signs up one person), waiting up to 30 s for it. */
async function mailedToken(mailDir: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const names = await readdir(mailDir).catch(() => [] as string[]);
    for (const name of names
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .reverse()) {
      const text = await readFile(path.join(mailDir, name), 'utf8');
      const token = /\/verify-email#token=([^\s]+)/.exec(text)?.[1];
      if (token) return decodeURIComponent(token);
    }
    await sleep(100);
  }
  throw new Error(`no verification mail in ${mailDir}`);
}

/**
 * Confirms the bench account's address through the link it was mailed, as a person would: the pages are
 * then measured as most people see them, without the "Confirm your email address" banner.
 */
export async function verifyEmail(baseUrl: string, mailDir: string): Promise<void> {
  await apiAt(baseUrl).mutate('auth.verifyEmail', { token: await mailedToken(mailDir) });
}
