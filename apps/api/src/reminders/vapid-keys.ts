import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  if (existsSync(file))
    return { ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<VapidKeys, 'subject'>), subject };
  mkdirSync(dataDir, { recursive: true });
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  writeFileSync(file, `${JSON.stringify({ publicKey, privateKey })}\n`, { mode: 0o600 });
  return { publicKey, privateKey, subject };
}

/** "Taskapp <no-reply@x>" → "no-reply@x". */
function mailAddressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
