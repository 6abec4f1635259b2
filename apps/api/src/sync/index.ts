// The sync domain's public file: what the server and other domains may use (its router is mounted by trpc/router.ts).
export {
  type ChangeFeed,
  type FeedEvent,
  listenForChanges,
  parseFeedMessage,
  SYNC_CHANNEL,
  silentFeed,
} from './change-feed.js';
export { type LiveStream, LiveStreams } from './live-streams.js';
