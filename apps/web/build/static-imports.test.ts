import { describe, expect, it } from 'vitest';
import {
  isBarrel,
  neededImports,
  ownExportNames,
  parseImportStatements,
  type ResolvedModule,
} from './static-imports';

describe('parseImportStatements', () => {
  it('reads named, default, namespace, bare imports and re-exports', () => {
    const code = [
      'import React, { useMemo, useState as state } from "react";',
      'import * as z from "zod";',
      'import "./styles.css";',
      '/* import { Commented } from "nowhere"; */',
      'export { default as Eye, default as EyeIcon } from "./icons/eye.mjs";',
      'export * from "./constants.js";',
      'export * as rules from "./rules.js";',
      'const lazy = () => import("./lazy");',
    ].join('\n');
    expect(parseImportStatements(code)).toEqual([
      {
        kind: 'import',
        specifier: 'react',
        names: [
          { local: 'useMemo', exported: 'useMemo' },
          { local: 'useState', exported: 'state' },
          { local: 'default', exported: 'React' },
        ],
        whole: null,
      },
      { kind: 'import', specifier: 'zod', names: [], whole: 'namespace' },
      {
        kind: 're-export',
        specifier: './icons/eye.mjs',
        names: [
          { local: 'default', exported: 'Eye' },
          { local: 'default', exported: 'EyeIcon' },
        ],
        whole: null,
      },
      { kind: 're-export', specifier: './constants.js', names: [], whole: 'star' },
      {
        kind: 're-export',
        specifier: './rules.js',
        names: [{ local: '*', exported: 'rules' }],
        whole: 'namespace',
      },
      { kind: 'import', specifier: './styles.css', names: [], whole: 'namespace' },
    ]);
  });
});

describe('isBarrel and ownExportNames', () => {
  it('tells a re-export-only file from one with code of its own', () => {
    expect(
      isBarrel('"use strict";\n/** licence */\nexport * from "./a.js";\nexport { b } from "./b.js";'),
    ).toBe(true);
    expect(isBarrel('import x from "./x";\nexport { x as y };')).toBe(true);
    expect(isBarrel('export * from "./a.js";\nexport const c = 1;')).toBe(false);
    expect(isBarrel('import "./side-effect";')).toBe(false);
  });

  it('lists the names a module declares and exports itself', () => {
    const code =
      'export const A = 1;\nexport function f() {}\nconst g = 2;\nexport { g as G };\nexport default f;';
    expect([...ownExportNames(code)].sort()).toEqual(['A', 'G', 'default', 'f']);
  });
});

function graph(files: Record<string, string>, sideEffects: string[] = []): Map<string, ResolvedModule> {
  const modules = new Map<string, ResolvedModule>();
  for (const [id, code] of Object.entries(files)) {
    const statements = parseImportStatements(code).map((statement) => ({
      ...statement,
      id: statement.specifier in files ? statement.specifier : null,
    }));
    const importedIds = statements.flatMap((statement) => (statement.id ? [statement.id] : []));
    modules.set(id, { code, barrel: !sideEffects.includes(id) && isBarrel(code), importedIds, statements });
  }
  return modules;
}

describe('neededImports', () => {
  const files = {
    app: 'import { Eye, DEFAULT } from "barrel";\nimport { helper } from "plain";',
    barrel:
      'export { default as Eye } from "eye";\nexport { default as Star } from "star";\nexport * from "constants";\nexport * from "schemas";',
    eye: 'export default 1;',
    star: 'export default 2;',
    constants: 'export const DEFAULT = "grey";',
    schemas: 'import { z } from "zod";\nexport const schema = z;',
    zod: 'export const z = {};',
    plain: 'import { z } from "zod";\nexport const helper = z;',
  };

  it('looks through a barrel to the files behind the names taken, and follows ordinary imports whole', () => {
    expect([...neededImports('app', graph(files))].sort()).toEqual(['constants', 'eye', 'plain']);
  });

  it('takes a barrel with side effects as it is (the bundler keeps it and all it imports)', () => {
    expect([...neededImports('app', graph(files, ['barrel']))].sort()).toEqual(['barrel', 'plain']);
  });

  it('takes everything behind a barrel for a name it cannot place, or a namespace import', () => {
    const unknown = graph({ ...files, app: 'import { Missing } from "barrel";' });
    expect([...neededImports('app', unknown)].sort()).toEqual(['constants', 'eye', 'schemas', 'star']);
    const namespace = graph({ ...files, app: 'import * as all from "barrel";' });
    expect([...neededImports('app', namespace)].sort()).toEqual(['constants', 'eye', 'schemas', 'star']);
  });
});
