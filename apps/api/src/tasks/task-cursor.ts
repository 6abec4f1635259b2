import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TaskCursor } from '@taskapp/db/queries';
import type { ListTasksQuery } from '@taskapp/shared';
import { invalid } from '../domain-error.js';

const INVALID = 'This list position is no longer valid. Reload the list to start again.';

/** The filters and order a cursor belongs to; a cursor is refused with any other. */
function fingerprint(query: ListTasksQuery): string {
  const { cursor: _cursor, limit: _limit, direction: _direction, ...filters } = query;
  const canonical = JSON.stringify(filters, (_key, value: unknown) =>
    Array.isArray(value) ? [...value].sort() : value,
  );
  return createHmac('sha256', 'task-list-filters').update(canonical).digest('base64url').slice(0, 16);
}

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** An opaque, signed position: tampering or reuse with other filters is detected on the way back. */
export function encodeTaskCursor(cursor: TaskCursor, query: ListTasksQuery, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ v: cursor.value, i: cursor.id, f: fingerprint(query) }),
  ).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

export function decodeTaskCursor(token: string, query: ListTasksQuery, secret: string): TaskCursor {
  const parts = token.split('.');
  if (parts.length !== 2) throw invalid(INVALID);
  const [payload = '', signature = ''] = parts;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid(INVALID);
  }
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    v: string;
    i: string;
    f: string;
  };
  if (decoded.f !== fingerprint(query)) {
    throw invalid('This list position belongs to other filters. Reload the list.');
  }
  return { value: decoded.v, id: decoded.i };
}
