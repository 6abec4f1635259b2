import { useMutation, useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { BellRing } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import {
  type DevicePushState,
  devicePushState,
  resendDevicePush,
  turnOffDevicePush,
  turnOnDevicePush,
} from '../../lib/push/device-push';
import { readHideTitles, writeHideTitles } from '../../lib/push/hide-titles';
import { pushErrorText } from '../../lib/push/push-support';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';

const explain = (error: unknown) =>
  error instanceof TRPCClientError ? errorMessage(error) : pushErrorText(error);

const STATE_TEXT: Record<DevicePushState['kind'], string> = {
  on: 'On for this device: reminders show as notifications here.',
  off: 'Off for this device.',
  blocked:
    'Blocked by the browser: notifications for this site are turned off. Allow them in the browser’s site settings, then come back.',
  unsupported: 'Not supported: this browser can’t receive push notifications.',
};

/**
 * Push on this device: the permission prompt comes only from "Get notifications on this device", never
 * on its own. Shown while push reminders are on in the saved preferences.
 */
export function PushDeviceSection({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const publicKey = useQuery({ ...trpc.push.publicKey.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.push.unsubscribe.mutationOptions());
  const [state, setState] = useState<DevicePushState | null>(null);
  const [hideTitles, setHideTitles] = useState(readHideTitles);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hideId = useId();

  useEffect(() => {
    let current = true;
    devicePushState(userId).then(
      (found) => current && setState(found),
      () => current && setState({ kind: 'unsupported' }),
    );
    return () => {
      current = false;
    };
  }, [userId]);

  const run = async (work: () => Promise<DevicePushState | undefined>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      if (next) setState(next);
    } catch (caught) {
      setError(explain(caught));
      // What the device holds now, whatever step failed.
      setState(await devicePushState(userId).catch(() => null));
    } finally {
      setBusy(false);
    }
  };

  const turnOn = (key: string) =>
    run(() =>
      turnOnDevicePush({ userId, publicKey: key, hideTitles, send: (input) => subscribe.mutateAsync(input) }),
    );
  const turnOff = () => run(() => turnOffDevicePush((input) => unsubscribe.mutateAsync(input)));
  const changeHideTitles = (next: boolean) => {
    setHideTitles(next);
    writeHideTitles(next);
    if (state?.kind === 'on')
      void run(async () => {
        await resendDevicePush(next, (input) => subscribe.mutateAsync(input));
        return undefined;
      });
  };

  const serverOff = publicKey.data?.publicKey === null;
  const key = publicKey.data?.publicKey;
  return (
    <section
      aria-label="Notifications on this device"
      className="flex flex-col gap-3 rounded-md border border-line p-3"
    >
      <h3 className="flex items-center gap-2 font-medium text-sm">
        <BellRing aria-hidden="true" className="size-4 text-muted" />
        Notifications on this device
      </h3>
      <p aria-live="polite" className="text-sm" data-testid="device-push-state">
        {publicKey.isError
          ? `Couldn’t ask the server about push: ${errorMessage(publicKey.error)}`
          : serverOff
            ? 'Push is turned off on this server: reminders come by email only.'
            : state
              ? STATE_TEXT[state.kind]
              : 'Checking this device…'}
      </p>
      {!serverOff && state && state.kind !== 'unsupported' && state.kind !== 'blocked' ? (
        <>
          <div className="flex items-center gap-2">
            <input
              id={hideId}
              type="checkbox"
              checked={hideTitles}
              disabled={busy}
              onChange={(event) => changeHideTitles(event.target.checked)}
              className="size-4 accent-accent"
            />
            <label htmlFor={hideId} className="text-sm">
              Hide task titles on this device
            </label>
          </div>
          <div>
            {state.kind === 'on' ? (
              <Button size="sm" pending={busy} onClick={() => void turnOff()}>
                Turn off on this device
              </Button>
            ) : (
              <Button
                size="sm"
                variant="primary"
                pending={busy}
                disabled={!key}
                onClick={() => (key ? void turnOn(key) : undefined)}
              >
                Get notifications on this device
              </Button>
            )}
          </div>
        </>
      ) : null}
      <FormAlert>{error}</FormAlert>
    </section>
  );
}
