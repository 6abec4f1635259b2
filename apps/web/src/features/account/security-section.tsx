import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck, ShieldOff } from 'lucide-react';
import { useRef, useState } from 'react';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { Section } from '../../components/section';
import type { SessionUser } from '../../lib/api-types';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { PasskeyList } from './passkey-list';
import { RecoveryCodes } from './recovery-codes';
import { DisableTotpForm, RegenerateRecoveryCodesForm } from './totp-manage-forms';
import { TotpSetup } from './totp-setup';

type Flow =
  | { kind: 'none' }
  | { kind: 'setup' }
  | { kind: 'disable' }
  | { kind: 'regenerate' }
  | { kind: 'codes'; codes: string[] };

function codesLeftText(count: number): string {
  return count === 1 ? '1 recovery code left' : `${count} recovery codes left`;
}

/** Two-factor authentication: its state, turning it on and off, and new recovery codes (issue 17). */
export function SecuritySection({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.account.twoFactor.status.queryOptions());
  const [flow, setFlow] = useState<Flow>({ kind: 'none' });
  const statusLine = useRef<HTMLParagraphElement>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.twoFactor.status.queryKey() });
  // The flow's controls disappear when it ends; focus goes to the state it changed rather than the page top.
  const close = () => {
    setFlow({ kind: 'none' });
    requestAnimationFrame(() => statusLine.current?.focus());
  };
  const showCodes = (codes: string[]) => {
    setFlow({ kind: 'codes', codes });
    void refresh();
  };

  const on = status.data?.totp ?? false;
  const codesLeft = status.data?.recoveryCodesLeft ?? 0;

  return (
    <Section
      title="Security"
      description="Two-factor authentication asks for a code from your phone after your password. Passkeys sign you in with your device’s lock."
    >
      {status.isPending ? (
        <p role="status" className="text-muted text-sm">
          Loading…
        </p>
      ) : status.isError ? (
        <FormAlert>{`Couldn’t load your two-factor settings. ${errorMessage(status.error)}`}</FormAlert>
      ) : (
        <div className="flex flex-col gap-4">
          <p
            ref={statusLine}
            tabIndex={-1}
            className="flex flex-wrap items-center gap-x-2 gap-y-1 outline-none"
            data-testid="two-factor-status"
          >
            {on ? (
              <ShieldCheck aria-hidden="true" className="size-4 text-success" />
            ) : (
              <ShieldOff aria-hidden="true" className="size-4 text-muted" />
            )}
            <span className="font-medium">Two-factor authentication is {on ? 'on' : 'off'}</span>
            {on ? (
              <span className={codesLeft <= 2 ? 'text-danger text-sm' : 'text-muted text-sm'}>
                · {codesLeftText(codesLeft)}
                {codesLeft <= 2 ? ' — make new ones soon' : ''}
              </span>
            ) : null}
          </p>

          {flow.kind === 'none' ? (
            <div className="flex flex-wrap gap-2">
              {on ? (
                <>
                  <Button onClick={() => setFlow({ kind: 'regenerate' })}>New recovery codes</Button>
                  <Button onClick={() => setFlow({ kind: 'disable' })}>Turn off</Button>
                </>
              ) : (
                <Button variant="primary" onClick={() => setFlow({ kind: 'setup' })}>
                  Turn on two-factor authentication
                </Button>
              )}
            </div>
          ) : null}

          {flow.kind === 'setup' ? (
            <TotpSetup
              email={user.email}
              onEnabled={(codes) => {
                toast.success('Two-factor authentication is on');
                showCodes(codes);
              }}
              onCancel={close}
            />
          ) : null}
          {flow.kind === 'disable' ? (
            <DisableTotpForm
              email={user.email}
              onDisabled={() => {
                toast.success('Two-factor authentication is off');
                void refresh();
                close();
              }}
              onCancel={close}
            />
          ) : null}
          {flow.kind === 'regenerate' ? (
            <RegenerateRecoveryCodesForm onCodes={showCodes} onCancel={close} />
          ) : null}
          {flow.kind === 'codes' ? <RecoveryCodes codes={flow.codes} onDone={close} /> : null}

          <PasskeyList passkeys={status.data.passkeys} email={user.email} onChanged={refresh} />
        </div>
      )}
    </Section>
  );
}
