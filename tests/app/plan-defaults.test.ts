// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultTimes, emptyPlan, hasErrors, validatePlan } from '../../src/app/sessions/planForm.ts';

// Instants given in UTC; the comments say the London wall-clock time.
describe('a new session’s default date and times', () => {
  it('start at the next hour and last two hours in the day', () => {
    // 14:20 BST
    expect(defaultTimes(new Date('2026-07-01T13:20:00Z'))).toEqual({
      date: '2026-07-01',
      start: '15:00',
      end: '17:00',
    });
    // 19:10 GMT: 20:00–22:00 still fits
    expect(defaultTimes(new Date('2026-12-01T19:10:00Z'))).toEqual({
      date: '2026-12-01',
      start: '20:00',
      end: '22:00',
    });
  });

  it.each([
    ['21:30 GMT', '2026-12-01T21:30:00Z', '2026-12-02'],
    ['22:11 GMT', '2026-12-01T22:11:00Z', '2026-12-02'],
    ['23:30 GMT', '2026-12-01T23:30:00Z', '2026-12-02'],
    ['23:30 BST', '2026-07-01T22:30:00Z', '2026-07-02'],
    ['00:30 GMT', '2026-12-02T00:30:00Z', '2026-12-02'],
    ['00:30 BST', '2026-06-30T23:30:00Z', '2026-07-01'],
    ['00:30 on the day the clocks go forward', '2027-03-28T00:30:00Z', '2027-03-28'],
    ['01:30 BST on the day the clocks go back', '2026-10-25T00:30:00Z', '2026-10-25'],
    ['23:30 the night before the clocks go back', '2026-10-24T22:30:00Z', '2026-10-25'],
  ])('move to 10:00–12:00 the next morning late at night or in the small hours (%s)', (_, now, date) => {
    expect(defaultTimes(new Date(now))).toEqual({ date, start: '10:00', end: '12:00' });
  });

  it('never make a form that refuses its own defaults, at any minute of a day the clocks change', () => {
    for (const day of ['2027-03-28', '2026-10-25', '2026-12-01']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 10) {
        const now = new Date(new Date(`${day}T00:00:00Z`).getTime() + minutes * 60_000);
        const plan = { ...emptyPlan(now), title: 'Tuesday drop-in' };
        expect(hasErrors(validatePlan(plan, false)), `${now.toISOString()} → ${JSON.stringify(plan)}`).toBe(false);
      }
    }
  });
});
