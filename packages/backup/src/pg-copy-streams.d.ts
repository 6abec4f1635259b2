// pg-copy-streams ships no types. The two functions this package uses: each returns a stream that
// node-postgres runs when it is passed to client.query() (which takes anything with `submit`).
declare module 'pg-copy-streams' {
  import type { Readable, Writable } from 'node:stream';

  interface Submittable {
    submit(connection: unknown): void;
  }
  export interface CopyToStreamQuery extends Readable, Submittable {
    rowCount: number;
  }
  export interface CopyFromStreamQuery extends Writable, Submittable {
    rowCount: number;
  }
  export function to(statement: string): CopyToStreamQuery;
  export function from(statement: string): CopyFromStreamQuery;
}
