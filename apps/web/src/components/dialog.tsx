import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

interface DialogProps {
  /** The control that opens the dialog; focus returns to it when the dialog closes. None when opened from elsewhere. */
  trigger?: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  children: ReactNode;
}

/** A modal with a title and description; Radix traps focus, closes on Escape and restores focus after. */
export function Dialog({ trigger, open, onOpenChange, title, description, children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-30 bg-canvas/70 motion-safe:animate-fade-in" />
        <RadixDialog.Content className="fixed top-1/2 left-1/2 z-40 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-surface p-5 shadow-overlay outline-none motion-safe:animate-fade-in">
          <RadixDialog.Title className="font-semibold text-lg">{title}</RadixDialog.Title>
          <RadixDialog.Description asChild>
            <div className="mt-1 text-muted">{description}</div>
          </RadixDialog.Description>
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export const DialogClose = RadixDialog.Close;
