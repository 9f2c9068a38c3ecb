// Users and their roles. Emails are stored lower-cased: one address, one account, on either database.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword, type ScryptCost } from '../auth/password.ts';
import { mayDesignQuestionnaires as mayDesign } from '../../domain/roles.ts';
import { HttpError } from '../errors.ts';
import type { Role, Schema, UserRow } from './schema.ts';
import { isoNow, isUniqueViolation } from './util.ts';

/** A user as the API shows it. */
export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
}

/** A user as a coordinator's team list shows it. */
export interface TeamMember extends User {
  disabled: boolean;
  createdAt: string;
  /** E.164, or null when none is given. */
  workPhone: string | null;
  /** May design peer-research questionnaires (coordinators always may). */
  peerResearcher: boolean;
}

/** Someone to call: what every signed-in member of staff's device is told about the team (no email). */
export interface Contact {
  id: string;
  name: string;
  role: Role;
  workPhone: string | null;
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUser(row: Pick<UserRow, 'id' | 'name' | 'email' | 'role' | 'organisation_id'>): User {
  return { id: row.id, name: row.name, email: row.email, role: row.role, organisationId: row.organisation_id };
}

function toTeamMember(row: UserRow): TeamMember {
  return {
    ...toUser(row),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    workPhone: row.work_phone,
    peerResearcher: row.peer_researcher === 1,
  };
}

export const emailTaken = () =>
  new HttpError(409, 'email_taken', 'Someone already has an account with that email address.');

/** Creates a user with a hashed password; throws 409 `email_taken` when the address is in use. */
export async function createUser(
  db: Kysely<Schema>,
  input: { organisationId: string; name: string; email: string; role: Role; password: string },
  cost?: ScryptCost,
): Promise<User> {
  const { password, ...rest } = input;
  return insertUser(db, { ...rest, passwordHash: await hashPassword(password, cost) });
}

/** As createUser, with the password already hashed (hashing takes a while; keep it out of transactions). */
export async function insertUser(
  db: Kysely<Schema>,
  input: { organisationId: string; name: string; email: string; role: Role; passwordHash: string },
): Promise<User> {
  const row = {
    id: randomUUID(),
    organisation_id: input.organisationId,
    name: input.name,
    email: normaliseEmail(input.email),
    role: input.role,
    password_hash: input.passwordHash,
    created_at: isoNow(),
  };
  if (await findUserByEmail(db, row.email)) throw emailTaken();
  try {
    await db.insertInto('users').values(row).execute();
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return toUser(row);
}

export async function findUserByEmail(db: Kysely<Schema>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Kysely<Schema>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Schema>, organisationId: string): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toTeamMember);
}

export async function updateUser(
  db: Kysely<Schema>,
  id: string,
  patch: { role?: Role; disabled?: boolean; name?: string; workPhone?: string | null; peerResearcher?: boolean },
): Promise<TeamMember | undefined> {
  const values = {
    ...(patch.peerResearcher === undefined ? {} : { peer_researcher: patch.peerResearcher ? 1 : 0 }),
    ...(patch.workPhone === undefined ? {} : { work_phone: patch.workPhone }),
    ...(patch.role === undefined ? {} : { role: patch.role }),
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.disabled === undefined ? {} : { disabled: patch.disabled ? 1 : 0 }),
  };
  if (Object.keys(values).length > 0) await db.updateTable('users').set(values).where('id', '=', id).execute();
  const row = await findUserById(db, id);
  return row && toTeamMember(row);
}

/** The organisation's members who can still sign in, coordinators first, each with their work phone if any. */
export async function listContacts(db: Kysely<Schema>, organisationId: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'work_phone'])
    .where('organisation_id', '=', organisationId)
    .where('disabled', '=', 0)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const contacts = rows.map((row) => ({ id: row.id, name: row.name, role: row.role, workPhone: row.work_phone }));
  return [...contacts.filter((c) => c.role === 'coordinator'), ...contacts.filter((c) => c.role !== 'coordinator')];
}

/** Coordinators who can still sign in: an organisation must never be left without one. */
export async function countActiveCoordinators(db: Kysely<Schema>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'coordinator')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Gives an account a new password (already hashed); its signed-in devices stay signed in. */
export async function setPasswordHash(db: Kysely<Schema>, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/** Whether this user may design questionnaires: a coordinator, or a member marked as a peer researcher. */
export async function mayDesignQuestionnaires(db: Kysely<Schema>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select(['role', 'peer_researcher'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row !== undefined && mayDesign({ role: row.role, peerResearcher: row.peer_researcher === 1 });
}

/** Whether a coordinator has marked this user as a peer researcher (GET /api/me tells their device). */
export async function isPeerResearcher(db: Kysely<Schema>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('peer_researcher').where('id', '=', userId).executeTakeFirst();
  return row?.peer_researcher === 1;
}
