import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DeliveryTally } from './tally.js';

export interface SmtpSink {
  url: string;
  tally: DeliveryTally;
  /** Mails to anyone else (the bench's sign-up sends a verification mail). */
  others(): number;
  close(): Promise<void>;
}

// The reminder's link, /?task=<id>, read from the raw message: undoing quoted-printable's soft line
// breaks and its "=3D" for "=" is all it takes (mailparser on 100,000 mails would cost the bench's CPU).
const SOFT_BREAK = /=\r?\n/g;
const TASK_LINK = /\/\?task=(?:3D)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

export function taskIdInMail(raw: string): string | null {
  return TASK_LINK.exec(raw.replace(SOFT_BREAK, ''))?.[1]?.toLowerCase() ?? null;
}

/** A real SMTP server on a free loopback port that counts mails to `recipients` per task id. */
export async function startSmtpSink(recipients: RegExp): Promise<SmtpSink> {
  const tally = new DeliveryTally();
  let others = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (session.envelope.rcptTo.some((to) => recipients.test(to.address)))
          tally.record(taskIdInMail(Buffer.concat(chunks).toString('latin1')), Date.now());
        else others += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    tally,
    others: () => others,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
