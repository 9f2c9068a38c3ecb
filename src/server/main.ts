// Starts the server: config, database (checked writable, migrated), app, listen; closes cleanly on SIGINT and
// SIGTERM. What stops it at start is said in one line naming the path and the cause.
import { buildApp } from './app.ts';
import { dailyBackupIfDue, removePidFile, writePidFile } from './backup.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { reapplyErasures } from './people/reapplyErasures.ts';
import { logRetentionDue } from './people/retention.ts';
import { claimJob, scheduleJob } from './jobs.ts';
import { buildMetricsServer } from './metrics.ts';
import { sendDueAlerts } from './push/alerts.ts';
import { checkDataFolder, describeCause, describeDatabase, StartupError } from './preflight.ts';
import { migrateToLatest, openStore, type Store } from './store/index.ts';
import { sweepRateLimits } from './store/rateLimits.ts';
import { prepareKeysAtRest } from './store/keysAtRest.ts';
import { loadSealKeyVault, type SealKeyVault } from './store/sealKeyVault.ts';

/** Stops the server at start with one line for whoever started it, and no stack trace. */
function stop(line: string): never {
  console.error(`Coorie cannot start: ${line}`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

function open(config: Config): Store {
  try {
    checkDataFolder(config.database);
    return openStore(config);
  } catch (error) {
    if (error instanceof StartupError) return stop(error.message);
    return stop(`the database ${describeDatabase(config.database)} cannot be opened: ${describeCause(error)}.`);
  }
}

const config = readConfig();
const store = open(config);
let migration: string | undefined;
try {
  migration = await migrateToLatest(store.db);
} catch (error) {
  await store.close().catch(() => undefined);
  stop(`the database ${describeDatabase(config.database)} cannot be brought up to date: ${describeCause(error)}.`);
}
// Every erasure in the ledger holds again before any request is answered: after a restore from a backup taken
// before some of them, no device can bring those people back (README, "Backups and restore").
try {
  const reapplied = await reapplyErasures(store.db, config.erasureLedger);
  if (reapplied > 0) console.log(`Coorie re-applied ${reapplied} erasure(s) from ${config.erasureLedger}`);
} catch (error) {
  await store.close().catch(() => undefined);
  stop(`the erasures in ${config.erasureLedger} cannot be re-applied: ${describeCause(error)}.`);
}
// The organisations' private sealing keys, the VAPID key and the devices' push subscriptions are kept wrapped by
// the server's secret (store/sealKeyVault.ts): a secret that does not open them stops the server here, before a
// push or an alert fails, and with nothing changed; else any still plain are wrapped now (store/keysAtRest.ts).
let sealKeyVault: SealKeyVault | undefined;
try {
  sealKeyVault = await loadSealKeyVault(config);
  const wrapped = await prepareKeysAtRest(store.db, sealKeyVault);
  if (wrapped.sealKeys > 0)
    console.log(`Coorie wrapped ${wrapped.sealKeys} sealing key(s) with ${sealKeyVault.source}`);
  if (wrapped.vapidKey) console.log(`Coorie wrapped the VAPID key with ${sealKeyVault.source}`);
  if (wrapped.pushSubscriptions > 0)
    console.log(`Coorie wrapped ${wrapped.pushSubscriptions} push subscription(s) with ${sealKeyVault.source}`);
} catch (error) {
  await store.close().catch(() => undefined);
  stop(
    error instanceof StartupError
      ? error.message
      : `the secret for the sealing keys cannot be loaded (${config.sealKeyFile}): ${describeCause(error)}.`,
  );
}
const app = await buildApp({ config, store, sealKeyVault });

// Here, not in app.ts, so that tests of the app stay free of timers. Each job runs once a period however many
// server processes share the database (jobs.ts): every process ticks, and the one that claims the period runs it.
const DAY_MS = 24 * 60 * 60 * 1000;
const jobContext = { db: store.db, log: app.log };
// Once a day, and at start (a server restarted daily would otherwise never reach it), log who is due under
// retention; see retention.ts.
const retentionJob = scheduleJob(jobContext, 'retention', DAY_MS, () => logRetentionDue(store.db));
// Ended rate-limit windows (store/rateLimits.ts) are cleared every ten minutes.
const sweepJob = scheduleJob(jobContext, 'rate-limit-sweep', 10 * 60 * 1000, () => sweepRateLimits(store.db));

// Alerts: the VAPID keys are made now if this is the first start, and every minute (ALERT_TICK_SECS) any alert
// that is due (a reminder about an urgent concern, a visit not closed) is sent. The tick is claimed by one process,
// and each alert is claimed again on its own (push/alerts.ts), so an alert is sent once even if two ticks overlap.
const ALERT_TICK_MS = config.alertTickSeconds * 1000;
await app.push.publicKey();
const alertJob = scheduleJob(jobContext, 'alerts', ALERT_TICK_MS, () => sendDueAlerts(app.alerting, Date.now()), {
  atStart: false,
});

// METRICS_PORT: /metrics alone on a port of its own, for a scraper on a private network (README, "Operations").
const metricsServer = config.metrics.port === undefined ? undefined : buildMetricsServer(app.metrics);

// The daily backup (BACKUP_DAILY_AT), checked every minute; one process claims each day's (backup.ts).
const backupTick = () =>
  dailyBackupIfDue(config, (job, slot) => claimJob(store.db, job, slot, Date.now()))
    .then((backup) => {
      if (backup)
        app.log.info({ file: backup.file, bytes: backup.bytes, deleted: backup.deleted.length }, 'backup taken');
    })
    .catch((error: unknown) => app.log.error({ err: error }, 'the daily backup failed'));
const backupTimer = setInterval(() => void backupTick(), 60 * 1000);
backupTimer.unref();

let closing = false;
async function shutDown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: closing`);
  try {
    for (const job of [retentionJob, sweepJob, alertJob]) job.stop();
    clearInterval(backupTimer);
    await metricsServer?.close();
    await app.close();
    await store.close();
    removePidFile(config);
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'could not close cleanly');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutDown('SIGINT'));
process.on('SIGTERM', () => void shutDown('SIGTERM'));

try {
  const address = await app.listen({ port: config.port, host: config.host });
  // Tells `npm run restore` that a server is using this data folder.
  writePidFile(config);
  const url = config.host === '0.0.0.0' || config.host === '::' ? `http://localhost:${config.port}` : address;
  // On stdout whatever the log level, so that whoever started the server sees where to go.
  console.log(`Coorie is running at ${url} (${store.dialect}, migration ${migration ?? 'none'})`);
} catch (error) {
  await store.close().catch(() => undefined);
  stop(`it cannot listen on ${config.host}:${config.port}: ${describeCause(error)}.`);
}
if (metricsServer && config.metrics.port !== undefined) {
  const { host, port } = config.metrics;
  try {
    const address = await metricsServer.listen({ port, host });
    console.log(`Coorie's metrics are at ${address}/metrics`);
  } catch (error) {
    await app.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    stop(`it cannot listen for metrics on ${host}:${port}: ${describeCause(error)}.`);
  }
}
