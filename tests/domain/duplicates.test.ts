// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Attendee } from '../../src/domain/attendee.ts';
import type { CheckIn } from '../../src/domain/checkIn.ts';
import fc from 'fast-check';
import {
  levenshtein,
  likelyDuplicateCount,
  likelyDuplicates,
  mergePlan,
  normaliseName,
  withinTwoEdits,
} from '../../src/domain/duplicates.ts';
import { validateValues } from '../../src/domain/kinds.ts';

const person = (id: string, displayName: string, extra: Partial<Attendee> = {}): Attendee => ({
  id,
  displayName,
  createdAt: `2026-11-${id.padStart(2, '0').slice(-2)}T10:00:00.000Z`,
  ...extra,
});
const phone = (number: string) => ({ phone: number, okToText: true, okToVoicemail: true, okToNameCharity: true });
const pairs = (attendees: Attendee[]) =>
  likelyDuplicates(attendees).map((pair) => [pair.first.id, pair.second.id, pair.reasons.join('+')]);

describe('likely duplicates', () => {
  it('pairs the same name in the same area, ignoring case, accents and spacing', () => {
    expect(normaliseName('  Zoë   Anne ')).toBe(normaliseName('zoe-anne'));
    expect(
      pairs([
        person('1', 'Zoë Anne', { locality: 'Elgin' }),
        person('2', 'zoe anne', { locality: ' elgin' }),
        person('3', 'Zoe Anne', { locality: 'Forres' }),
      ]),
    ).toEqual([['1', '2', 'name-and-locality']]);
  });

  it('treats two records with no area given as the same area', () => {
    expect(pairs([person('1', 'Amy'), person('2', 'AMY')])).toEqual([['1', '2', 'name-and-locality']]);
  });

  it('pairs the same phone number however it was typed', () => {
    expect(
      pairs([
        person('1', 'Amy', { contact: phone('07700 900123'), locality: 'Keith' }),
        person('2', 'Amelia', { contact: phone('+44 7700 900123'), locality: 'Buckie' }),
      ]),
    ).toEqual([['1', '2', 'phone']]);
  });

  it('pairs the same baby birthday with a similar name (up to two letters different)', () => {
    const baby = (dateOfBirth: string) => [{ alias: 'Baby', dateOfBirth }];
    expect(levenshtein('kirsty', 'kirstie')).toBe(2);
    expect(
      pairs([
        person('1', 'Kirsty', { babies: baby('2026-09-01'), locality: 'Elgin' }),
        person('2', 'Kirstie', { babies: baby('2026-09-01'), locality: 'Lossiemouth' }),
        person('3', 'Morag', { babies: baby('2026-09-01') }),
        person('4', 'Kirsty', { babies: baby('2026-09-02'), locality: 'Forres' }),
      ]),
    ).toEqual([['1', '2', 'baby-birthday-and-name']]);
  });

  it('gives every reason once and suggests keeping the older record', () => {
    const older = person('1', 'Amy', { contact: phone('07700900123'), createdAt: '2026-01-01T00:00:00.000Z' });
    const newer = person('2', 'amy', { contact: phone('07700 900123'), createdAt: '2026-02-01T00:00:00.000Z' });
    const [pair] = likelyDuplicates([newer, older]);
    expect(pair?.first.id).toBe('1');
    expect(pair?.reasons.sort()).toEqual(['name-and-locality', 'phone']);
    expect(likelyDuplicates([newer, older])).toHaveLength(1);
  });

  it('never pairs a record with itself, nor deleted or already merged records', () => {
    const amy = person('1', 'Amy');
    expect(pairs([amy, amy])).toEqual([]);
    expect(pairs([amy, person('2', 'Amy', { deleted: true })])).toEqual([]);
    expect(pairs([amy, person('3', 'Amy', { mergedInto: '1' })])).toEqual([]);
  });
});

describe('the quick checks behind People', () => {
  it('finds names within two edits exactly when the full edit distance says so', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ë', ' '), maxLength: 9 });
    fc.assert(fc.property(name, name, (a, b) => withinTwoEdits(a, b) === levenshtein(a, b) <= 2));
    expect(withinTwoEdits('parent1204', 'parent1240')).toBe(true);
    expect(withinTwoEdits('parent1204', 'parent4021')).toBe(false);
  });

  it('counts the same pairs it lists, for many people with birthdays in common', () => {
    const many = Array.from({ length: 300 }, (_, index) =>
      person(String(index + 1), `Parent ${index + 1}`, {
        locality: index % 2 ? 'Elgin' : 'Forres',
        babies: [{ alias: 'Baby', dateOfBirth: `2026-0${(index % 9) + 1}-01` }],
      }),
    );
    const listed = likelyDuplicates(many);
    expect(listed.length).toBeGreaterThan(0);
    expect(likelyDuplicateCount(many)).toBe(listed.length);
  });
});

