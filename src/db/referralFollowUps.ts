// What Today needs of referrals, apart from the rest (db/referrals.ts) so that Today loads only this: the
// follow-ups due, and recording how one went.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attendee } from '../domain/attendee.ts';
import type { Referral } from '../domain/referral.ts';
import { followsUp, type ReferralOutcome } from '../domain/referralRules.ts';
import type { CoorieDb } from './database.ts';
import { useDb } from './hooks.ts';
import { openRows } from './keyring.ts';
import { correctedNow, saveRecord } from './records.ts';

const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((row) => row.deleted !== true);

export async function recordOutcome(
  db: CoorieDb,
  referralId: string,
  outcome: ReferralOutcome,
  userId: string,
): Promise<void> {
  const outcomeAt = new Date(await correctedNow(db)).toISOString();
  await saveRecord(db, 'referral', referralId, { outcome, outcomeAt }, { userId });
}

export interface ReferralFollowUps {
  referrals: Referral[];
  attendees: Map<string, Attendee>;
  /** Partner names by id; a directory entry's name is found by the screen. */
  partners: Map<string, string>;
}

/**
 * Referrals whose "did they get there?" is due by `today` (a London date) and has no outcome, through the derived
 * `_i.due` index (derived.ts): whoever made them sees them, and coordinators see all.
 */
export function useReferralFollowUps(
  today: string,
  user: { id: string; role: string } | undefined,
  ahead?: ReferralFollowUps,
): ReferralFollowUps | undefined {
  const db = useDb();
  return useLiveQuery(() => readReferralFollowUps(db, today, user), [db, today, user?.id, user?.role], ahead);
}

/** The referral follow-ups due by `today` that `user` sees, with the people and partners they name. */
export async function readReferralFollowUps(
  db: CoorieDb,
  today: string,
  user: { id: string; role: string } | undefined,
): Promise<ReferralFollowUps> {
  if (!user) return { referrals: [], attendees: new Map(), partners: new Map() };
  const due = live(await db.records('referral').where('_i.due').belowOrEqual(today).toArray()).filter((row) =>
    followsUp(row, user),
  );
  const people = await db.records('attendee').bulkGet([...new Set(due.map((row) => row.attendeeId ?? ''))]);
  const partnerRows = await db.records('partner').bulkGet([...new Set(due.map((row) => row.partnerId ?? ''))]);
  const found = <T>(row: T | undefined): row is T => row !== undefined;
  const attendees = new Map<string, Attendee>();
  for (const row of await openRows('attendee', live(people.filter(found)))) attendees.set(row.id, row);
  const partners = new Map(partnerRows.filter(found).map((row) => [row.id, row.name ?? '']));
  const referrals = due.toSorted((a, b) => (a.followUpDue ?? '').localeCompare(b.followUpDue ?? ''));
  return { referrals, attendees, partners };
}
