import type { QueryClient } from '@tanstack/react-query';
import { trpcClient } from '../clients';
import { createChangeApplier } from './apply-changes';
import { openChangeStream } from './change-stream';
import { requestLeadership } from './leader-lock';
import { saveCursor, savedCursor } from './saved-cursor';
import { openSyncChannel } from './sync-channel';
import { startSyncHub } from './sync-hub';
import { setSyncStatus } from './sync-status';

const CATCH_UP_PAGE = 500;

/** Live sync for one signed-in user in this tab; returns how to stop it (sign-out, another user). */
export function startLiveSync(queryClient: QueryClient, userId: string): () => void {
  const channel = openSyncChannel();
  const apply = createChangeApplier(queryClient);
  const stopHub = startSyncHub({
    userId,
    channel,
    requestLeadership,
    openStream: openChangeStream,
    apply,
    setStatus: setSyncStatus,
    savedCursor: savedCursor(userId),
    saveCursor: (cursor) => saveCursor(userId, cursor),
    catchUp: (after) => trpcClient.sync.changes.query({ after, limit: CATCH_UP_PAGE }),
  });
  return () => {
    stopHub();
    apply.stop();
    channel.close();
  };
}
