import { type NamedRef, SIGIL, sameName, startsTag, type TagKind } from './quick-add-tags';

/** The `#wo` or `@err` being typed at the caret, and what it could become. */
export interface Completion {
  kind: TagKind;
  /** Where the tag starts (its sigil) and ends, the part after the caret included. */
  start: number;
  end: number;
  query: string;
  options: NamedRef[];
  /** A name that does not exist yet and can be created from here, or null. */
  createName: string | null;
}

const MAX_OPTIONS = 8;
// How far back from the caret a tag's sigil may be: "#" plus the longest name worth completing.
const LOOK_BACK = 120;

/** Names containing the query, those starting with it first; all of them for an empty query. */
export function matchNames(query: string, refs: NamedRef[], limit = MAX_OPTIONS): NamedRef[] {
  const wanted = query.trim().toLocaleLowerCase();
  const starts: NamedRef[] = [];
  const contains: NamedRef[] = [];
  for (const ref of refs) {
    const name = ref.name.toLocaleLowerCase();
    if (name.startsWith(wanted)) starts.push(ref);
    else if (name.includes(wanted)) contains.push(ref);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** Whether position `at` is inside a "quoted literal" (quotes pair up from the start of the text). */
function insideQuotes(text: string, at: number): boolean {
  return (text.slice(0, at).match(/"/g)?.length ?? 0) % 2 === 1;
}

/** What the typed query means after the sigil, or null when the caret is not completing a tag. */
function queryOf(written: string, known: NamedRef[]): { query: string; quoted: boolean } | null {
  if (written.startsWith('"')) {
    const query = written.slice(1);
    return query.includes('"') ? null : { query, quoted: true };
  }
  if (written === '') return { query: '', quoted: false };
  const lower = written.toLocaleLowerCase();
  const continuesKnown = known.some((ref) => ref.name.toLocaleLowerCase().startsWith(lower));
  // A new name starts with a letter ("#1" is not a tag), an existing one may not ("#2027 goals").
  if (!/^\p{L}/u.test(written) && !continuesKnown) return null;
  if (!/\s/.test(written)) return { query: written, quoted: false };
  // "#Home Re" continues an existing two-word name; a trailing space ends the tag.
  if (/\s$/.test(written)) return null;
  return continuesKnown ? { query: written, quoted: false } : null;
}

/** Where the tag being typed ends: the rest of its word, or its closing quote. */
function tagEnd(text: string, caret: number, quoted: boolean): number {
  if (quoted) {
    const close = text.indexOf('"', caret);
    return close === -1 ? text.length : close + 1;
  }
  return caret + (text.slice(caret).match(/^[^\s"]*/)?.[0].length ?? 0);
}

/**
 * The completion for the caret's position: typing `#wo` offers the projects whose names contain "wo"
 * (and "Create project “wo”" when none is called exactly that); null when the caret is elsewhere.
 */
export function completionAt(
  text: string,
  caret: number,
  { projects, labels }: { projects: NamedRef[]; labels: NamedRef[] },
): Completion | null {
  for (let at = caret - 1; at >= Math.max(0, caret - LOOK_BACK); at--) {
    if (!startsTag(text, at)) continue;
    if (insideQuotes(text, at)) return null;
    const kind: TagKind = text[at] === '#' ? 'project' : 'label';
    const known = kind === 'project' ? projects : labels;
    const read = queryOf(text.slice(at + 1, caret), known);
    if (!read) return null;
    const query = read.query.trim();
    const options = matchNames(query, known);
    const exists = known.some((ref) => sameName(ref.name, query));
    // As the parser reads it: a new unquoted name starts with a letter.
    const creatable = read.quoted || /^\p{L}/u.test(query);
    const createName = query !== '' && !exists && creatable ? query : null;
    if (options.length === 0 && !createName) return null;
    return { kind, start: at, end: tagEnd(text, caret, read.quoted), query, options, createName };
  }
  return null;
}

/** How a name is written after its sigil: quoted when it has spaces, so it reads back the same. */
export function writtenTag(kind: TagKind, name: string): string {
  const quote = /\s/.test(name) && !name.includes('"');
  return `${SIGIL[kind]}${quote ? `"${name}"` : name}`;
}

/** The text with the tag being typed replaced by the chosen name and a space, and the caret after it. */
export function applyCompletion(
  text: string,
  completion: Pick<Completion, 'kind' | 'start' | 'end'>,
  name: string,
): { text: string; caret: number } {
  const tag = writtenTag(completion.kind, name);
  const after = text.slice(completion.end);
  const spaced = after.startsWith(' ') ? after : ` ${after}`;
  return {
    text: `${text.slice(0, completion.start)}${tag}${spaced}`,
    caret: completion.start + tag.length + 1,
  };
}
