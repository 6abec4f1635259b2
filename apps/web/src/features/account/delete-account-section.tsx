import { useState } from 'react';
import { Button } from '../../components/button';
import { Section } from '../../components/section';
import { DeleteAccountDialog } from './delete-account-dialog';

export function DeleteAccountSection({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Section
      title="Delete account"
      tone="danger"
      description="Removes your account, your tasks and every session for good."
    >
      <DeleteAccountDialog
        trigger={<Button variant="danger">Delete account…</Button>}
        open={open}
        onOpenChange={setOpen}
        email={email}
      />
    </Section>
  );
}
