import { describe, expect, it } from 'vitest';
import type { Attendee } from '../../src/domain/attendee.ts';
import { barrierPlan, type Booking } from '../../src/domain/booking.ts';
import { bakerList, dietaryCounts, foodList } from '../../src/domain/food.ts';
import { barriersPlanned } from '../../src/domain/reports/barriers.ts';
import { buildScope, type ReportData } from '../../src/domain/reports/scope.ts';
import { shownText } from '../../src/domain/reports/table.ts';
import { isCakeSession } from '../../src/domain/cakeSession.ts';
import { copyOfSession, weeklySeries } from '../../src/domain/schedule.ts';
import type { Session } from '../../src/domain/session.ts';

describe('the food and drinks list', () => {
  it('works out each quantity from the adults expected, rounding up', () => {
    const list = new Map(foodList(7).map((line) => [line.item, `${line.quantity} ${line.unit}`]));
    // Two tea bags, a spoonful of coffee, three biscuits, a piece of fruit and a round each; a pint of milk
    // to start and a quarter pint each: 1 + 1.75 rounds up to 3.
    expect(Object.fromEntries(list)).toEqual({
      'Tea bags': '14 bags',
      Coffee: '7 spoonfuls',
      Milk: '3 pints',
      Biscuits: '21 biscuits',
      Fruit: '7 pieces',
      'Sandwiches or toast': '7 rounds',
    });
  });

  it('plans for at least one adult, and whole numbers only', () => {
    expect(foodList(0).find((line) => line.item === 'Tea bags')?.quantity).toBe(2);
    expect(foodList(2.6).find((line) => line.item === 'Biscuits')?.quantity).toBe(6);
  });

  it('counts dietary needs without names, leaving out needs nobody has and deleted people', () => {
    const people: Attendee[] = [
      { id: 'a', displayName: 'Morag', dietary: ['vegan', 'gluten-free'] },
      { id: 'b', displayName: 'Isla', dietary: ['vegan'] },
      { id: 'c', displayName: 'Zoë' },
      { id: 'd', displayName: 'Gone', dietary: ['halal'], deleted: true },
    ];
    const counts = dietaryCounts(people);
    expect(counts).toEqual([
      { need: 'vegan', label: 'Vegan', count: 2 },
      { need: 'gluten-free', label: 'Gluten-free', count: 1 },
    ]);
    expect(JSON.stringify(counts)).not.toMatch(/Morag|Isla/);
  });
});

describe('the baker’s list', () => {
  it('counts each cake once however it was typed, most wanted first, with no names', () => {
    const people: Attendee[] = [
      { id: 'a', displayName: 'Morag', cake: 'Victoria sponge' },
      { id: 'b', displayName: 'Isla', cake: ' victoria  Sponge ' },
      { id: 'c', displayName: 'Zoë', cake: 'Carrot cake' },
      { id: 'd', displayName: 'Ailsa', cake: '' },
      { id: 'e', displayName: 'Kirsty' },
    ];
    expect(bakerList(people)).toEqual([
      { cake: 'Victoria sponge', count: 2 },
      { cake: 'Carrot cake', count: 1 },
    ]);
  });
});

describe('the cake session', () => {
  const week = (n: number, values: Partial<Session> = {}): Session => ({
    id: `c-w${n}`,
    seriesId: 'c',
    startsAt: `2026-02-${String(n * 7).padStart(2, '0')}T10:00:00.000Z`,
    ...values,
  });

  it('is the last of a course by default', () => {
    const course = [week(1), week(2), week(3)];
    expect(course.map((session) => isCakeSession(session, course))).toEqual([false, false, true]);
  });

  it('is any session marked as the one, and then not the last of its course', () => {
    const course = [week(1), week(2, { cakeSession: true }), week(3)];
    expect(course.map((session) => isCakeSession(session, course))).toEqual([false, true, false]);
    const dropIn: Session = { id: 'd', startsAt: '2026-02-10T10:00:00.000Z', cakeSession: true };
    expect(isCakeSession(dropIn, [dropIn])).toBe(true);
    expect(isCakeSession({ ...dropIn, status: 'cancelled' }, [dropIn])).toBe(false);
  });

  it('is not carried into a copy or a course, where the crèche places and buses are', () => {
    const template = {
      title: 'Drop-in',
      startsAt: '2026-02-10T10:00:00.000Z',
      cakeSession: true,
      crechePlaces: 6,
      busTimes: 'X10 from Elgin 9:40',
    };
    const copy = copyOfSession(template, '2026-02-17T10:00:00.000Z');
    expect(copy).toMatchObject({ crechePlaces: 6, busTimes: 'X10 from Elgin 9:40' });
    expect(copy.cakeSession).toBeUndefined();
    expect(weeklySeries(template, 2, 'k').map((session) => session.cakeSession)).toEqual([undefined, undefined]);
  });
});

