import * as RadixDialog from '@radix-ui/react-dialog';
import { Button } from '../../components/button';

interface ConfirmDeleteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What happens to what the thing held ("Its tasks move to the Inbox."). */
  consequence: string;
  onConfirm: () => void;
}

/** "Delete “Garden”?" with what it means; focus starts on Cancel, the safe choice. */
export function ConfirmDelete({ open, onOpenChange, title, consequence, onConfirm }: ConfirmDeleteProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-30 bg-canvas/70 motion-safe:animate-fade-in" />
        <RadixDialog.Content
          role="alertdialog"
          className="-translate-x-1/2 -translate-y-1/2 fixed top-1/2 left-1/2 z-40 w-[calc(100vw-2rem)] max-w-sm rounded-lg border border-line bg-surface p-5 shadow-overlay outline-none motion-safe:animate-fade-in"
        >
          <RadixDialog.Title className="font-semibold text-lg">{title}</RadixDialog.Title>
          <RadixDialog.Description className="mt-1 text-muted">{consequence}</RadixDialog.Description>
          <div className="mt-4 flex justify-end gap-2">
            <RadixDialog.Close asChild>
              <Button>Cancel</Button>
            </RadixDialog.Close>
            <Button
              variant="danger"
              onClick={() => {
                onConfirm();
                onOpenChange(false);
              }}
            >
              Delete
            </Button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
