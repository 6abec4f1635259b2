/// <reference path="./pg-copy-streams.d.ts" />
import type { Readable, Writable } from 'node:stream';
import type { Client } from '@taskapp/db';
import { from, to } from 'pg-copy-streams';

/** The bytes of a `COPY … TO STDOUT` statement, as the server sends them (chunks may end mid-row). */
export function copyOut(client: Client, statement: string): Readable {
  return client.query(to(statement));
}

/** A stream into a `COPY … FROM STDIN` statement; it finishes once the server has taken every row. */
export function copyIn(client: Client, statement: string): Writable {
  return client.query(from(statement));
}
