import { runBackupCommand } from './backup-commands.js';
import { BACKUP_COMMANDS, BACKUP_USAGE } from './backup-usage.js';

const USAGE = `Usage: taskapp-backup <command>
${BACKUP_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || !BACKUP_COMMANDS.includes(command)) {
    console.error(USAGE);
    return command ? 2 : 0;
  }
  return runBackupCommand(command, rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
