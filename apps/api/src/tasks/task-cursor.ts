import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { TaskCursor } from '@taskapp/db/queries';
import type { ListTasksQuery } from '@taskapp/shared';
import { invalid } from '../domain-error.js';

const INVALID = 'This list position is no longer valid. Reload the list to start again.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Whose list and which secret a cursor is sealed with: another user's cursor does not open. */
export interface CursorOwner {
  userId: string;
  secret: string;
}

/** The filters and order a cursor belongs to; a cursor is refused with any other. */
function fingerprint(query: ListTasksQuery): string {
  const { cursor: _cursor, limit: _limit, direction: _direction, ...filters } = query;
  const canonical = JSON.stringify(filters, (_key, value: unknown) =>
    Array.isArray(value) ? [...value].sort() : value,
  );
  return createHmac('sha256', 'task-list-filters').update(canonical).digest('base64url').slice(0, 16);
}

// One secret per process in practice; derived once instead of on every list page.
const keys = new Map<string, Buffer>();
function keyFrom(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = createHmac('sha256', secret).update('task-list-cursor').digest();
    keys.set(secret, key);
  }
  return key;
}

/**
 * An opaque position: the last item's sort value (a title, when sorted by title) and id, encrypted and
 * authenticated with AES-256-GCM, the user id as associated data. Nobody can read it, change it, or use
 * it in another user's list; reuse with other filters is detected on the way back.
 */
export function encodeTaskCursor(cursor: TaskCursor, query: ListTasksQuery, owner: CursorOwner): string {
  const key = keyFrom(owner.secret);
  const plain = JSON.stringify({ v: cursor.value, i: cursor.id, f: fingerprint(query) });
  // Derived from what it seals (as in SIV), so the same position gives the same cursor and an IV never
  // repeats for different plaintexts.
  const iv = createHmac('sha256', key).update(owner.userId).update('\0').update(plain).digest();
  const cipher = createCipheriv('aes-256-gcm', key, iv.subarray(0, IV_BYTES));
  cipher.setAAD(Buffer.from(owner.userId));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv.subarray(0, IV_BYTES), cipher.getAuthTag(), sealed]).toString('base64url');
}

function open(token: string, owner: CursorOwner): { v: string; i: string; f: string } {
  const bytes = Buffer.from(token, 'base64url');
  // Only the one spelling we write: base64url has several for the same bytes.
  if (bytes.length <= IV_BYTES + TAG_BYTES || bytes.toString('base64url') !== token) throw invalid(INVALID);
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(owner.secret), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(owner.userId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    throw invalid(INVALID);
  }
}

export function decodeTaskCursor(token: string, query: ListTasksQuery, owner: CursorOwner): TaskCursor {
  const decoded = open(token, owner);
  if (decoded.f !== fingerprint(query)) {
    throw invalid('This list position belongs to other filters. Reload the list.');
  }
  return { value: decoded.v, id: decoded.i };
}