describe('merging two records of one person', () => {
  const keep = person('1', 'Amy', {
    locality: 'Elgin',
    babies: [{ alias: 'Isla', dateOfBirth: '2026-09-01' }],
    contact: { phone: '07700 900123', okToText: true, okToVoicemail: true, okToNameCharity: true },
    consent: { what: ['notes'], at: '2026-10-01T10:00:00.000Z', wordingVersion: '2026-11-v1' },
    needs: ['transport'],
  });
  const drop = person('2', 'amy', {
    heardVia: 'Health visitor',
    cake: 'Lemon drizzle',
    babies: [
      { alias: 'isla', dateOfBirth: '2026-09-01' },
      { alias: 'Bump', dueDate: '2027-04-01' },
    ],
    contact: { phone: '07700 900999', okToText: true, okToVoicemail: false, okToNameCharity: false },
    consent: { what: ['notes', 'contact'], at: '2026-11-01T10:00:00.000Z', wordingVersion: '2026-11-v1' },
    needs: ['transport', 'childcare'],
  });
  const checkIns: CheckIn[] = [
    { id: 's1:1', sessionId: 's1', attendeeId: '1', withBaby: true },
    { id: 's1:2', sessionId: 's1', attendeeId: '2', withBaby: false },
    {
      id: 's2:2',
      sessionId: 's2',
      attendeeId: '2',
      withBaby: true,
      firstVisit: true,
      createdAt: '2026-11-10T10:00:00.000Z',
    },
    { id: 's3:2', sessionId: 's3', attendeeId: '2', deleted: true },
    { id: 's4:3', sessionId: 's4', attendeeId: '3' },
  ];
  const notes = [
    { id: 'n1', attendeeId: '2', body: 'Good chat' },
    { id: 'n2', attendeeId: '1', body: 'Fine' },
    { id: 'n3', attendeeId: '2', body: 'Old', deleted: true },
  ];
  const plan = mergePlan(keep, drop, checkIns, notes, [{ id: 'o1', attendeeId: '2' }], [{ id: 'v1', attendeeId: '2' }]);

  it('moves check-ins to the kept person under their deterministic id, unless they already have one', () => {
    expect(plan.filter((change) => change.kind === 'checkIn')).toEqual([
      {
        kind: 'checkIn',
        id: 's2:1',
        values: {
          sessionId: 's2',
          attendeeId: '1',
          withBaby: true,
          firstVisit: true,
          createdAt: '2026-11-10T10:00:00.000Z',
          deleted: false,
        },
      },
      { kind: 'checkIn', id: 's1:2', values: { deleted: true } },
      { kind: 'checkIn', id: 's2:2', values: { deleted: true } },
    ]);
  });

  it('re-points notes (deleted ones too), outreach and visits', () => {
    const repointed = plan.filter((change) => change.values.attendeeId === '1' && change.kind !== 'checkIn');
    expect(repointed.map((change) => `${change.kind}:${change.id}`)).toEqual([
      'note:n1',
      'note:n3',
      'outreach:o1',
      'visit:v1',
    ]);
  });

  it('fills the kept record’s gaps, joins lists, and keeps the more careful contact answers', () => {
    const update = plan.find((change) => change.kind === 'attendee' && change.id === '1');
    expect(update?.values).toEqual({
      heardVia: 'Health visitor',
      cake: 'Lemon drizzle',
      babies: [
        { alias: 'Isla', dateOfBirth: '2026-09-01' },
        { alias: 'Bump', dueDate: '2027-04-01' },
      ],
      needs: ['transport', 'childcare'],
      contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
      consent: drop.consent,
    });
    expect(validateValues('attendee', update?.values ?? {}, false)).toEqual([]);
  });

  it('deletes the duplicate last, saying where it went', () => {
    expect(plan.at(-1)).toEqual({ kind: 'attendee', id: '2', values: { deleted: true, mergedInto: '1' } });
    const firstDeletion = plan.findIndex((change) => change.values.deleted === true);
    expect(plan.slice(firstDeletion).every((change) => change.values.deleted === true)).toBe(true);
    for (const change of plan) {
      expect(validateValues(change.kind, change.values, false)).toEqual([]);
    }
  });

  it('keeps a withdrawal of consent made on either record after the other’s consent', () => {
    const withdrawn = { ...drop.consent!, withdrawnAt: '2026-11-20T10:00:00.000Z', at: '2026-09-01T10:00:00.000Z' };
    const merged = mergePlan(keep, { ...drop, consent: withdrawn }, [], [], [], []);
    expect(merged.find((change) => change.id === '1')?.values.consent).toEqual(withdrawn);
    // The kept record's own later withdrawal stands against an earlier consent on the duplicate.
    const kept = mergePlan({ ...keep, consent: withdrawn }, drop, [], [], [], []);
    expect(kept.find((change) => change.id === '1')?.values.consent).toBeUndefined();
    // Consent given again after a withdrawal is the latest word.
    const earlierWithdrawal = { ...withdrawn, withdrawnAt: '2026-10-15T10:00:00.000Z' };
    const given = mergePlan({ ...keep, consent: earlierWithdrawal }, drop, [], [], [], []);
    expect(given.find((change) => change.id === '1')?.values.consent).toEqual(drop.consent);
  });

  it('refuses to merge a record into itself', () => {
    expect(() => mergePlan(keep, keep, [], [], [], [])).toThrow();
  });
});
