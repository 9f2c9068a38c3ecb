// The server's environment, parsed once: nothing else in src/server reads process.env.
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', ''], 'must be true or false'))
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Chrome's, Firefox's, Safari's and Edge's push services. */
const DEFAULT_PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com',
  'push.services.mozilla.com',
  'push.apple.com',
  'notify.windows.com',
];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * The secret that wraps the organisations' private sealing keys in the database (store/sealKeyVault.ts); unset:
   * a key file made on first start in DATA_DIR. Keep it apart from backups: a restore needs it.
   */
  SEAL_KEY_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (say, openssl rand -base64 32)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for SQLite)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  OPEN_REGISTRATION: flag,
  /** How many reverse proxies stand in front of the server: a number, or true for one (false or unset: none). */
  TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '' || value === 'false' || value === 'no') return 0;
      if (value === 'true' || value === 'yes') return 1;
      if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
      context.addIssue({ code: 'custom', message: 'must be true, false or a number of proxies (0–10)' });
      return z.NEVER;
    }),
  /** Marks the sign-in cookie Secure even when the request did not visibly arrive over https. */
  COOKIE_SECURE: flag,
  /** Sync requests a minute per device sign-in (see routes/sync.ts). */
  SYNC_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Where people open Coorie (https://coorie.example.org): the default contact for push services. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Who push services may contact about this server's alerts: a mailto: or https: address (VAPID `sub`). */
  PUSH_CONTACT: z
    .url({ protocol: /^(mailto|https)$/, error: 'must be a mailto: or https: address' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * The push services a device may name in its subscription (host names; each also allows its subdomains). The
   * server sends to whatever address a subscription gives, so it must not be any address a signed-in person likes
   * (a machine on the server's own network, say). The default is the browsers' own services.
   */
  PUSH_SERVICE_HOSTS: z
    .string()
    .default(DEFAULT_PUSH_SERVICE_HOSTS.join(','))
    .transform((value) =>
      value
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ''),
    ),
  /** Minutes after which an urgent concern nobody has picked up is alerted again. */
  ALERT_REPEAT_MINS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Minutes after a visit's expected end before the visitor's own devices are alerted that it is not closed. */
  VISIT_GRACE_MINS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Minutes after that before the coordinators are alerted too. */
  TEAM_ALERT_MINS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Where `npm run backup` and the daily backup write (README, "Backups and restore"). */
  BACKUP_DIR: z.string().min(1).default('./backups'),
  /** How many backups to keep: the oldest beyond this many are deleted after each new one. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  /** A daily backup at this London time (HH:MM), by one server process; unset: none. */
  BACKUP_DAILY_AT: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 02:30')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The append-only record of erasures that a restore cannot lose (README, "Backups and restore"). */
  ERASURE_LEDGER: z.string().min(1).optional(),
  /** Seconds between the server's looks for alerts that have fallen due. */
  ALERT_TICK_SECS: z.coerce.number().int().min(1).max(3600).default(60),
  STATIC_DIR: z.string().min(1).default('./dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Adds the client's address to each request's log line (off: an address is personal data). */
  LOG_IP: flag,
  /** A second port that serves only /metrics (Prometheus), on METRICS_HOST; unset: no such port; 0: any free one. */
  METRICS_PORT: z
    .literal('')
    .transform(() => undefined)
    .or(z.coerce.number().int().min(0).max(65535))
    .optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Serves /metrics on the main port too, to requests with `Authorization: Bearer <token>`; unset: it does not. */
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,}$/, 'must be at least 16 characters, with no spaces')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export type Database = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: Database;
  /** SEAL_KEY_SECRET, or undefined to use `sealKeyFile`. */
  sealKeySecret: string | undefined;
  /** DATA_DIR/seal-key.secret: the secret made on first start when SEAL_KEY_SECRET is unset. */
  sealKeyFile: string;
  openRegistration: boolean;
  /** Proxy hops to trust: the client's address is the one the outermost of them saw (0: the socket's). */
  trustProxy: number;
  cookieSecure: boolean;
  syncRateLimit: number;
  publicUrl: string | undefined;
  /** The VAPID subject: PUSH_CONTACT, else PUBLIC_URL when it is https, else a placeholder (README, "Alerts"). */
  pushContact: string;
  pushServiceHosts: string[];
  urgentRepeatMinutes: number;
  visitGraceMinutes: number;
  teamAlertMinutes: number;
  backupDir: string;
  backupKeep: number;
  /** "HH:MM" in Europe/London, or undefined for no scheduled backup. */
  backupDailyAt: string | undefined;
  erasureLedger: string;
  alertTickSeconds: number;
  staticDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  logIp: boolean;
  metrics: { port: number | undefined; host: string; token: string | undefined };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`The server's environment is not valid:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    database: values.DATABASE_URL
      ? { dialect: 'postgres', url: values.DATABASE_URL }
      : { dialect: 'sqlite', file: path.join(dataDir, 'coorie.db') },
    sealKeySecret: values.SEAL_KEY_SECRET,
    sealKeyFile: path.join(dataDir, 'seal-key.secret'),
    openRegistration: values.OPEN_REGISTRATION,
    trustProxy: values.TRUST_PROXY,
    cookieSecure: values.COOKIE_SECURE,
    syncRateLimit: values.SYNC_RATE_LIMIT,
    publicUrl: values.PUBLIC_URL,
    pushContact:
      values.PUSH_CONTACT ??
      (values.PUBLIC_URL?.startsWith('https:') ? values.PUBLIC_URL : 'mailto:alerts@coorie.invalid'),
    pushServiceHosts: values.PUSH_SERVICE_HOSTS,
    urgentRepeatMinutes: values.ALERT_REPEAT_MINS,
    visitGraceMinutes: values.VISIT_GRACE_MINS,
    teamAlertMinutes: values.TEAM_ALERT_MINS,
    backupDir: path.resolve(values.BACKUP_DIR),
    backupKeep: values.BACKUP_KEEP,
    backupDailyAt: values.BACKUP_DAILY_AT,
    erasureLedger: path.resolve(values.ERASURE_LEDGER ?? path.join(dataDir, 'erasures.log')),
    alertTickSeconds: values.ALERT_TICK_SECS,
    staticDir: path.resolve(values.STATIC_DIR),
    logLevel: values.LOG_LEVEL,
    logIp: values.LOG_IP,
    metrics: { port: values.METRICS_PORT, host: values.METRICS_HOST, token: values.METRICS_TOKEN },
  };
}
