import { Copy, Download, TriangleAlert } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import { Button } from '../../components/button';
import { downloadBlob } from '../../lib/download';
import { toast } from '../../lib/toast';

export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${what} copied`);
  } catch {
    toast.error(`Couldn’t copy the ${what.toLowerCase()}`, {
      description: 'Select the text and copy it yourself.',
    });
  }
}

function recoveryCodesFile(codes: readonly string[]): Blob {
  const text = [
    'Taskapp recovery codes',
    'Each code signs you in once when you cannot use your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');
  return new Blob([text], { type: 'text/plain;charset=utf-8' });
}

/**
 * New recovery codes, shown once: the server keeps only their hashes. Focus moves here when they
 * appear, so a screen reader starts reading at the warning.
 */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-4">
      <div>
        <h3 id={`${id}-title`} ref={heading} tabIndex={-1} className="font-semibold outline-none">
          Your recovery codes
        </h3>
        <p className="mt-1 flex items-start gap-2 text-sm">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning" />
          <span>
            <strong>Save these now; they are shown only once.</strong> Each code signs you in once if you lose
            your authenticator app. Older codes no longer work.
          </span>
        </p>
      </div>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-md border border-line bg-subtle px-4 py-3 font-mono text-sm max-[380px]:grid-cols-1"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void copyText(codes.join('\n'), 'Recovery codes')}>
          <Copy aria-hidden="true" className="size-4" />
          Copy<span className="sr-only"> recovery codes</span>
        </Button>
        <Button onClick={() => downloadBlob('taskapp-recovery-codes.txt', recoveryCodesFile(codes))}>
          <Download aria-hidden="true" className="size-4" />
          Download (.txt)
        </Button>
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
