/**
 * Which modules a module really needs through its static imports, looking through re-export-only files
 * ("barrels": lucide-react's index, @taskapp/shared's). The bundler's own module graph links a barrel to
 * everything it re-exports, so by that graph one icon imported from 'lucide-react' reaches every icon,
 * and one constant imported from '@taskapp/shared' reaches zod. Here an import from a barrel reaches only
 * the files that export the names it asks for (or all of them when that cannot be told).
 */

/** One `import … from`, `export … from` or bare `import` statement of a module's (transformed) code. */
export interface ImportStatement {
  kind: 'import' | 're-export';
  specifier: string;
  /** Names taken (for a re-export: `local` is the name in the source, `exported` the name given out). */
  names: { local: string; exported: string }[];
  /** `import * as`, `export * from`, `export * as` or a bare import: everything, or every name (star). */
  whole: 'namespace' | 'star' | null;
}

const COMMENTS = /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm;
const FROM_STATEMENT = /\b(import|export)\s*((?:type\s+)?[^;'"`]*?)\s*from\s*["']([^"']+)["'];?/g;
const BARE_IMPORT = /\bimport\s*["']([^"']+)["'];?/g;
const LOCAL_EXPORT_LIST = /\bexport\s*\{[^}]*\};?/g;

function parseNames(list: string): { local: string; exported: string }[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [local = '', exported = local] = part.split(/\s+as\s+/);
      return { local: local.trim(), exported: exported.trim() };
    });
}

export function parseImportStatements(code: string): ImportStatement[] {
  const source = code.replace(COMMENTS, '');
  const statements: ImportStatement[] = [];
  for (const [, keyword, clause = '', specifier = ''] of source.matchAll(FROM_STATEMENT)) {
    const braces = clause.match(/\{([^}]*)\}/);
    const names = braces ? parseNames(braces[1] ?? '') : [];
    const outside = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, ' ')
      .trim();
    if (keyword === 'import') {
      if (/\*\s*as\s+[\w$]+/.test(outside)) {
        statements.push({ kind: 'import', specifier, names, whole: 'namespace' });
        continue;
      }
      if (outside) names.push({ local: 'default', exported: outside });
      statements.push({ kind: 'import', specifier, names, whole: null });
    } else if (outside.startsWith('*')) {
      const alias = outside.match(/\*\s*as\s+([\w$]+)/);
      statements.push({
        kind: 're-export',
        specifier,
        names: alias ? [{ local: '*', exported: alias[1] ?? '' }] : [],
        whole: alias ? 'namespace' : 'star',
      });
    } else {
      statements.push({ kind: 're-export', specifier, names, whole: null });
    }
  }
  for (const [, specifier = ''] of source.matchAll(BARE_IMPORT))
    statements.push({ kind: 'import', specifier, names: [], whole: 'namespace' });
  return statements;
}

/** A file made only of imports and re-exports: it holds no code of its own. */
export function isBarrel(code: string): boolean {
  const rest = code
    .replace(COMMENTS, '')
    .replace(FROM_STATEMENT, '')
    .replace(BARE_IMPORT, '')
    .replace(LOCAL_EXPORT_LIST, '')
    .replace(/["']use strict["'];?/, '')
    .trim();
  return rest === '' && /\bexport\b/.test(code);
}

const EXPORTED_DECLARATION = /\bexport\s+(?:async\s+)?(?:function\*?|class|const|let|var)\s+([\w$]+)/g;

/** The names a module gives out of its own (not re-exported from elsewhere). */
export function ownExportNames(code: string): Set<string> {
  const source = code.replace(COMMENTS, '');
  const names = new Set<string>();
  for (const [, name = ''] of source.matchAll(EXPORTED_DECLARATION)) names.add(name);
  for (const [list] of source.matchAll(LOCAL_EXPORT_LIST))
    for (const { exported } of parseNames(list.replace(/^export\s*\{|\};?$/g, ''))) names.add(exported);
  if (/\bexport\s+default\b/.test(source)) names.add('default');
  return names;
}

export interface ResolvedModule {
  code: string | null;
  /**
   * Re-exports only, and free of side effects (a file with side effects is kept with every import through
   * it, even when unused, so it is no barrel to look through).
   */
  barrel: boolean;
  /** Every static import the bundler found, resolved. */
  importedIds: readonly string[];
  /** Each statement's specifier, resolved (null: not resolvable, e.g. a virtual module). */
  statements: (ImportStatement & { id: string | null })[];
}

/**
 * The modules a module needs through its static imports: direct imports of ordinary files, and for an
 * import from a barrel the files behind the names it takes. Imports the statements did not explain
 * (added by a plugin, say) are kept as they are.
 */
export function neededImports(id: string, modules: Map<string, ResolvedModule>): Set<string> {
  const module = modules.get(id);
  if (!module) return new Set();
  const needed = new Set<string>();
  const explained = new Set<string>();
  for (const statement of module.statements) {
    if (!statement.id) continue;
    explained.add(statement.id);
    if (statement.kind === 're-export' && isBarrelId(id, modules)) continue;
    const wanted = statement.whole ? null : statement.names.map((name) => name.local);
    for (const target of behindNames(statement.id, wanted, modules, new Set())) needed.add(target);
  }
  for (const imported of module.importedIds) if (!explained.has(imported)) needed.add(imported);
  return needed;
}

function isBarrelId(id: string, modules: Map<string, ResolvedModule>): boolean {
  return modules.get(id)?.barrel ?? false;
}

/** The files behind `names` taken from `id` (every file it re-exports when `names` is null). */
function behindNames(
  id: string,
  names: string[] | null,
  modules: Map<string, ResolvedModule>,
  seen: Set<string>,
): Set<string> {
  if (!isBarrelId(id, modules) || seen.has(id)) return new Set([id]);
  seen.add(id);
  const barrel = modules.get(id) as ResolvedModule;
  const found = new Set<string>();
  const everything = () => {
    for (const statement of barrel.statements)
      if (statement.id)
        for (const target of behindNames(statement.id, null, modules, seen)) found.add(target);
    return found;
  };
  if (names === null) return everything();
  for (const name of names) {
    const named = barrel.statements.find(
      (statement) => statement.kind === 're-export' && statement.names.some((n) => n.exported === name),
    );
    if (named?.id) {
      const local = named.names.find((n) => n.exported === name)?.local ?? name;
      const wanted = named.whole === 'namespace' ? null : [local];
      for (const target of behindNames(named.id, wanted, modules, new Set(seen))) found.add(target);
      continue;
    }
    const stars = barrel.statements.filter((statement) => statement.whole === 'star' && statement.id);
    const source = stars.find((star) => exportsName(star.id as string, name, modules, new Set()));
    if (!source?.id) return everything();
    for (const target of behindNames(source.id, [name], modules, new Set(seen))) found.add(target);
  }
  return found;
}

function exportsName(
  id: string,
  name: string,
  modules: Map<string, ResolvedModule>,
  seen: Set<string>,
): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const module = modules.get(id);
  if (!module?.code) return false;
  if (ownExportNames(module.code).has(name)) return true;
  return module.statements.some(
    (statement) =>
      statement.kind === 're-export' &&
      statement.id !== null &&
      (statement.names.some((n) => n.exported === name) ||
        (statement.whole === 'star' && exportsName(statement.id, name, modules, seen))),
  );
}
