// Import boundaries, checked by `pnpm lint` (docs/architecture.md, "Boundaries").
// Paths are relative to the repository root; workspace packages resolve to their TypeScript source.
const API_DOMAINS = '(auth|account|tasks|projects|ops|mail|replicas)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No module may depend on itself through others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      comment: 'Every import resolves: a package must be a declared dependency of the importing package.',
      from: {},
      // Vite plugins' virtual modules (vite-plugin-pwa's virtual:pwa-register) exist only inside the build.
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
    {
      name: 'web-no-server-code',
      severity: 'error',
      comment:
        'The browser bundle never contains server code: the web app imports the API for its router TYPE only.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-no-database-code',
      severity: 'error',
      comment: 'The web app never imports the database or backup packages, not even types.',
      from: { path: '^apps/web/' },
      to: { path: '^(packages/(db|backup)/|@taskapp/(db|backup))' },
    },
    {
      name: 'shared-imports-no-workspace-package',
      severity: 'error',
      comment: 'packages/shared is the bottom layer: shared ← db ← backup ← api.',
      from: { path: '^packages/shared/' },
      to: { path: '^((packages/(db|backup)|apps)/|@taskapp/(db|backup|api|web))' },
    },
    {
      name: 'db-imports-only-shared',
      severity: 'error',
      comment: 'shared ← db ← backup ← api: the database package knows nothing above it.',
      from: { path: '^packages/db/' },
      to: { path: '^((packages/backup|apps)/|@taskapp/(backup|api|web))' },
    },
    {
      name: 'backup-imports-only-db-and-shared',
      severity: 'error',
      comment: 'shared ← db ← backup ← api.',
      from: { path: '^packages/backup/' },
      to: { path: '^(apps/|@taskapp/(api|web))' },
    },
    {
      name: 'api-never-imports-web',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^(apps/web/|@taskapp/web)' },
    },
    {
      name: 'domains-meet-through-public-files',
      severity: 'error',
      comment:
        'An API domain folder is used by other folders only through its public files: index.ts, and its *.router.ts for trpc/router.ts. Inside a domain, anything goes.',
      from: { path: '^apps/api/src/([^/]+)/' },
      to: {
        path: `^apps/api/src/${API_DOMAINS}/`,
        pathNot: ['^apps/api/src/$1/', `^apps/api/src/${API_DOMAINS}/(index|[a-z-]+\\.router)\\.ts$`],
      },
    },
    {
      name: 'top-level-files-use-public-files',
      severity: 'error',
      comment: 'server.ts, main.ts and friends use a domain only through its index.ts.',
      from: { path: '^apps/api/src/[^/]+\\.ts$' },
      to: {
        path: `^apps/api/src/${API_DOMAINS}/`,
        pathNot: `^apps/api/src/${API_DOMAINS}/index\\.ts$`,
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      conditionNames: ['@taskapp/source', 'import', 'types', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
