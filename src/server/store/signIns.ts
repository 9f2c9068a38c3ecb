// Device sign-ins (the `device_sessions` table): one per signed-in device, named, listed and revocable. Only
// the token's hash is kept. Not to be confused with a group session (domain/session.ts).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, Schema } from './schema.ts';
import { isoNow } from './util.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A sign-in ends after 14 days without use: a lost or set-aside tablet does not stay signed in. */
export const SIGN_IN_IDLE_MS = 14 * DAY_MS;
/** And 90 days after its sign-in, however much it is used: then the person proves who they are again. */
export const SIGN_IN_MAX_MS = 90 * DAY_MS;

/** Whether a sign-in has not yet reached either end (revocation is checked apart: it wipes the device). */
export function isSignInLive(signIn: { createdAt: string; lastSeenAt: string }, now: number = Date.now()): boolean {
  return now - Date.parse(signIn.lastSeenAt) < SIGN_IN_IDLE_MS && now - Date.parse(signIn.createdAt) < SIGN_IN_MAX_MS;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface DeviceSignIn {
  id: string;
  name: string;
  userId: string;
  organisationId: string;
}

/** Starts a sign-in; the token goes to the device in a cookie and is never stored. */
export async function createDeviceSignIn(
  db: Kysely<Schema>,
  input: { userId: string; organisationId: string; deviceName: string },
): Promise<{ token: string; signIn: DeviceSignIn }> {
  const token = randomBytes(32).toString('base64url');
  const now = isoNow();
  const signIn = {
    id: randomUUID(),
    name: input.deviceName,
    userId: input.userId,
    organisationId: input.organisationId,
  };
  await db
    .insertInto('device_sessions')
    .values({
      id: signIn.id,
      user_id: signIn.userId,
      organisation_id: signIn.organisationId,
      token_hash: hashToken(token),
      device_name: signIn.name,
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  return { token, signIn };
}

/** The sign-in a token names, with its user, whether live or revoked. */
export async function findSignInByToken(db: Kysely<Schema>, token: string) {
  return db
    .selectFrom('device_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as signInId',
      's.device_name as deviceName',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.revoked_at as revokedAt',
      'u.id as userId',
      'u.name as name',
      'u.email as email',
      'u.role as role',
      'u.organisation_id as organisationId',
      'u.disabled as disabled',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

export async function touchSignIn(db: Kysely<Schema>, id: string, now: number = Date.now()): Promise<void> {
  await db
    .updateTable('device_sessions')
    .set({ last_seen_at: isoNow(now) })
    .where('id', '=', id)
    .execute();
}

export async function revokeSignIn(db: Kysely<Schema>, id: string): Promise<void> {
  await db
    .updateTable('device_sessions')
    .set({ revoked_at: isoNow() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  // A signed-out or lost device is alerted no more.
  await db.deleteFrom('push_subscriptions').where('device_session_id', '=', id).execute();
}

export async function revokeUserSignIns(db: Kysely<Schema>, userId: string): Promise<void> {
  await db
    .updateTable('device_sessions')
    .set({ revoked_at: isoNow() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  await db.deleteFrom('push_subscriptions').where('user_id', '=', userId).execute();
}

export interface DeviceListing {
  id: string;
  name: string;
  userId: string;
  userName: string;
  role: Role;
  createdAt: string;
  lastSeenAt: string;
}

/** Live sign-ins (neither revoked nor expired) of an organisation, or of one user in it; most recently seen first. */
export async function listDeviceSignIns(
  db: Kysely<Schema>,
  scope: { organisationId: string; userId?: string },
  now: number = Date.now(),
): Promise<DeviceListing[]> {
  let query = db
    .selectFrom('device_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as id',
      's.device_name as name',
      'u.id as userId',
      'u.name as userName',
      'u.role as role',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
    ])
    .where('s.organisation_id', '=', scope.organisationId)
    .where('s.revoked_at', 'is', null)
    .where('s.last_seen_at', '>', isoNow(now - SIGN_IN_IDLE_MS))
    .where('s.created_at', '>', isoNow(now - SIGN_IN_MAX_MS));
  if (scope.userId !== undefined) query = query.where('s.user_id', '=', scope.userId);
  return query.orderBy('s.last_seen_at', 'desc').orderBy('s.id').execute();
}

export async function findDeviceSignIn(db: Kysely<Schema>, id: string) {
  return db.selectFrom('device_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}
