// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateValues } from '../../src/domain/kinds.ts';
import {
  cakeList,
  copyOfSession,
  isLastOfSeries,
  sessionsThisWeek,
  sessionsToday,
  weekDays,
  weeklySeries,
} from '../../src/domain/schedule.ts';
import type { Session } from '../../src/domain/session.ts';

const londonTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

const plan = {
  title: 'Bump to baby',
  startsAt: '2026-03-17T10:00:00Z',
  endsAt: '2026-03-17T11:30:00Z',
  venueId: 'venue-rothes',
  theme: 'identity',
  outline: ['Welcome and cuppa', 'Treasure baskets'],
  activityIds: ['starter-treasure-basket'],
  materials: [
    { item: 'Hot drinks', done: true },
    { item: 'Baby baskets', done: false },
  ],
  facilitatorIds: ['u1', 'u2'],
  childcare: 'Creche room for toddlers',
  reflection: 'Lovely, quiet session',
  status: 'done',
} satisfies Omit<Session, 'id'>;

describe('a course as a weekly series', () => {
  it('keeps 10am at 10am in London when the clocks go forward in March', () => {
    const series = weeklySeries(plan, 3, 'course-1');
    expect(series.map((session) => session.startsAt)).toEqual([
      '2026-03-17T10:00:00.000Z',
      '2026-03-24T10:00:00.000Z',
      '2026-03-31T09:00:00.000Z', // 10am BST, after the clocks went forward on 29 March
    ]);
    expect(series.map((session) => londonTime(session.startsAt ?? ''))).toEqual([
      'Tue 10:00',
      'Tue 10:00',
      'Tue 10:00',
    ]);
    expect(series.map((session) => londonTime(session.endsAt ?? ''))).toEqual(['Tue 11:30', 'Tue 11:30', 'Tue 11:30']);
  });

  it('keeps 10am at 10am when the clocks go back in October', () => {
    const series = weeklySeries({ ...plan, startsAt: '2026-10-20T09:00:00Z', endsAt: undefined }, 2, 'course-2');
    expect(series.map((session) => session.startsAt)).toEqual(['2026-10-20T09:00:00.000Z', '2026-10-27T10:00:00.000Z']);
    expect(series[1]?.endsAt).toBeUndefined();
  });

  it('titles each week, shares a series id, starts planned and leaves out the reflection', () => {
    const series = weeklySeries(plan, 6, 'course-1');
    expect(series.map((session) => session.title)).toEqual(
      [1, 2, 3, 4, 5, 6].map((k) => `Bump to baby (Week ${k} of 6)`),
    );
    expect(new Set(series.map((session) => session.id)).size).toBe(6);
    for (const session of series) {
      expect(session).toMatchObject({
        seriesId: 'course-1',
        status: 'planned',
        kind: 'course',
        venueId: 'venue-rothes',
      });
      expect(session.reflection).toBeUndefined();
      expect(session.materials?.every((material) => !material.done)).toBe(true);
      const { id: _id, ...values } = session;
      expect(validateValues('session', values, true)).toEqual([]);
    }
    // The same request twice gives the same records, not a second course.
    expect(weeklySeries(plan, 6, 'course-1')).toEqual(series);
  });

  it('keeps long titles within the 120-character limit', () => {
    const [first] = weeklySeries({ ...plan, title: 'x'.repeat(120) }, 10, 's');
    expect(first?.title).toHaveLength(120);
    expect(first?.title).toMatch(/ \(Week 1 of 10\)$/);
    expect(weeklySeries({ ...plan, title: '' }, 1, 's')[0]?.title).toBe('Week 1 of 1');
  });

  it('refuses a course of no weeks or of a silly length', () => {
    expect(() => weeklySeries(plan, 0, 's')).toThrow(RangeError);
    expect(() => weeklySeries(plan, 53, 's')).toThrow(RangeError);
    expect(() => weeklySeries(plan, 2.5, 's')).toThrow(RangeError);
  });
});

describe('new from a previous session', () => {
  it('copies the plan with materials unticked, not the reflection, status or series', () => {
    const copy = copyOfSession({ ...plan, seriesId: 'course-1' }, '2026-11-24T10:00:00Z');
    expect(copy).toEqual({
      title: 'Bump to baby',
      venueId: 'venue-rothes',
      theme: 'identity',
      outline: ['Welcome and cuppa', 'Treasure baskets'],
      activityIds: ['starter-treasure-basket'],
      facilitatorIds: ['u1', 'u2'],
      childcare: 'Creche room for toddlers',
      materials: [
        { item: 'Hot drinks', done: false },
        { item: 'Baby baskets', done: false },
      ],
      startsAt: '2026-11-24T10:00:00.000Z',
      endsAt: '2026-11-24T11:30:00.000Z',
      status: 'planned',
    });
    expect(validateValues('session', JSON.parse(JSON.stringify(copy)), true)).toEqual([]);
  });
});

