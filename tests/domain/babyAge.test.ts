// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ageInMonths, babyAge } from '../../src/domain/babyAge.ts';

const label = (baby: Parameters<typeof babyAge>[0], today: Date | string) => babyAge(baby, today)?.label;

describe('a baby’s age', () => {
  it('counts days, then weeks until three months, then months, then years and months', () => {
    expect(label({ dateOfBirth: '2026-11-23' }, '2026-11-23')).toBe('born today');
    expect(label({ dateOfBirth: '2026-11-22' }, '2026-11-23')).toBe('1 day');
    expect(label({ dateOfBirth: '2026-11-18' }, '2026-11-23')).toBe('5 days');
    expect(label({ dateOfBirth: '2026-11-16' }, '2026-11-23')).toBe('1 week');
    expect(label({ dateOfBirth: '2026-11-02' }, '2026-11-23')).toBe('3 weeks');
    expect(label({ dateOfBirth: '2026-09-01' }, '2026-11-23')).toBe('11 weeks');
    expect(label({ dateOfBirth: '2026-08-23' }, '2026-11-23')).toBe('3 months');
    expect(label({ dateOfBirth: '2026-06-20' }, '2026-11-23')).toBe('5 months');
    expect(label({ dateOfBirth: '2025-11-23' }, '2026-11-23')).toBe('1 year');
    expect(label({ dateOfBirth: '2025-09-10' }, '2026-11-23')).toBe('1 year 2 months');
    expect(label({ dateOfBirth: '2024-10-01' }, '2026-11-23')).toBe('2 years 1 month');
  });

  it('says how long until an expected baby is due', () => {
    expect(label({ dueDate: '2026-12-21' }, '2026-11-23')).toBe('due in 4 weeks');
    expect(label({ dueDate: '2026-11-30' }, '2026-11-23')).toBe('due in 1 week');
    expect(label({ dueDate: '2026-11-26' }, '2026-11-23')).toBe('due in 3 days');
    expect(label({ dueDate: '2026-11-23' }, '2026-11-23')).toBe('due today');
    expect(babyAge({ dueDate: '2026-12-21' }, '2026-11-23')).toMatchObject({ status: 'expected', weeks: -4 });
  });

  it('shows an age band given at a walk-in as an estimate that grows with time, until a real date is known', () => {
    const band = { ageBand: '6-12-months', ageBandOn: '2026-11-23' } as const;
    expect(babyAge(band, '2026-11-23')).toMatchObject({ status: 'born', estimated: true, label: 'about 9 months' });
    expect(label(band, '2027-02-23')).toBe('about 1 year');
    expect(label({ ageBand: 'under-3-months', ageBandOn: '2026-11-23' }, '2026-11-30')).toBe('about 7 weeks');
    expect(label({ ageBand: 'expecting', ageBandOn: '2026-11-23' }, '2026-11-23')).toBe('due in about 10 weeks');
    expect(babyAge({ ageBand: 'expecting', ageBandOn: '2026-11-23' }, '2026-11-23')).toMatchObject({
      status: 'expected',
      estimated: true,
    });
    // A date recorded later wins over the band.
    expect(babyAge({ ...band, dateOfBirth: '2026-06-20' }, '2026-11-23')).toMatchObject({
      estimated: false,
      label: '5 months',
    });
  });

  it('estimates the age from a past due date when nobody has recorded the birth', () => {
    expect(babyAge({ dueDate: '2026-10-26' }, '2026-11-23')).toMatchObject({
      status: 'born',
      estimated: true,
      label: 'about 4 weeks',
    });
    // A recorded birth date wins over the due date.
    expect(label({ dateOfBirth: '2026-11-02', dueDate: '2026-11-20' }, '2026-11-23')).toBe('3 weeks');
  });

  it('gives the same baby a new age each day, a due date and a birth date on the same day apart', () => {
    const baby = { dateOfBirth: '2026-11-20' };
    expect(label(baby, '2026-11-23')).toBe('3 days');
    expect(label(baby, '2026-11-24')).toBe('4 days');
    expect(label(baby, '2026-11-23')).toBe('3 days');
    expect(label({ dueDate: '2026-11-20' }, '2026-11-23')).toBe('about 3 days');
    // One answer may be shared by every row that asks: nobody can change it for the others.
    const age = babyAge(baby, '2026-11-23');
    expect(() => Object.assign(age ?? {}, { label: 'changed' })).toThrow(TypeError);
    expect(label(baby, '2026-11-23')).toBe('3 days');
  });

  it('reads "today" as the London date, whatever the device clock zone', () => {
    // 23:30 on 22 November in London is still 22 November; 00:30 BST on 1 June is 31 May 23:30 UTC.
    expect(label({ dateOfBirth: '2026-11-22' }, new Date('2026-11-22T23:30:00Z'))).toBe('born today');
    expect(label({ dateOfBirth: '2026-06-01' }, new Date('2026-05-31T23:30:00Z'))).toBe('born today');
    // Across the clocks going back (25 October 2026) a week is still seven days.
    expect(label({ dateOfBirth: '2026-10-20' }, new Date('2026-10-27T09:00:00Z'))).toBe('1 week');
  });

  it('gives whole months for activity matching, none for babies not born yet or with no dates', () => {
    expect(ageInMonths({ dateOfBirth: '2026-03-15' }, '2026-11-23')).toBe(8);
    expect(ageInMonths({ dateOfBirth: '2026-01-31' }, '2026-02-28')).toBe(1);
    expect(ageInMonths({ dueDate: '2027-01-10' }, '2026-11-23')).toBeUndefined();
    expect(ageInMonths({}, '2026-11-23')).toBeUndefined();
    expect(babyAge({}, '2026-11-23')).toBeUndefined();
  });
});
