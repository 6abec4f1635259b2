import { useMutation } from '@tanstack/react-query';
import { passkeyNameSchema } from '@taskapp/shared';
import { Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/text-field';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { cancelledByPerson } from '../auth/passkey-sign-in-button';
import { describeUserAgent } from './describe-user-agent';
import { type PasskeyItem, PasskeyRow } from './passkey-row';

/** The server's reason, or the device's when it could not make a passkey. */
function addFailure(error: unknown): string {
  if (error instanceof Error && error.name !== 'TRPCClientError') {
    return 'Your device couldn’t create a passkey here. Try again, or use another device or security key.';
  }
  return errorMessage(error);
}

interface PasskeyListProps {
  passkeys: PasskeyItem[];
  email: string;
  onChanged: () => Promise<unknown>;
}

/** Passkeys: sign in with the device's lock instead of a password and code. */
export function PasskeyList({ passkeys, email, onChanged }: PasskeyListProps) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="flex flex-col gap-3 border-line border-t pt-4">
      <div>
        <h3 className="font-semibold">Passkeys</h3>
        <p className="mt-0.5 text-muted text-sm">
          Sign in with your fingerprint, face or screen lock, without a password or code.
        </p>
      </div>
      {passkeys.length > 0 ? (
        <ul aria-label="Passkeys" className="divide-y divide-line">
          {passkeys.map((passkey) => (
            <PasskeyRow key={passkey.id} passkey={passkey} email={email} onChanged={onChanged} />
          ))}
        </ul>
      ) : (
        <p className="text-muted text-sm">No passkeys yet.</p>
      )}
      {adding ? (
        <AddPasskeyForm onDone={() => setAdding(false)} onChanged={onChanged} />
      ) : (
        <div>
          <Button onClick={() => setAdding(true)}>
            <Plus aria-hidden="true" className="size-4" />
            Add a passkey
          </Button>
        </div>
      )}
    </div>
  );
}

function AddPasskeyForm({ onDone, onChanged }: { onDone: () => void; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const options = useMutation(trpc.account.passkeys.registrationOptions.mutationOptions());
  const register = useMutation(trpc.account.passkeys.register.mutationOptions());
  const [name, setName] = useState(() => describeUserAgent(navigator.userAgent).label);
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const parsed = passkeyNameSchema.safeParse(name);
    setNameError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (!parsed.success) return;
    setFormError(null);
    setPending(true);
    try {
      // Loaded on demand: only this form and the sign-in button need the WebAuthn helpers.
      const { startRegistration } = await import('@simplewebauthn/browser');
      const response = await startRegistration({ optionsJSON: await options.mutateAsync() });
      await register.mutateAsync({ response, name: parsed.data });
      toast.success('Passkey added', { description: `You can sign in with “${parsed.data}”.` });
      await onChanged();
      onDone();
    } catch (error) {
      if (!cancelledByPerson(error)) setFormError(addFailure(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Add a passkey">
      <FormAlert>{formError}</FormAlert>
      <TextField
        label="Passkey name"
        hint="So you can tell your passkeys apart, like “Work laptop”."
        autoFocus
        maxLength={100}
        value={name}
        error={nameError}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" pending={pending}>
          {pending ? 'Waiting for your device…' : 'Create passkey'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
