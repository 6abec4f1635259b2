import superjson from 'superjson';

type SuperJSONResult = ReturnType<typeof superjson.serialize>;
type Annotations = Record<string, ['Date'] | ['undefined']>;

/**
 * `superjson.serialize`, faster for what our procedures return: plain objects and arrays of strings,
 * finite numbers, booleans, null, undefined and valid Dates, each object met once. superjson walks
 * every value through its whole rule table and remembers every object for referential equalities,
 * which the benchmark showed as ~9 % of a task list's CPU; this walk takes ~30 % less. Anything else (Map, Set, BigInt, class
 * instances, a repeated or cyclic reference, NaN, ±Infinity, -0, …) goes to superjson itself, so the
 * answer is always exactly superjson's: the same JSON, byte for byte (test/plain-superjson.test.ts).
 */
export function serializeOutput(value: unknown): SuperJSONResult {
  if (!onlyBuiltInRules()) return superjson.serialize(value as never);
  const walk = new PlainWalk();
  const json = walk.value(value, null, '');
  if (walk.unsupported) return superjson.serialize(value as never);
  if (walk.rootTag) return { json, meta: { values: walk.rootTag, v: 1 } } as SuperJSONResult;
  if (walk.annotations) return { json, meta: { values: walk.annotations, v: 1 } } as SuperJSONResult;
  return { json } as SuperJSONResult;
}

/** The instance behind superjson's static methods, which the client's `superjson.deserialize` also uses. */
const defaultInstance = (superjson as unknown as { defaultInstance?: superjson }).defaultInstance;

/** A registered class, symbol or custom transformer may claim any value: then only superjson knows. */
const onlyBuiltInRules = () =>
  defaultInstance !== undefined &&
  defaultInstance.classRegistry.size === 0 &&
  defaultInstance.symbolRegistry.size === 0 &&
  defaultInstance.customTransformerRegistry.size === 0;

// superjson refuses these keys (a prototype pollution risk) by throwing; let it.
const isRefusedKey = (key: string) => key === '__proto__' || key === 'constructor' || key === 'prototype';

/** superjson's path escaping (pathstringifier.ts): `\` and `.` are escaped with a backslash. */
const escapeKey = (key: string) =>
  key.includes('\\') || key.includes('.') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key;

/** A canonical array index ("0", "17", never "01"), which superjson's paths put first. */
const isArrayIndex = (key: string) => /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;

/** The container being walked: whether anything inside it, or inside one of its children, was annotated. */
interface Container {
  /** The escaped path of the container followed by a dot; '' for the root. */
  prefix: string;
  annotated: boolean;
  childAnnotated: boolean;
}

/**
 * One walk of a value, building superjson's `json` and flat `meta.values` on the way, or giving up
 * (`unsupported`) at the first value it cannot write exactly as superjson would.
 */
class PlainWalk {
  unsupported = false;
  /** `meta.values` when the root itself is a Date or undefined. */
  rootTag: ['Date'] | ['undefined'] | undefined;
  /** `meta.values` otherwise: path → tag, in superjson's order. */
  annotations: Annotations | undefined;
  private readonly seen = new Set<object>();

  /** `value` sits at `key` of `parent`, or is the root when `parent` is null. */
  value(value: unknown, parent: Container | null, key: string): unknown {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        // NaN, ±Infinity and -0 are annotated by superjson.
        if (!Number.isFinite(value) || (value === 0 && 1 / value < 0)) return this.giveUp();
        return value;
      case 'undefined':
        this.annotate(['undefined'], parent, key);
        return null;
      case 'object':
        if (value === null) return null;
        return this.object(value, parent, key);
      default:
        return this.giveUp();
    }
  }

  private object(value: object, parent: Container | null, key: string): unknown {
    // Seen before: superjson would record a referential equality. A Symbol tag makes it a "symbol" to superjson.
    if (this.seen.has(value) || Symbol.toStringTag in value) return this.giveUp();
    this.seen.add(value);
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Date.prototype) {
      if (Number.isNaN((value as Date).getTime())) return this.giveUp();
      this.annotate(['Date'], parent, key);
      return toISOString(value as Date);
    }
    if (prototype !== Object.prototype && prototype !== Array.prototype) return this.giveUp();
    const container: Container = {
      prefix: parent ? `${parent.prefix}${escapeKey(key)}.` : '',
      annotated: false,
      childAnnotated: false,
    };
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = prototype === Array.prototype ? ([] as never) : {};
    // Object.keys, as superjson: an array's holes stay holes (null in JSON), other keys are walked too.
    for (const childKey of Object.keys(record)) {
      if (isRefusedKey(childKey)) return this.giveUp();
      out[childKey] = this.value(record[childKey], container, childKey);
      if (this.unsupported) return undefined;
    }
    if (parent && container.annotated) parent.annotated = parent.childAnnotated = true;
    return out;
  }

  private annotate(tag: ['Date'] | ['undefined'], parent: Container | null, key: string): void {
    if (!parent) {
      this.rootTag = tag;
      return;
    }
    // superjson writes a container's own index-keyed Dates and undefineds before anything from its
    // children; when the walk met a child's first, leave the ordering to superjson.
    if (parent.childAnnotated && isArrayIndex(key)) {
      this.giveUp();
      return;
    }
    parent.annotated = true;
    this.annotations ??= {};
    this.annotations[parent.prefix + escapeKey(key)] = tag;
  }

  private giveUp(): undefined {
    this.unsupported = true;
    return undefined;
  }
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** Date#toISOString, which V8 runs several times slower than this for four-digit years. */
function toISOString(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString();
  return `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}T${pad2(date.getUTCHours())}:${pad2(
    date.getUTCMinutes(),
  )}:${pad2(date.getUTCSeconds())}.${pad3(date.getUTCMilliseconds())}Z`;
}
