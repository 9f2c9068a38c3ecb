// Referrals and partners on the device: the person's referrals, the partners most recently referred to (for the
// form's picker), and the writes: a referral made, a partner saved. Today's part is in referralFollowUps.ts.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Partner } from '../domain/partner.ts';
import type { Referral } from '../domain/referral.ts';
import type { CoorieDb } from './database.ts';
import { useDb } from './hooks.ts';
import { openRows } from './keyring.ts';
import { correctedNow, saveRecord } from './records.ts';

const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((row) => row.deleted !== true);

/** How many recent partners the referral form offers at a tap. */
export const RECENT_PARTNERS = 4;

export function usePartners(): Partner[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => live(await db.records('partner').orderBy('name').toArray()), [db]);
}

/** A person's referrals, newest first, reasons opened. */
export function usePersonReferrals(attendeeId: string): Referral[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const rows = live(await db.records('referral').where('attendeeId').equals(attendeeId).toArray());
    const opened = await openRows('referral', rows);
    return opened.sort((a, b) => (b.madeAt ?? '').localeCompare(a.madeAt ?? ''));
  }, [db, attendeeId]);
}

/** The partners of the latest referrals on this device, most recent first, each once. */
export async function recentPartnerIds(db: CoorieDb, limit = RECENT_PARTNERS): Promise<string[]> {
  const ids: string[] = [];
  // Newest first through the `madeAt` index; stops as soon as enough partners are found.
  await db
    .records('referral')
    .orderBy('madeAt')
    .reverse()
    .until(() => ids.length >= limit)
    .each((row) => {
      const target = row.partnerId ? `partner:${row.partnerId}` : row.serviceId ? `service:${row.serviceId}` : '';
      if (row.deleted !== true && target && !ids.includes(target)) ids.push(target);
    });
  return ids;
}

export function useRecentPartnerIds(): string[] | undefined {
  const db = useDb();
  return useLiveQuery(() => recentPartnerIds(db), [db]);
}

export interface ReferralInput {
  attendeeId: string;
  /** `partner:<id>` or `service:<id>`. */
  target: string;
  toName: string;
  type: 'referral' | 'signposting';
  reason: string;
  consentWording: string;
  followUpDue: string;
}

export async function makeReferral(db: CoorieDb, id: string, input: ReferralInput, userId: string): Promise<void> {
  const [what, targetId] = input.target.split(/:(.*)/s);
  const madeAt = new Date(await correctedNow(db)).toISOString();
  await saveRecord(
    db,
    'referral',
    id,
    {
      attendeeId: input.attendeeId,
      ...(what === 'service' ? { serviceId: targetId } : { partnerId: targetId }),
      toName: input.toName.slice(0, 120),
      type: input.type,
      ...(input.reason.trim() ? { reason: input.reason.trim() } : {}),
      consentGiven: true,
      consentWording: input.consentWording.trim(),
      madeAt,
      followUpDue: input.followUpDue,
    },
    { userId },
  );
}

export async function savePartner(db: CoorieDb, id: string, values: Record<string, unknown>, userId: string) {
  await saveRecord(db, 'partner', id, values, { userId });
}

export interface ReferralReportData {
  referrals: Referral[];
  partners: Partner[];
}

/** Every referral and partner, for the reports (no reason is read: the figures never need it). */
export function useReferralReportData(): ReferralReportData | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [referrals, partners] = await Promise.all([
      db.records('referral').toArray(),
      db.records('partner').toArray(),
    ]);
    return { referrals: live(referrals), partners: live(partners) };
  }, [db]);
}

export { recordOutcome } from './referralFollowUps.ts';
