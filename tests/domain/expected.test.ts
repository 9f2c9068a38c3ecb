// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Attendee } from '../../src/domain/attendee.ts';
import type { CheckIn } from '../../src/domain/checkIn.ts';
import { babyAgesInMonths, expectedAttendees, latestOutreach, previousSession } from '../../src/domain/expected.ts';
import { validateValues } from '../../src/domain/kinds.ts';
import type { Outreach } from '../../src/domain/outreach.ts';
import { copyOfSession, weeklySeries } from '../../src/domain/schedule.ts';
import type { Session } from '../../src/domain/session.ts';

const week = (n: number, extra: Partial<Session> = {}): Session => ({
  id: `c-w${n}`,
  title: `Course week ${n}`,
  seriesId: 'c',
  venueId: 'hall',
  startsAt: `2026-11-${String(2 + 7 * n).padStart(2, '0')}T10:00:00Z`,
  ...extra,
});
const dropIn = (id: string, day: number, venueId = 'hall'): Session => ({
  id,
  title: 'Drop-in',
  venueId,
  startsAt: `2026-10-${String(day).padStart(2, '0')}T10:00:00Z`,
});
const people: Attendee[] = [
  { id: 'amy', displayName: 'Amy', babies: [{ alias: 'Baby', dateOfBirth: '2026-05-01' }] },
  { id: 'bea', displayName: 'Bea' },
  { id: 'cat', displayName: 'Cat' },
  { id: 'cat-old', displayName: 'Catriona', mergedInto: 'cat' },
];
const came = (sessionId: string, attendeeId: string, present = true): CheckIn => ({
  id: `${sessionId}:${attendeeId}`,
  sessionId,
  attendeeId,
  present,
});
const said = (attendeeId: string, outcome: Outreach['outcome'], at: string, sessionId = 'c-w2'): Outreach => ({
  id: `${attendeeId}-${at}`,
  sessionId,
  attendeeId,
  outcome,
  method: 'text',
  at,
});

describe('the previous session', () => {
  it('is the week before in a course, skipping a cancelled week', () => {
    const weeks = [week(1), week(2, { status: 'cancelled' }), week(3)];
    expect(previousSession(week(3), weeks)?.id).toBe('c-w1');
  });

  it('is the last drop-in at the same venue for a session outside a series', () => {
    const sessions = [dropIn('a', 1), dropIn('b', 8, 'elsewhere'), dropIn('c', 15), week(1)];
    expect(previousSession(dropIn('d', 22), sessions)?.id).toBe('c');
    expect(previousSession(dropIn('a', 1), sessions)).toBeUndefined();
  });
});

describe('who is expected', () => {
  it('takes the latest outreach for each person', () => {
    const latest = latestOutreach('c-w2', [
      said('amy', 'no answer', '2026-11-15T09:00:00Z'),
      said('amy', 'coming', '2026-11-15T18:00:00Z'),
      said('amy', 'not coming', '2026-11-16T09:00:00Z', 'other'),
    ]);
    expect(latest.get('amy')?.outcome).toBe('coming');
  });

  it('counts people coming and last week’s attendees, but not those who said no, and follows merges', () => {
    const sessions = [week(1), week(2)];
    const expected = expectedAttendees(
      week(2),
      sessions,
      [said('bea', 'coming', '2026-11-15T09:00:00Z'), said('amy', 'not coming', '2026-11-15T09:00:00Z')],
      [came('c-w1', 'amy'), came('c-w1', 'cat-old'), came('c-w1', 'bea', false)],
      people,
    );
    expect(expected.map((attendee) => attendee.displayName)).toEqual(['Bea', 'Cat']);
  });

  it('gives the ages of the babies in whole months on the day', () => {
    expect(babyAgesInMonths(people, '2026-11-24')).toEqual([6]);
  });
});

describe('facilitators by name', () => {
  it('are a field of a session, carried into a copy and into every week of a course', () => {
    const plan = { title: 'Drop-in', startsAt: '2027-01-05T10:00:00Z', facilitators: ['Alex Morrison', 'Isla'] };
    expect(validateValues('session', plan, true)).toEqual([]);
    expect(copyOfSession(plan, '2027-01-12T10:00:00Z').facilitators).toEqual(['Alex Morrison', 'Isla']);
    expect(weeklySeries(plan, 2, 'c').map((week) => week.facilitators)).toEqual([
      ['Alex Morrison', 'Isla'],
      ['Alex Morrison', 'Isla'],
    ]);
  });
});
