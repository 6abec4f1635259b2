import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Issue #6's budget for the JavaScript a first visit downloads before anything renders. */
export const INITIAL_JS_GZIP_LIMIT_KB = 180;
/** Under dist/, in a dot folder: written with the build, never served. */
export const BUNDLE_REPORT_FILE = '.vite/bundle-report.json';

export interface BundleReport {
  /** kB of 1,000 bytes, as Vite prints them; gzip level 9. */
  initialJsGzipKb: number;
  initialJsKb: number;
  limitKb: number;
  files: { file: string; kb: number; gzipKb: number }[];
}

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/**
 * After a build, adds up the gzip size of the initial JavaScript: the entry chunk and everything it
 * imports statically, as written to disk (lazy chunks load later, so they do not count). Prints it and
 * writes dist/.vite/bundle-report.json. Over the limit the build fails only when `enforce` is set: a
 * budget miss should not stop `pnpm start`; `pnpm bench --check` is the gate.
 */
export function bundleReport({ limitKb = INITIAL_JS_GZIP_LIMIT_KB, enforce = false } = {}): Plugin {
  return {
    name: 'taskapp-bundle-report',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const imports = new Map<string, string[]>();
      const entries: string[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        imports.set(output.fileName, output.imports);
        if (output.isEntry) entries.push(output.fileName);
      }
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of imports.get(fileName) ?? []) visit(imported);
      };
      entries.forEach(visit);

      const files = [...initial].map((file) => {
        const code = readFileSync(path.join(outDir, file));
        return { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
      });
      const sum = (key: 'bytes' | 'gzipBytes') => files.reduce((total, file) => total + file[key], 0);
      const report: BundleReport = {
        initialJsGzipKb: kb(sum('gzipBytes')),
        initialJsKb: kb(sum('bytes')),
        limitKb,
        files: files.map((file) => ({ file: file.file, kb: kb(file.bytes), gzipKb: kb(file.gzipBytes) })),
      };
      const reportFile = path.join(outDir, BUNDLE_REPORT_FILE);
      mkdirSync(path.dirname(reportFile), { recursive: true });
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
      console.log(
        `\ninitial JS: ${report.initialJsGzipKb} kB gzip (${report.initialJsKb} kB) in ${files.length} file(s); budget ${limitKb} kB`,
      );
      if (report.initialJsGzipKb <= limitKb) return;
      const message = `the initial JavaScript is ${report.initialJsGzipKb} kB gzip, over the ${limitKb} kB budget`;
      if (enforce) this.error(message);
      this.warn(message);
    },
  };
}
