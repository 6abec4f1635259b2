// The account domain's public file: what the HTTP layer may use (its router is mounted by trpc/router.ts).
export { exportDownload } from './export-download.js';
