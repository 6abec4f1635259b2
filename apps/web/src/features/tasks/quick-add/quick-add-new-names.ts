import type { QuickAddDraft } from './parse-quick-add';
import type { TagKind } from './quick-add-tags';

/** A project or label name in the draft that does not exist yet. */
export interface NewName {
  kind: TagKind;
  name: string;
}

/** How a new name is remembered once the person has agreed to create it (ignoring case, as matching does). */
export function newNameKey({ kind, name }: NewName): string {
  return `${kind}:${name.toLocaleLowerCase()}`;
}

/** The names quick add would create for this draft, project first. */
export function newNamesOf(draft: Pick<QuickAddDraft, 'project' | 'labels'>): NewName[] {
  const names: NewName[] = [];
  if (draft.project && draft.project.id === null) names.push({ kind: 'project', name: draft.project.name });
  for (const label of draft.labels) if (label.id === null) names.push({ kind: 'label', name: label.name });
  return names;
}

function listed(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "project “Renovation” and labels “errands” and “tiles”": what confirming will create. */
export function describeNewNames(names: NewName[]): string {
  const parts: string[] = [];
  for (const kind of ['project', 'label'] as const) {
    const quoted = names.filter((name) => name.kind === kind).map((name) => `“${name.name}”`);
    if (quoted.length > 0) parts.push(`${kind}${quoted.length > 1 ? 's' : ''} ${listed(quoted)}`);
  }
  return listed(parts);
}
