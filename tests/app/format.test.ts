// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatLongDate, formatWeekday } from '../../src/app/format.ts';

const NOW = new Date('2026-12-02T10:00:00Z');

describe('dates as people in Scotland read them', () => {
  it('leave the year out only for this year, on every kind of date', () => {
    expect(formatDay('2026-11-23', NOW)).toBe('Mon 23 Nov');
    expect(formatDay('2025-11-23', NOW)).toBe('Sun 23 Nov 2025');
    expect(formatDay('2027-01-04', NOW)).toBe('Mon 4 Jan 2027');
    expect(formatWeekday('2026-11-24T10:00:00Z', NOW)).toBe('Tue 24 Nov');
    expect(formatWeekday('2027-01-05T10:00:00Z', NOW)).toBe('Tue 5 Jan 2027');
    expect(formatLongDate('2026-11-24T10:00:00Z', NOW)).toBe('Tuesday 24 November');
    expect(formatLongDate('2025-11-24T10:00:00Z', NOW)).toBe('Monday 24 November 2025');
    expect(formatDateTime('2025-06-24T09:30:00Z', NOW)).toBe('Tue 24 Jun 2025, 10:30');
  });

  it('give a "last checked" date its year always', () => {
    expect(formatDay('2026-11-23', null)).toBe('Mon 23 Nov 2026');
  });

  it('take the year of the London day, not the UTC one, at new year', () => {
    // 23:30 on 31 December in London is still the old year on the screen.
    expect(formatWeekday('2026-12-31T23:30:00Z', new Date('2027-01-01T00:10:00Z'))).toBe('Thu 31 Dec 2026');
  });
});
