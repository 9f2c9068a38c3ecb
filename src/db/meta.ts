// Small typed values kept in the `meta` table: the device's clock, sync cursor and state, who is signed in, and
// the app lock's PIN hash. It imports no db/ module but database.ts, so that any of them may import it.
import type { AlertPeriods } from '../api/push.ts';
import type { WrappedKey } from '../crypto/keys.ts';
import type { Sealed } from '../crypto/seal.ts';
import type { Role } from '../domain/roles.ts';
import type { PendingBatch } from '../sync/coalesce.ts';
import type { ClockState } from '../sync/hlc.ts';
import type { CoorieDb } from './database.ts';

export interface SyncState {
  phase: 'idle' | 'pushing' | 'pulling' | 'error' | 'signed-out';
  lastSuccess?: number;
  lastError?: string;
  /** Progress of a long first download. */
  downloaded?: number;
  total?: number;
  /** The server was restored from a backup: this device is pulling everything and sending back what it holds. */
  catchingUp?: boolean;
}

/** The signed-in user as GET /api/me returns it, cached so that the app opens offline. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  /** Marked as a peer researcher, who may design questionnaires (domain/roles.ts, `mayDesignQuestionnaires`). */
  peerResearcher?: boolean;
}

/** A member of the team and their work phone (E.164), for the "Call <name>" buttons (src/app/team/contacts.ts). */
export interface TeamContact {
  id: string;
  name: string;
  role: 'coordinator' | 'facilitator' | 'visitor';
  workPhone: string | null;
}

/**
 * How the last person left this device, which was then wiped: `revoked` by a coordinator (or their account
 * disabled), `signed-out` by themselves, or `signed-out-offline` when the server could not be told yet.
 */
export interface SignedOut {
  reason: 'revoked' | 'signed-out' | 'signed-out-offline';
  at: number;
}

/**
 * Whose PIN guards this device, so a new person on the device chooses their own. The PIN itself is checked by
 * unwrapping the device key (DeviceKey); nothing else of it is kept. A device set up before device keys existed
 * still holds the PIN's old PBKDF2-SHA-256 hash here (salt, hash, iterations) until its first right PIN
 * (src/app/lock/legacyPin.ts).
 */
export interface PinRecord {
  userId: string;
  /** Hex (old devices only). */
  salt?: string;
  /** Hex (old devices only). */
  hash?: string;
  iterations?: number;
}

/** Why the lock wiped the device, for the sign-in screen. The sign-out itself is recorded as `signedOut`. */
export interface LockWipe {
  at: number;
  reason: 'wrong-pins' | 'forgot-pin';
}

/** The device's sealing key pair (src/db/keyring.ts): the public half in clear, the private half wrapped by the PIN. */
export interface DeviceKey {
  keyId: string;
  /** P-256, raw, base64url. */
  publicKey: string;
  wrapped: WrappedKey;
}

/** The organisation's public sealing key (GET /api/sync/seal-key): the outbox's sensitive values are sealed for it. */
export interface ServerSealKey {
  keyId: string;
  publicKey: string;
  /** When the device last asked the server for it (device clock, ms). */
  checkedAt?: number;
}

/** How far the first unlock after the update has come in sealing the plain values kept before it. */
export interface SealProgress {
  done: number;
  total: number;
  finished: boolean;
  /** The server key the last finished pass sealed the outbox for: a new one asks for another pass. */
  serverKeyId?: string;
}

/** The feedback kiosk while it is on: kept under `kiosk`, read and written only through kiosk.ts. */
export interface KioskState {
  sessionId: string;
  startedAt: string;
  /** A peer-research questionnaire handed over instead of the two feedback questions. */
  questionnaireId?: string;
}

/** The app lock as lock.ts reads it from the entries below. */
export interface LockState {
  pin: PinRecord | null;
  locked: boolean;
  failures: number;
  wipe: LockWipe | null;
}

/** A push batch awaiting its answer (src/engine/syncStore.ts): its id, and the outbox entries it was made of. */
export interface SentBatch {
  batchId: string;
  seqs: number[];
}

export interface MetaValues {
  clock: ClockState;
  /** Server time minus device time, in ms, learnt from the last sync response. */
  serverOffset: number;
  cursor: string;
  /** The server database's epoch this device has caught up with (src/engine/epoch.ts). */
  epoch: string;
  /** The epoch of a restored server this device is catching up with. */
  catchUpEpoch: string;
  sync: SyncState;
  persisted: 'granted' | 'denied' | 'unsupported';
  user: SignedInUser;
  /** The name given to this device at sign-in, e.g. "Hall tablet 1". */
  deviceName: string;
  /** The push batches awaiting the server's answer, oldest first; a retry resends each unchanged. */
  pendingBatches: SentBatch[];
  /** The one push batch an older version of Coorie kept awaiting its answer; read once into `pendingBatches`. */
  pendingBatch: PendingBatch;
  /** The organisation's name as this device knows it, so outreach can warn when a discreet text names it. */
  organisationName: string;
  /** Why nobody is signed in on this wiped device; the sign-in screen says so, and nothing syncs until sign-in. */
  signedOut: SignedOut;
  /** Whose app PIN locks this device (src/app/lock/pin.ts); the PIN itself is never kept. */
  pin: PinRecord;
  /** Wrong PINs in a row, kept here so that a reload gives nobody fresh tries. */
  pinFailures: number;
  /** The page load the PIN last unlocked: any other load (a relaunch) finds Coorie locked. */
  unlocked: { launchId: string };
  /** Left by a wipe that the lock caused, for the sign-in screen to explain it. */
  lockWipe: LockWipe;
  /** The team to call (GET /api/team/contacts), kept so that "Call <name>" works with no signal. */
  contacts: TeamContact[];
  /** The organisation's alert periods (GET /api/organisation/alert-periods), so "overdue" matches the server's. */
  alertPeriods: AlertPeriods;
  deviceKey: DeviceKey;
  /** The notes' concerns opened on earlier launches, sealed for the device key (src/db/today.ts). */
  openedConcerns: Sealed;
  serverSealKey: ServerSealKey;
  sealProgress: SealProgress;
}

export async function getMeta<K extends keyof MetaValues>(db: CoorieDb, key: K): Promise<MetaValues[K] | undefined> {
  const entry = await db.meta.get(key);
  return entry?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends keyof MetaValues>(db: CoorieDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(db: CoorieDb, key: keyof MetaValues): Promise<void> {
  await db.meta.delete(key);
}
