import type { Env } from '../env.js';
import { createSecretBox, type SecretBox } from './secret-box.js';

const boxes = new WeakMap<Env, SecretBox>();

/** One box per loaded environment: the HKDF runs once, not on every sign-in. */
export function secretBoxFor(env: Pick<Env, 'AUTH_SECRET' | 'AUTH_SECRET_PREVIOUS'> & object): SecretBox {
  const known = boxes.get(env as Env);
  if (known) return known;
  const box = createSecretBox(env.AUTH_SECRET, env.AUTH_SECRET_PREVIOUS);
  boxes.set(env as Env, box);
  return box;
}
