// Starts the server: config, database (checked writable, migrated), app, listen; closes cleanly on SIGINT and
// SIGTERM. What stops it at start is said in one line naming the path and the cause.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { logRetentionDue } from './people/retention.ts';
import { sendDueAlerts } from './push/alerts.ts';
import { checkDataFolder, describeCause, describeDatabase, StartupError } from './preflight.ts';
import { migrateToLatest, openStore, type Store } from './store/index.ts';

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
const app = await buildApp({ config, store });

// Here, not in app.ts, so that tests of the app stay free of timers. Once a day, and once at start (a
// server restarted daily would otherwise never reach it), log who is due under retention; see retention.ts.
const DAY_MS = 24 * 60 * 60 * 1000;
const checkRetention = () =>
  logRetentionDue(store.db).catch((error: unknown) => app.log.error({ err: error }, 'retention check failed'));
void checkRetention();
const retentionTimer = setInterval(() => void checkRetention(), DAY_MS);
retentionTimer.unref();

// Alerts: the VAPID keys are made now if this is the first start, and every minute (ALERT_TICK_SECS) any alert
// that is due (a reminder about an urgent concern, a visit not closed) is sent, by whichever process claims it first.
const ALERT_TICK_MS = config.alertTickSeconds * 1000;
await app.push.publicKey();
const checkAlerts = () =>
  sendDueAlerts(app.alerting, Date.now()).catch((error: unknown) => app.log.error({ err: error }, 'alert tick failed'));
const alertTimer = setInterval(() => void checkAlerts(), ALERT_TICK_MS);
alertTimer.unref();

let closing = false;
async function shutDown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: closing`);
  try {
    clearInterval(retentionTimer);
    clearInterval(alertTimer);
    await app.close();
    await store.close();
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
  const url = config.host === '0.0.0.0' || config.host === '::' ? `http://localhost:${config.port}` : address;
  // On stdout whatever the log level, so that whoever started the server sees where to go.
  console.log(`Coorie is running at ${url} (${store.dialect}, migration ${migration ?? 'none'})`);
} catch (error) {
  await store.close().catch(() => undefined);
  stop(`it cannot listen on ${config.host}:${config.port}: ${describeCause(error)}.`);
}
