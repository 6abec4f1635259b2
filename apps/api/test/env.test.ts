import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv, trustProxySetting } from '../src/env.js';

const root = mkdtempSync(path.join(tmpdir(), 'taskapp-env-'));
const dataDir = () => mkdtempSync(path.join(root, 'data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadEnv', () => {
  it('needs no configuration at all in development', () => {
    const env = loadEnv({ DATA_DIR: dataDir() });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      LOG_LEVEL: 'info',
      DATABASE_POOL_MAX: 10,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_ORIGIN).toBe('http://localhost:3000');
  });

  it('generates a development AUTH_SECRET once and keeps it under the data directory', () => {
    const dir = dataDir();
    const first = loadEnv({ DATA_DIR: dir }).AUTH_SECRET;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadEnv({ DATA_DIR: dir }).AUTH_SECRET).toBe(first);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(first);
  });

  it('requires AUTH_SECRET in production, naming the variable', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      /AUTH_SECRET: is required when NODE_ENV=production/,
    );
  });

  it('refuses to run in production without SMTP_URL unless MAIL_TRANSPORT=file says so', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'a'.repeat(32), DATA_DIR: dataDir() };
    expect(() => loadEnv(production)).toThrow(/SMTP_URL: is required when NODE_ENV=production/);
    expect(loadEnv({ ...production, MAIL_TRANSPORT: 'file' }).MAIL_TRANSPORT).toBe('file');
    expect(loadEnv({ ...production, SMTP_URL: 'smtp://mail.example.com' }).MAIL_TRANSPORT).toBe('smtp');
  });

  it('writes mail to files by default outside production, and needs SMTP_URL for MAIL_TRANSPORT=smtp', () => {
    expect(loadEnv({ DATA_DIR: dataDir() }).MAIL_TRANSPORT).toBe('file');
    expect(() => loadEnv({ DATA_DIR: dataDir(), MAIL_TRANSPORT: 'smtp' })).toThrow(
      /SMTP_URL: is required when MAIL_TRANSPORT=smtp/,
    );
  });

  it('listens on 127.0.0.1 by default, on every interface in production, or on HOST', () => {
    expect(loadEnv({ DATA_DIR: dataDir() }).HOST).toBe('127.0.0.1');
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'a'.repeat(32), MAIL_TRANSPORT: 'file' };
    expect(loadEnv({ ...production, DATA_DIR: dataDir() }).HOST).toBe('0.0.0.0');
    expect(loadEnv({ DATA_DIR: dataDir(), HOST: '::1' }).HOST).toBe('::1');
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() =>
      loadEnv({ DATA_DIR: dataDir(), HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '2000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/);
  });

  it('refuses a short AUTH_SECRET', () => {
    expect(() => loadEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'not a url'],
    ['APP_ORIGIN', 'ftp://example.com'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_POOL_MAX', '0'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '-5'],
    ['MAIL_TRANSPORT', 'pigeon'],
    ['HTTP_MAX_CONNECTIONS', '0'],
    ['HTTP_REQUEST_TIMEOUT_MS', 'soon'],
  ])('names %s when it is malformed (%s)', (name, value) => {
    expect(() => loadEnv({ DATA_DIR: dataDir(), [name]: value })).toThrow(
      new RegExp(`^Invalid environment[^]*\\b${name}: `),
    );
  });

  it('accepts a Neon-style URL with sslmode=require', () => {
    const url = 'postgresql://app:secret@ep-cool-name-123.eu-central-1.aws.neon.tech/taskapp?sslmode=require';
    expect(loadEnv({ DATA_DIR: dataDir(), DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it('reads DATABASE_READ_URL as a comma-separated list of replicas, and has no replicas by default', () => {
    const first = 'postgresql://app:secret@replica-1.internal:5432/taskapp?sslmode=require';
    const second = 'postgres://app:secret@replica-2.internal/taskapp';
    const env = loadEnv({ DATA_DIR: dataDir(), DATABASE_READ_URL: `${first}, ${second}` });
    expect(env.DATABASE_READ_URL).toEqual([first, second]);
    expect(env.DATABASE_READ_MAX_LAG_MS).toBe(2_000);
    expect(loadEnv({ DATA_DIR: dataDir() }).DATABASE_READ_URL).toBeUndefined();
    expect(() => loadEnv({ DATA_DIR: dataDir(), DATABASE_READ_URL: `${first},mysql://x/y` })).toThrow(
      /DATABASE_READ_URL: must be one or more postgres/,
    );
    expect(() => loadEnv({ DATA_DIR: dataDir(), DATABASE_READ_MAX_LAG_MS: '50' })).toThrow(
      /DATABASE_READ_MAX_LAG_MS/,
    );
  });

  it('reduces APP_ORIGIN to an origin', () => {
    expect(loadEnv({ DATA_DIR: dataDir(), APP_ORIGIN: 'https://tasks.example.com/app/' }).APP_ORIGIN).toBe(
      'https://tasks.example.com',
    );
  });
});

describe('trustProxySetting', () => {
  it.each([
    ['false', false],
    ['true', true],
    ['1', 1],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('maps %s', (value, expected) => {
    expect(trustProxySetting(value)).toEqual(expected);
  });
});
