import { useMutation } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button';
import { Section } from '../../components/section';
import { EXPORT_URL } from '../../lib/api-url';
import { ApiRouteError, authorizedFetch } from '../../lib/authorized-fetch';
import { attachmentFileName, downloadBlob } from '../../lib/download';
import { toast } from '../../lib/toast';
import { errorMessage } from '../../lib/trpc-errors';
import { ConfirmPasswordForm } from './confirm-password-form';

function exportFileName(now = new Date()): string {
  return `taskapp-export-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * The export, streamed by the server (GET /api/account/export) as it reads it, however much the account
 * holds, and saved as the file it names.
 */
async function fetchExport(): Promise<{ fileName: string; file: Blob }> {
  const response = await authorizedFetch(EXPORT_URL);
  const fileName = attachmentFileName(response.headers.get('content-disposition')) ?? exportFileName();
  return { fileName, file: await response.blob() };
}

export function ExportSection() {
  // A sign-in on this device more than 30 minutes ago: the server wants the password again first.
  const [confirming, setConfirming] = useState(false);
  // Fetched on demand, never cached: an export must be current, and it can be large.
  const exportData = useMutation({
    mutationFn: fetchExport,
    onSuccess: ({ fileName, file }) => {
      downloadBlob(fileName, file);
      toast.success('Export downloaded', {
        description: 'A JSON file with your account, tasks and sessions.',
      });
    },
    onError: (error) => {
      if (error instanceof ApiRouteError && error.status === 403) {
        setConfirming(true);
        return;
      }
      toast.error('Couldn’t export your data', {
        description: error instanceof ApiRouteError ? error.message : errorMessage(error),
      });
    },
  });

  return (
    <Section
      title="Export your data"
      description="Everything Taskapp stores about you, as a JSON file. Passwords and tokens are never included."
    >
      {confirming ? (
        <ConfirmPasswordForm
          onConfirmed={() => {
            setConfirming(false);
            exportData.mutate();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <Button pending={exportData.isPending} onClick={() => exportData.mutate()}>
          {exportData.isPending ? null : <Download aria-hidden="true" className="size-4" />}
          {exportData.isPending ? 'Preparing export…' : 'Download my data'}
        </Button>
      )}
    </Section>
  );
}
