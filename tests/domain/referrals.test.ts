import { describe, expect, it } from 'vitest';
import { derivedKeys } from '../../src/db/derived.ts';
import { validateValues } from '../../src/domain/kinds.ts';
import type { Referral } from '../../src/domain/referral.ts';
import { followsUp, isFollowUpDue } from '../../src/domain/referralRules.ts';
import { referralsByPartner } from '../../src/domain/reports/referrals.ts';
import { shownText } from '../../src/domain/reports/table.ts';

const partners = [
  { id: 'hub', name: 'Moray Wellbeing Hub' },
  { id: 'food', name: 'Elgin Foodbank' },
];

let next = 0;
function referral(partnerId: string, outcome?: Referral['outcome'], madeAt = '2026-11-10T10:00:00Z'): Referral {
  next += 1;
  return { id: `r${next}`, attendeeId: `a${next}`, partnerId, madeAt, ...(outcome ? { outcome } : {}) };
}

const cell = (table: ReturnType<typeof referralsByPartner>, label: string, key: string) => {
  const row = table.rows.findIndex((r) => r.label === label);
  const column = table.columns.find((c) => c.key === key);
  if (row < 0 || !column) throw new Error(`no ${label}/${key}`);
  return shownText(table, row, column);
};

describe('referral rules', () => {
  it('is due on its follow-up day and after, until an outcome is recorded', () => {
    const open: Referral = { id: 'r', followUpDue: '2026-12-01' };
    expect(isFollowUpDue(open, '2026-11-30')).toBe(false);
    expect(isFollowUpDue(open, '2026-12-01')).toBe(true);
    expect(isFollowUpDue({ ...open, outcome: 'got there' }, '2026-12-05')).toBe(false);
    expect(isFollowUpDue({ ...open, deleted: true }, '2026-12-05')).toBe(false);
  });

  it('shows the follow-up to whoever made it and to coordinators only', () => {
    const made: Referral = { id: 'r', createdBy: 'u1' };
    expect(followsUp(made, { id: 'u1', role: 'visitor' })).toBe(true);
    expect(followsUp(made, { id: 'u2', role: 'facilitator' })).toBe(false);
    expect(followsUp(made, { id: 'u3', role: 'coordinator' })).toBe(true);
  });

  it('keeps the derived due key only while no outcome is recorded (what Today reads)', () => {
    expect(derivedKeys({ followUpDue: '2026-12-01' })).toEqual({ due: '2026-12-01' });
    expect(derivedKeys({ followUpDue: '2026-12-01', outcome: 'declined' })).toBeUndefined();
  });

  it('needs the person and when it was made, and refuses an outcome it does not know', () => {
    expect(validateValues('referral', { partnerId: 'hub' }, true).map((p) => p.field)).toEqual([
      'attendeeId',
      'madeAt',
    ]);
    expect(validateValues('referral', { outcome: 'maybe' }, false)).toHaveLength(1);
    expect(validateValues('partner', { name: 'Hub', type: 'wellbeing hub' }, true)).toEqual([]);
  });
});

describe('referrals by partner and outcome', () => {
  it('counts each partner’s referrals in the dates by outcome, suppressing small numbers', () => {
    const referrals = [
      ...Array.from({ length: 6 }, () => referral('hub', 'got there')),
      ...Array.from({ length: 5 }, () => referral('hub')),
      ...Array.from({ length: 2 }, () => referral('hub', 'declined')),
      referral('food', "didn't get there"),
      // Outside the dates: not counted.
      referral('food', 'got there', '2026-10-01T10:00:00Z'),
    ];
    const table = referralsByPartner(referrals, partners, '2026-11-01', '2026-11-30');
    expect(table.rows.map((row) => row.label)).toEqual(['Moray Wellbeing Hub', 'Elgin Foodbank']);
    // Small counts never show: two declines, one referral to the foodbank.
    expect(cell(table, 'Moray Wellbeing Hub', 'declined')).toBe('<5');
    expect(cell(table, 'Elgin Foodbank', 'total')).toBe('<5');
    expect(cell(table, 'Elgin Foodbank', 'didNot')).toBe('<5');
    expect(cell(table, 'Moray Wellbeing Hub', 'unknown')).toBe('0');
    expect(cell(table, 'Moray Wellbeing Hub', 'total')).toBe('13');
    // And none can be worked out by subtraction: 13 − 6 − 5 would give the 2 declines away, so they are hidden.
    expect(['gotThere', 'waiting'].map((key) => cell(table, 'Moray Wellbeing Hub', key))).toContain('hidden');
  });

  it('names a directory entry by the name kept on the referral, and is empty with no referrals', () => {
    const table = referralsByPartner(
      Array.from({ length: 5 }, (_, i) => ({
        id: `s${i}`,
        serviceId: 'breathing',
        toName: 'Breathing Space',
        madeAt: '2026-11-02T10:00:00Z',
      })),
      partners,
      '2026-11-01',
      '2026-11-30',
    );
    expect(cell(table, 'Breathing Space', 'waiting')).toBe('5');
    expect(referralsByPartner([], partners, '2026-11-01', '2026-11-30').rows).toEqual([]);
  });
});