const session = (id: string, startsAt: string, extra: Partial<Session> = {}): Session => ({
  id,
  title: id,
  startsAt,
  ...extra,
});

describe('today and this week', () => {
  // The week of the clocks going forward: Monday 23 to Sunday 29 March 2026.
  const sessions = [
    session('sun-late', '2026-03-29T22:30:00Z'), // Sunday 29 March 23:30 BST
    session('mon', '2026-03-23T10:00:00Z'),
    session('prev-sun', '2026-03-22T23:30:00Z'), // Sunday 22 March 23:30 GMT: the week before
    session('next-mon', '2026-03-29T23:30:00Z'), // Monday 30 March 00:30 BST: the week after
    session('wed-2', '2026-03-25T14:00:00Z'),
    session('wed-1', '2026-03-25T10:00:00Z'),
    session('gone', '2026-03-25T12:00:00Z', { deleted: true }),
    session('off', '2026-03-25T13:00:00Z', { status: 'cancelled' }),
  ];

  it('lists today’s sessions in time order, cancelled ones included to show as such, deleted ones not', () => {
    expect(sessionsToday(sessions, new Date('2026-03-25T08:00:00Z')).map((s) => s.id)).toEqual([
      'wed-1',
      'off',
      'wed-2',
    ]);
    // Late on Sunday evening in London, after the clocks went forward.
    expect(sessionsToday(sessions, new Date('2026-03-29T22:45:00Z')).map((s) => s.id)).toEqual(['sun-late']);
  });

  it('lists this week’s sessions from Monday to Sunday in London', () => {
    const ids = sessionsThisWeek(sessions, new Date('2026-03-29T12:00:00Z')).map((s) => s.id);
    expect(ids).toEqual(['mon', 'wed-1', 'off', 'wed-2', 'sun-late']);
  });

  it('lays out a Monday-start week for the week view', () => {
    const days = weekDays(new Date('2026-03-29T22:45:00Z'));
    expect(days.map((day) => day.date)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(days[0]).toEqual({ date: '2026-03-23', label: 'Mon 23 Mar', longLabel: 'Monday 23 March', isToday: false });
    expect(days.filter((day) => day.isToday).map((day) => day.date)).toEqual(['2026-03-29']);
    // A Monday belongs to its own week, not the one before.
    expect(weekDays(new Date('2026-11-23T09:00:00Z'))[0]?.date).toBe('2026-11-23');
  });
});

describe('the last session of a series', () => {
  const series = weeklySeries(plan, 3, 'course-1');
  const [week1, week2, week3] = series as [Session, Session, Session];

  it('is the latest session still going ahead', () => {
    expect(isLastOfSeries(week3, series)).toBe(true);
    expect(isLastOfSeries(week2, series)).toBe(false);
    const cancelled = { ...week3, status: 'cancelled' as const };
    expect(isLastOfSeries(week2, [week1, week2, cancelled])).toBe(true);
    expect(isLastOfSeries(cancelled, [week1, week2, cancelled])).toBe(false);
    expect(isLastOfSeries(week2, [week1, week2, { ...week3, deleted: true }])).toBe(true);
    expect(isLastOfSeries(session('drop-in', '2026-03-17T10:00:00Z'), series)).toBe(false);
  });

  it('lists the cakes of everyone who came, by display name', () => {
    const cakes = cakeList(
      series.map((s) => s.id),
      [
        { id: 'c1', sessionId: week1.id, attendeeId: 'amy' },
        { id: 'c2', sessionId: week2.id, attendeeId: 'bea' },
        { id: 'c3', sessionId: week2.id, attendeeId: 'cat', present: false },
        { id: 'c4', sessionId: 'other', attendeeId: 'dot' },
        { id: 'c5', sessionId: week3.id, attendeeId: 'eve' },
      ],
      [
        { id: 'bea', displayName: 'Bea', cake: ' Lemon drizzle ' },
        { id: 'amy', displayName: 'Amy', cake: 'Victoria sponge' },
        { id: 'cat', displayName: 'Cat', cake: 'Carrot cake' },
        { id: 'dot', displayName: 'Dot', cake: 'Clootie dumpling' },
        { id: 'eve', displayName: 'Eve' },
      ],
    );
    expect(cakes).toEqual([
      { attendeeId: 'amy', displayName: 'Amy', cake: 'Victoria sponge' },
      { attendeeId: 'bea', displayName: 'Bea', cake: 'Lemon drizzle' },
    ]);
  });
});
