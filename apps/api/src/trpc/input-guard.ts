import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { serializeOutput } from './plain-superjson.js';

/** Deeper than any input of the app (a batch of task ids is 4 levels), far below a stack overflow. */
export const MAX_INPUT_DEPTH = 64;
/** superjson annotations a single call can carry: a few dates and undefineds per field. */
const MAX_ANNOTATIONS = 256;
const MAX_ANNOTATION_DEPTH = 8;
const MAX_PATH_LENGTH = 512;
/** The only value types our inputs use; superjson knows more (class, custom, symbol, bigint, …). */
const ALLOWED_TAGS = new Set(['Date', 'undefined']);

const MALFORMED = 'Malformed input.';

const refuse = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Walks the JSON without recursion: refuses nesting deeper than MAX_INPUT_DEPTH, and a `__proto__`
 * key, which superjson's copy step would drop silently before zod could refuse it as unknown.
 */
function checkJson(json: unknown): void {
  const pending: [unknown, number][] = [[json, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_INPUT_DEPTH) {
      throw refuse(`The input is nested too deeply (at most ${MAX_INPUT_DEPTH} levels).`);
    }
    if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) {
      throw refuse('Unrecognized key: "__proto__".');
    }
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
}

/** A `meta.values` tree: `[tag]`, `[tag, children]` or `{ path: tree }`, small and with known tags only. */
function checkValues(tree: unknown): void {
  let annotations = 0;
  const pending: [unknown, number][] = [[tree, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    annotations += 1;
    if (depth > MAX_ANNOTATION_DEPTH || annotations > MAX_ANNOTATIONS) throw refuse(MALFORMED);
    let children: unknown;
    if (Array.isArray(node)) {
      const [tag, nested, ...rest] = node;
      if (typeof tag !== 'string' || !ALLOWED_TAGS.has(tag) || rest.length > 0) throw refuse(MALFORMED);
      if (nested === undefined) continue;
      children = nested;
    } else {
      children = node;
    }
    if (!isPlainObject(children)) throw refuse(MALFORMED);
    for (const [path, child] of Object.entries(children)) {
      if (path.length > MAX_PATH_LENGTH) throw refuse(MALFORMED);
      pending.push([child, depth + 1]);
    }
  }
}

const isPathList = (value: unknown): value is string[] =>
  Array.isArray(value) &&
  value.length <= MAX_ANNOTATIONS &&
  value.every((path) => typeof path === 'string' && path.length <= MAX_PATH_LENGTH);

/** `{ path: paths[] }` or `[rootPaths[], { path: paths[] }?]`, as superjson writes them. */
function checkReferentialEqualities(equalities: unknown): void {
  const [root, others] = Array.isArray(equalities) ? equalities : [[], equalities];
  if (!isPathList(root) || (others !== undefined && !isPlainObject(others))) throw refuse(MALFORMED);
  const lists = Object.entries(others ?? {});
  if (lists.length > MAX_ANNOTATIONS) throw refuse(MALFORMED);
  for (const [path, paths] of lists) {
    if (path.length > MAX_PATH_LENGTH || !isPathList(paths)) throw refuse(MALFORMED);
  }
}

function checkMeta(meta: unknown): void {
  if (meta === undefined) return;
  if (!isPlainObject(meta)) throw refuse(MALFORMED);
  const { values, referentialEqualities, v, ...unknown } = meta;
  if (Object.keys(unknown).length > 0 || (v !== undefined && v !== 1)) throw refuse(MALFORMED);
  if (values !== undefined) checkValues(values);
  if (referentialEqualities !== undefined) checkReferentialEqualities(referentialEqualities);
}

/**
 * superjson's `deserialize` trusts `meta`: a crafted one recurses until the stack overflows, and its
 * errors ("Unknown transformation", "Cannot convert … to a BigInt") would reach clients as 400 messages.
 * So the input side checks the shape first (cheaply, without recursion) and answers any failure with one
 * plain message; the output side is superjson's wire format (plain-superjson.ts writes it faster).
 */
function deserializeInput(payload: unknown): unknown {
  if (payload === null || payload === undefined) return undefined;
  if (!isPlainObject(payload)) throw refuse(MALFORMED);
  const { json, meta, ...unknown } = payload;
  if (Object.keys(unknown).length > 0) throw refuse(MALFORMED);
  checkJson(json);
  checkMeta(meta);
  try {
    return superjson.deserialize({ json: json as never, meta: meta as never });
  } catch {
    throw refuse(MALFORMED);
  }
}

export const guardedSuperjson = {
  input: { serialize: (value: unknown) => superjson.serialize(value), deserialize: deserializeInput },
  output: {
    serialize: serializeOutput,
    deserialize: (payload: unknown) => superjson.deserialize(payload as never),
  },
};