describe('barriers planned for a session', () => {
  it('counts crèche places booked against those offered, and lifts and taxis needed against arranged', () => {
    const bookings: Booking[] = [
      { id: 's:a', crecheBooked: true, travel: 'taxi', travelArranged: true },
      { id: 's:b', crecheBooked: true, travel: 'lift' },
      { id: 's:c', crecheBooked: true, travel: 'none', travelArranged: true },
      { id: 's:d', crecheBooked: true, deleted: true },
    ];
    expect(barrierPlan(2, bookings)).toEqual({
      crechePlaces: 2,
      crecheBooked: 3,
      crecheOver: 1,
      travelNeeded: 2,
      travelArranged: 1,
    });
    expect(barrierPlan(undefined, [])).toMatchObject({ crechePlaces: 0, crecheBooked: 0, crecheOver: 0 });
  });
});

describe('the report of barriers met and not met', () => {
  const NOW = new Date('2026-03-31T12:00:00Z');
  const RANGE = { from: '2026-01-01', to: '2026-03-31' };

  /** Eight parents at one session with two crèche places; a second session cancelled. */
  function data(): ReportData {
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    return {
      venues: [],
      sessions: [
        { id: 's1', title: 'Drop-in', startsAt: '2026-02-03T10:00:00.000Z', crechePlaces: 2 },
        { id: 's2', title: 'Cancelled', startsAt: '2026-02-10T10:00:00.000Z', status: 'cancelled' },
      ],
      attendees: people.map((id) => ({ id, displayName: id.toUpperCase() })),
      checkIns: people.map((id) => ({
        id: `s1:${id}`,
        sessionId: 's1',
        attendeeId: id,
        present: true,
        childcareUsed: id === 'a',
        transportHelp: ['a', 'b', 'c', 'd', 'e'].includes(id),
      })),
      outreach: [],
      notes: [],
      bookings: [
        // Three crèche bookings for two places: one not met. Six taxis, five arranged and used; one lift.
        ...['a', 'b', 'c'].map((id) => ({ id: `s1:${id}`, sessionId: 's1', attendeeId: id, crecheBooked: true })),
        ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
          id: `t-${id}`,
          sessionId: 's1',
          attendeeId: id,
          travel: 'taxi' as const,
          travelArranged: id !== 'f',
        })),
        { id: 's1:g', sessionId: 's1', attendeeId: 'g', travel: 'lift', travelArranged: false },
        // Not counted: a cancelled session, and a booking taken back.
        { id: 's2:a', sessionId: 's2', attendeeId: 'a', crecheBooked: true, travel: 'taxi' },
        { id: 's1:h', sessionId: 's1', attendeeId: 'h', crecheBooked: true, deleted: true },
      ],
    };
  }

  it('shows needed, met, not met and used, with small numbers suppressed', () => {
    const report = data();
    const table = barriersPlanned(report, buildScope(report, RANGE, NOW));
    expect(table.rows).toEqual([
      { label: 'A crèche place (met: within the places offered)', needed: 3, met: 2, notMet: 1, used: 1 },
      { label: 'A lift (met: arranged)', needed: 1, met: 0, notMet: 1, used: 0 },
      { label: 'A taxi (met: arranged)', needed: 6, met: 5, notMet: 1, used: 5 },
    ]);
    const text = (row: number) => table.columns.slice(1).map((column) => shownText(table, row, column));
    expect(text(0)).toEqual(['<5', '<5', '<5', '<5']);
    // 6 needed and 5 met would give the 1 not met away by subtraction: the 5 is kept back.
    expect(text(2)).toEqual(['6', 'hidden', '<5', '5']);
  });
});
