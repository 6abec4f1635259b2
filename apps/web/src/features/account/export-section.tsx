import { useMutation } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/button';
import { Section } from '../../components/section';
import { downloadJson } from '../../lib/download';
import { useTRPCClient } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';

function exportFileName(now = new Date()): string {
  return `taskapp-export-${now.toISOString().slice(0, 10)}.json`;
}

export function ExportSection() {
  const client = useTRPCClient();
  // Fetched on demand, never cached: an export must be current, and it can be large.
  const exportData = useMutation({
    mutationFn: () => client.account.exportData.query(),
    onSuccess: (data) => {
      downloadJson(exportFileName(), data);
      toast.success('Export downloaded', {
        description: 'A JSON file with your account, tasks and sessions.',
      });
    },
    onError: (error) => toast.error('Couldn’t export your data', { description: errorMessage(error) }),
  });

  return (
    <Section
      title="Export your data"
      description="Everything Taskapp stores about you, as a JSON file. Passwords and tokens are never included."
    >
      <Button pending={exportData.isPending} onClick={() => exportData.mutate()}>
        {exportData.isPending ? null : <Download aria-hidden="true" className="size-4" />}
        {exportData.isPending ? 'Preparing export…' : 'Download my data'}
      </Button>
    </Section>
  );
}
