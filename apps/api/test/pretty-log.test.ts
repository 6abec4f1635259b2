import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { waitFor } from '@taskapp/db/testing';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { prettyMessage, prettyStream } from '../src/pretty-log.js';

const request = {
  reqId: 'f3a1c2d4-0000-4000-8000-000000000000',
  req: { method: 'GET', url: '/api/trpc/task.list?batch=1&input=[redacted]' },
  res: { statusCode: 200 },
  responseTime: 12,
};

describe('the pretty log of pnpm dev', () => {
  it('turns a request into one short message', () => {
    expect(prettyMessage({ ...request, msg: 'request completed' }, 'msg')).toBe(
      'GET /api/trpc/task.list?batch=1&input=[redacted] 200 12ms',
    );
    expect(prettyMessage({ ...request, res: { statusCode: 500 }, msg: 'request failed' }, 'msg')).toBe(
      'GET /api/trpc/task.list?batch=1&input=[redacted] 500 12ms (request failed)',
    );
    expect(prettyMessage({ msg: 'taskapp is listening on 127.0.0.1:3000' }, 'msg')).toBe(
      'taskapp is listening on 127.0.0.1:3000',
    );
  });

  it('prints exactly one line per request', async () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const logger = pino({ level: 'info' }, prettyStream(sink));
    logger.child({ reqId: request.reqId }).info(request, 'request completed');
    await waitFor(() => output.includes('\n'), { what: 'the pretty line' });
    const lines = stripVTControlCharacters(output).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO.*: GET \/api\/trpc\/task\.list\?batch=1&input=\[redacted\] 200 12ms$/);
  });
});
