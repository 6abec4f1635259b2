import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Globe } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button';
import { onServer } from '../../lib/server-render';
import { browserTimeZone, canonicalBrowserTimeZone } from '../../lib/time-zone';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { dismissTimeZonePrompt, isTimeZonePromptDismissed } from './time-zone-prompt-memory';
import { useSettings } from './use-settings';

/** When this device is in another time zone than the account, offer to switch, once per zone. */
export function TimeZonePrompt() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const update = useMutation(trpc.account.updateSettings.mutationOptions());
  const [dismissed, setDismissed] = useState(false);
  const accountZone = settings.data?.timeZone;
  // The server knows the account's zone, not the device's: the app shows the prompt once it runs.
  if (onServer) return null;
  // The usual case (same zone) is settled without the browser's list of zones, which costs a few
  // milliseconds to build in the first screen's render.
  if (!accountZone || browserTimeZone() === accountZone || dismissed) return null;
  const deviceZone = canonicalBrowserTimeZone();
  if (!deviceZone || deviceZone === accountZone || isTimeZonePromptDismissed(deviceZone, accountZone)) {
    return null;
  }

  const keep = () => {
    dismissTimeZonePrompt(deviceZone, accountZone);
    setDismissed(true);
  };
  const switchZone = () =>
    update.mutate(
      { timeZone: deviceZone },
      {
        onSuccess: (updated) => {
          queryClient.setQueryData(trpc.account.settings.queryKey(), updated);
          toast.success(`Your account now uses ${updated.timeZone}`);
        },
        onError: (error) => toast.error(`Couldn't switch the time zone: ${errorMessage(error)}`),
      },
    );

  return (
    <section aria-label="Time zone" className="border-line border-b bg-subtle">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 text-sm sm:px-6">
        <div className="flex min-w-0 flex-1 basis-72 items-start gap-2.5">
          <Globe aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-accent-text" />
          <p className="min-w-0">
            Your device is on <span className="font-medium">{deviceZone}</span>; your account uses{' '}
            <span className="font-medium">{accountZone}</span>. Switch?
          </p>
        </div>
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" pending={update.isPending} onClick={switchZone}>
            Switch to {deviceZone}
          </Button>
          <Button size="sm" variant="ghost" onClick={keep}>
            Keep {accountZone}
          </Button>
        </div>
      </div>
    </section>
  );
}
