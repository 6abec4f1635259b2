import type { QueryClient } from '@tanstack/react-query';
import { createChangeApplier } from './apply-changes';
import { openChangeStream } from './change-stream';
import { requestLeadership } from './leader-lock';
import { openSyncChannel } from './sync-channel';
import { startSyncHub } from './sync-hub';
import { setSyncStatus } from './sync-status';

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
  });
  return () => {
    stopHub();
    apply.stop();
    channel.close();
  };
}
