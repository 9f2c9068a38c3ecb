import { describe, expect, it } from 'vitest';
import { londonClock, londonInstant } from '../../src/domain/london.ts';
import type { Visit } from '../../src/domain/visit.ts';
import { overdueVisits } from '../../src/domain/today.ts';
import {
  expectedFinish,
  isVisitOverdue,
  minutesInWords,
  minutesPastFinish,
  visitState,
} from '../../src/domain/visitTiming.ts';

const arrived: Visit = {
  id: 'v1',
  at: '2026-11-24T10:00:00.000Z',
  arrivedAt: '2026-11-24T10:05:00.000Z',
  expectedMinutes: 60,
  status: 'in progress',
};

describe('visit timing', () => {
  it('expects the finish one expected length after arrival, or after the booked time before it', () => {
    expect(expectedFinish(arrived)?.toISOString()).toBe('2026-11-24T11:05:00.000Z');
    expect(expectedFinish({ id: 'v2', at: '2026-11-24T10:00:00.000Z' })?.toISOString()).toBe(
      '2026-11-24T11:00:00.000Z',
    );
  });

  it('moves from in progress to due to finish to overdue after the 15-minute grace', () => {
    expect(visitState(arrived, new Date('2026-11-24T11:00:00Z'))).toBe('in progress');
    expect(visitState(arrived, new Date('2026-11-24T11:10:00Z'))).toBe('due to finish');
    expect(visitState(arrived, new Date('2026-11-24T11:25:00Z'))).toBe('overdue');
    expect(minutesPastFinish(arrived, new Date('2026-11-24T11:25:00Z'))).toBe(20);
  });

  it("counts the organisation's own grace period when it has one", () => {
    // Expected finish 11:05; a 40-minute grace makes it overdue after 11:45, not after 11:20.
    expect(visitState(arrived, new Date('2026-11-24T11:25:00Z'), 40)).toBe('due to finish');
    expect(visitState(arrived, new Date('2026-11-24T11:45:00Z'), 40)).toBe('due to finish');
    expect(visitState(arrived, new Date('2026-11-24T11:46:00Z'), 40)).toBe('overdue');
    expect(isVisitOverdue(arrived, new Date('2026-11-24T11:45:00Z'), 40)).toBe(false);
    expect(isVisitOverdue(arrived, new Date('2026-11-24T11:46:00Z'), 40)).toBe(true);
    // A short grace of 2 minutes: overdue from 11:08, where the default would still wait.
    expect(visitState(arrived, new Date('2026-11-24T11:08:00Z'), 2)).toBe('overdue');
    expect(visitState(arrived, new Date('2026-11-24T11:08:00Z'))).toBe('due to finish');
    const elsewhere: Visit = { id: 'v9', arrivedAt: '2026-11-24T10:30:00.000Z', expectedMinutes: 60 };
    expect(overdueVisits([arrived, elsewhere], new Date('2026-11-24T11:35:00Z'), 2).map((v) => v.id)).toEqual([
      'v1',
      'v9',
    ]);
    expect(overdueVisits([arrived, elsewhere], new Date('2026-11-24T11:35:00Z'), 40)).toEqual([]);
  });

  it('is never overdue once the supporter has left safely, or before arriving', () => {
    const left = { ...arrived, leftAt: '2026-11-24T11:00:00.000Z', status: 'done' as const };
    expect(visitState(left, new Date('2026-11-24T15:00:00Z'))).toBe('done');
    expect(minutesPastFinish(left, new Date('2026-11-24T15:00:00Z'))).toBe(0);
    expect(visitState({ id: 'v3', at: '2026-11-24T10:00:00.000Z' }, new Date('2026-11-24T15:00:00Z'))).toBe(
      'scheduled',
    );
  });

  it('says how late in words', () => {
    expect(minutesInWords(1)).toBe('1 minute');
    expect(minutesInWords(20)).toBe('20 minutes');
    expect(minutesInWords(60)).toBe('1 hour');
    expect(minutesInWords(125)).toBe('2 hours 5 minutes');
  });
});

describe('London wall-clock times from a form', () => {
  it('reads a winter time as GMT and a summer time as BST', () => {
    expect(londonInstant('2026-11-24', '14:30')).toBe('2026-11-24T14:30:00.000Z');
    expect(londonInstant('2026-07-01', '14:30')).toBe('2026-07-01T13:30:00.000Z');
    expect(londonClock('2026-07-01T13:30:00.000Z')).toBe('14:30');
  });

  it('refuses impossible dates and times', () => {
    expect(londonInstant('2026-02-30', '10:00')).toBeUndefined();
    expect(londonInstant('2026-11-24', '25:00')).toBeUndefined();
    expect(londonInstant('', '10:00')).toBeUndefined();
  });
});
