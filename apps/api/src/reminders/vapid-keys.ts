import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '@taskapp/db';
import webpush from 'web-push';
import type { Env } from '../env.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/**
 * The VAPID key pair that signs our push messages: from the environment; outside production, generated
 * once and kept under DATA_DIR (like the development AUTH_SECRET), so browsers stay subscribed across
 * restarts. Null in production without keys: push is off.
 */
export function resolveVapidKeys(env: Env): VapidKeys | null {
  const subject = env.VAPID_SUBJECT ?? `mailto:${mailAddressOf(env.MAIL_FROM)}`;
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  }
  if (env.NODE_ENV === 'production') return null;
  const dataDir = resolveDataDir(env);
  const file = path.join(dataDir, 'vapid-keys.json');
  const read = () => ({ ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<VapidKeys, 'subject'>), subject });
  if (existsSync(file)) return read();
  mkdirSync(dataDir, { recursive: true });
  // Several processes may start at once (instances, test workers): the pair is written whole to a file of
  // its own and linked into place only if none is there, so every process reads the same complete pair.
  const draft = `${file}.${process.pid}.${Date.now()}`;
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  writeFileSync(draft, `${JSON.stringify({ publicKey, privateKey })}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return read();
}

/** "Taskapp <no-reply@x>" → "no-reply@x". */
function mailAddressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
