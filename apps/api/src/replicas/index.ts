// Read replicas (decision 017): where lists, stats and sync catch-up are read, with read-your-writes.
export { openReadReplicas, type ReadReplicas, type ReplicaGauges } from './read-replicas.js';
export {
  primaryReads,
  type Reader,
  type ReadReason,
  type ReadRouter,
  type ReadTarget,
  ReplicaBehind,
} from './read-router.js';
export { READ_AFTER_COOKIE } from './read-token-cookie.js';
