export const BACKUP_USAGE = `  backup [--out DIR]          write an encrypted backup to BACKUP_DIR (or DIR) and print its path
  restore <file> [--target-url URL] [--force]
                              restore a backup into URL (default: DATABASE_URL or the embedded database)
  backup:verify <file>        restore into a scratch database, compare with the manifest, drop it
  backup:list                 list the backups in BACKUP_DIR
  backup:keygen               print a new age identity and its recipient`;

export const BACKUP_COMMANDS = ['backup', 'restore', 'backup:verify', 'backup:list', 'backup:keygen'];
