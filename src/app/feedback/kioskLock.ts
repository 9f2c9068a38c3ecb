// The kiosk lock: a 4–6 digit code the facilitator chooses when handing the tablet over, because the account
// password cannot be checked offline. Only a salted SHA-256 of it is kept. Issue 5 replaces this with the
// app PIN: everything about the lock lives in this one module so that swap touches nothing else.
import type { CoorieDb } from '../../db/database.ts';
import { clearKiosk, getKiosk, setKiosk } from '../../db/kiosk.ts';

export const KIOSK_PATH = '/kiosk';
const CODE = /^\d{4,6}$/;
/** After this many wrong codes in a row, each further try waits a little, so guessing takes far too long. */
const FREE_TRIES = 5;
const WAIT_MS = 30_000;

/** What is wrong with a chosen code, or undefined when it will do. */
export function kioskCodeProblem(code: string): string | undefined {
  if (code === '') return 'Choose a code of 4 to 6 digits';
  if (!/^\d*$/.test(code)) return 'Use digits only';
  if (!CODE.test(code)) return 'Use 4 to 6 digits';
  return undefined;
}

const toHex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

async function hashCode(code: string, salt: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${code}`));
  return toHex(digest);
}

/** Turns the kiosk on for a session: from now until unlocked, the device shows only the feedback questions. */
export async function startKiosk(db: CoorieDb, sessionId: string, code: string, now = new Date()): Promise<void> {
  const problem = kioskCodeProblem(code);
  if (problem) throw new Error(problem);
  const salt = toHex(crypto.getRandomValues(new Uint8Array(16)));
  await setKiosk(db, {
    sessionId,
    salt,
    hash: await hashCode(code, salt),
    startedAt: now.toISOString(),
    failures: 0,
  });
}

export type UnlockResult =
  { unlocked: true; sessionId: string } | { unlocked: false; reason: 'wrong' | 'wait' | 'off'; waitSeconds?: number };

/** Checks the code; the right one turns the kiosk off. */
export async function unlockKiosk(db: CoorieDb, code: string, now = Date.now()): Promise<UnlockResult> {
  const kiosk = await getKiosk(db);
  if (!kiosk) return { unlocked: false, reason: 'off' };
  if (kiosk.failures >= FREE_TRIES && kiosk.lastFailureAt !== undefined && now - kiosk.lastFailureAt < WAIT_MS) {
    return { unlocked: false, reason: 'wait', waitSeconds: Math.ceil((WAIT_MS - (now - kiosk.lastFailureAt)) / 1000) };
  }
  if ((await hashCode(code, kiosk.salt)) === kiosk.hash) {
    await clearKiosk(db);
    return { unlocked: true, sessionId: kiosk.sessionId };
  }
  await setKiosk(db, { ...kiosk, failures: kiosk.failures + 1, lastFailureAt: now });
  return { unlocked: false, reason: 'wrong' };
}
