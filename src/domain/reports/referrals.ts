// Referrals by partner and outcome, for the reports: each partner's referrals and signposting made in the dates
// chosen, by how they went. Counts of referrals point at people as surely as counts of people do (two referrals
// to the foodbank from Keith), so they are `events`: suppressed below five, with secondary suppression.
import type { Partner } from '../partner.ts';
import type { Referral } from '../referral.ts';
import { londonDate } from '../london.ts';
import { keepBack, type CellRef, type ReportTable, type Row } from './table.ts';

const OUTCOME_COLUMNS = [
  { key: 'gotThere', label: 'Got there', outcome: 'got there' },
  { key: 'didNot', label: 'Didn’t get there', outcome: "didn't get there" },
  { key: 'declined', label: 'Decided not to', outcome: 'declined' },
  { key: 'unknown', label: 'Not known', outcome: 'unknown' },
  { key: 'waiting', label: 'Not yet followed up', outcome: undefined },
] as const;

export function referralsByPartner(
  referrals: readonly Referral[],
  partners: readonly Partner[],
  from: string,
  to: string,
): ReportTable {
  const names = new Map(partners.map((partner) => [partner.id, partner.name ?? '']));
  type Counts = Row & { label: string; total: number };
  const byPartner = new Map<string, Counts>();
  const blank = (label: string): Counts => ({
    label,
    total: 0,
    ...Object.fromEntries(OUTCOME_COLUMNS.map(({ key }) => [key, 0])),
  });
  for (const referral of referrals) {
    if (referral.deleted === true || !referral.madeAt) continue;
    const date = londonDate(referral.madeAt);
    if (date < from || date > to) continue;
    const key = referral.partnerId ? `partner:${referral.partnerId}` : `service:${referral.serviceId ?? ''}`;
    const label = names.get(referral.partnerId ?? '') || referral.toName || 'Not recorded';
    const row = byPartner.get(key) ?? blank(label);
    row.total += 1;
    const column = OUTCOME_COLUMNS.find(({ outcome }) => outcome === referral.outcome) ?? OUTCOME_COLUMNS[4];
    row[column.key] = (row[column.key] as number) + 1;
    byPartner.set(key, row);
  }
  const rows = [...byPartner.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'en-GB'));
  const table: ReportTable = {
    id: 'referrals-by-partner',
    title: 'Referrals and signposting by partner',
    columns: [
      { key: 'label', label: 'Partner', kind: 'label' },
      { key: 'total', label: 'Referrals', kind: 'events' },
      ...OUTCOME_COLUMNS.map(({ key, label }) => ({ key, label, kind: 'events' as const })),
    ],
    rows,
  };
  // Each row's outcomes add up to its referrals. No total row: with one, a partner's total hidden to protect
  // another's "<5" could be worked out again from its own outcomes, so each row stands alone.
  const outcomeKeys = OUTCOME_COLUMNS.map(({ key }) => key);
  const sums: CellRef[][] = table.rows.map((_, row) => outcomeKeys.map((key): CellRef => [row, key]));
  return keepBack(table, sums);
}
