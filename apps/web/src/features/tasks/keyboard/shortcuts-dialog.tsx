import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { isMac } from '../../../lib/platform';
import { TASK_SHORTCUTS } from './shortcuts';

/** Every key the task screen understands, opened with `?`. */
export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-30 bg-canvas/70 motion-safe:animate-fade-in" />
        <RadixDialog.Content className="fixed top-1/2 left-1/2 z-40 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-surface p-5 shadow-overlay outline-none motion-safe:animate-fade-in">
          <div className="flex items-center justify-between">
            <RadixDialog.Title className="font-semibold text-lg">Keyboard shortcuts</RadixDialog.Title>
            <RadixDialog.Close
              aria-label="Close"
              className="-mr-2 flex size-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg"
            >
              <X aria-hidden="true" className="size-4" />
            </RadixDialog.Close>
          </div>
          <RadixDialog.Description className="mt-1 text-muted">
            They work whenever you are not typing in a field.
          </RadixDialog.Description>
          <dl className="mt-4 divide-y divide-line">
            {TASK_SHORTCUTS.map(({ keys, label }) => (
              <div key={label} className="flex items-center justify-between gap-4 py-1.5">
                <dt>{label}</dt>
                <dd className="flex shrink-0 gap-1">
                  {keys.map((key) => (
                    <kbd
                      key={key}
                      className="min-w-6 rounded-sm border border-line-strong bg-subtle px-1.5 text-center font-sans text-muted text-sm"
                    >
                      {isMac ? key.replace('Ctrl+', '⌘').replace('Alt+', '⌥') : key}
                    </kbd>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
