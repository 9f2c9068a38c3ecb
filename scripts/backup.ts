// `npm run backup`: a consistent backup of the database, taken while the server runs, into BACKUP_DIR
// (README, "Backups and restore"). The logic is src/server/backup.ts, which the daily backup uses too.
import { BackupError, takeBackup } from '../src/server/backup.ts';
import { ConfigError, loadConfig } from '../src/server/config.ts';

try {
  const config = loadConfig();
  const backup = await takeBackup(config);
  const size = `${(backup.bytes / 1024).toFixed(0)} KB`;
  console.log(`Backup written: ${backup.file} (${size}).`);
  if (backup.deleted.length > 0) {
    console.log(`Deleted ${backup.deleted.length} older backup(s), keeping ${config.backupKeep} (BACKUP_KEEP).`);
  }
  console.log('It holds health data: keep it encrypted and only where the database itself may be.');
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError) {
    console.error(`No backup taken: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
