// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  hoursEntries,
  hoursText,
  sessionMinutes,
  totalHours,
  visitMinutes,
  volunteerReport,
} from '../../src/domain/volunteerHours.ts';
import { currentTraining, dueItems, pvgState, renewalState } from '../../src/domain/volunteering.ts';

const TODAY = '2026-11-24';

describe('hours given', () => {
  const sessions = [
    // 10:00–12:00 London in winter: two hours for each facilitator.
    { id: 's1', startsAt: '2026-11-10T10:00:00Z', endsAt: '2026-11-10T12:00:00Z', facilitatorIds: ['u1', 'u2'] },
    // Summer time: 10:00–11:30 London is 09:00–10:30 UTC; still an hour and a half.
    { id: 's2', startsAt: '2026-07-01T09:00:00Z', endsAt: '2026-07-01T10:30:00Z', facilitatorIds: ['u1'] },
    {
      id: 's3',
      startsAt: '2026-11-11T10:00:00Z',
      endsAt: '2026-11-11T12:00:00Z',
      facilitatorIds: ['u1'],
      status: 'cancelled' as const,
    },
    // Not run yet.
    { id: 's4', startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T12:00:00Z', facilitatorIds: ['u1'] },
    // No end time: its length is unknown.
    { id: 's5', startsAt: '2026-11-12T10:00:00Z', facilitatorIds: ['u1'] },
    { id: 's6', startsAt: '2026-11-13T10:00:00Z', endsAt: '2026-11-13T12:00:00Z', facilitatorIds: ['u2'] },
  ];
  const visits = [
    // Arrived and left: 50 minutes.
    {
      id: 'v1',
      supporterId: 'u1',
      at: '2026-11-05T14:00:00Z',
      arrivedAt: '2026-11-05T14:05:00Z',
      leftAt: '2026-11-05T14:55:00Z',
      expectedMinutes: 90,
    },
    // Done without the lone-worker taps: its booked length.
    { id: 'v2', supporterId: 'u1', at: '2026-11-06T14:00:00Z', status: 'done' as const, expectedMinutes: 45 },
    { id: 'v3', supporterId: 'u1', at: '2026-11-07T14:00:00Z', status: 'cancelled' as const, expectedMinutes: 45 },
    // Still to come.
    { id: 'v4', supporterId: 'u1', at: '2026-11-30T14:00:00Z', status: 'scheduled' as const },
    { id: 'v5', supporterId: 'u2', at: '2026-11-06T14:00:00Z', status: 'done' as const },
  ];
  const hours = [
    { id: 'h1', memberId: 'u1', on: '2026-11-02', hours: 1.25, what: 'Phone round' },
    { id: 'h2', memberId: 'u1', on: '2026-11-03', hours: 2, deleted: true },
    { id: 'h3', memberId: 'u2', on: '2026-11-03', hours: 3 },
  ];

  it('counts sessions run, visits made and hours entered, for one member', () => {
    const entries = hoursEntries('u1', { sessions, visits, hours }, TODAY);
    expect(totalHours(entries)).toEqual({ sessions: 3.5, visits: 1.58, entered: 1.25, total: 6.33 });
    expect(totalHours(entries, '2026-11-01', '2026-11-30')).toEqual({
      sessions: 2,
      visits: 1.58,
      entered: 1.25,
      total: 4.83,
    });
    const other = hoursEntries('u2', { sessions, visits, hours }, TODAY);
    // A visit with no booked length counts an hour.
    expect(totalHours(other)).toEqual({ sessions: 4, visits: 1, entered: 3, total: 8 });
  });

  it('counts nothing for a mistyped session end or a visit left before it began', () => {
    expect(sessionMinutes({ id: 'x', startsAt: '2026-11-10T10:00:00Z', endsAt: '2026-11-17T10:00:00Z' })).toBe(0);
    expect(sessionMinutes({ id: 'x', startsAt: '2026-11-10T10:00:00Z', endsAt: '2026-11-10T09:00:00Z' })).toBe(0);
    expect(
      visitMinutes({
        id: 'x',
        at: '2026-11-10T10:00:00Z',
        arrivedAt: '2026-11-10T10:00:00Z',
        leftAt: '2026-11-10T09:00:00Z',
        expectedMinutes: 30,
      }),
    ).toBe(30);
  });

  it('writes hours in words', () => {
    expect(hoursText(1)).toBe('1 hour');
    expect(hoursText(2.5)).toBe('2.5 hours');
    expect(hoursText(1.58)).toBe('1.58 hours');
    expect(hoursText(0)).toBe('0 hours');
  });
});

describe('what is due', () => {
  it('is expired after the renewal date and due within 30 days of it', () => {
    expect(renewalState('2026-11-23', TODAY)).toBe('expired');
    expect(renewalState('2026-11-24', TODAY)).toBe('due');
    expect(renewalState('2026-12-24', TODAY)).toBe('due');
    expect(renewalState('2026-12-25', TODAY)).toBeUndefined();
    expect(renewalState(undefined, TODAY)).toBeUndefined();
  });

  it('treats a lapsed PVG as expired whatever its date, and applied or not a member as no warning', () => {
    expect(pvgState({ id: 'p', memberId: 'u1', status: 'lapsed', renewBy: '2027-06-01' }, TODAY)).toBe('expired');
    expect(pvgState({ id: 'p', memberId: 'u1', status: 'member', renewBy: '2026-11-01' }, TODAY)).toBe('expired');
    expect(pvgState({ id: 'p', memberId: 'u1', status: 'member', renewBy: '2026-12-01' }, TODAY)).toBe('due');
    expect(pvgState({ id: 'p', memberId: 'u1', status: 'member', renewBy: '2027-06-01' }, TODAY)).toBeUndefined();
    expect(pvgState({ id: 'p', memberId: 'u1', status: 'applied' }, TODAY)).toBeUndefined();
    expect(pvgState(undefined, TODAY)).toBeUndefined();
  });

  it('lists expired first (a lapse with no date before any), then by date, and forgets a course renewed since', () => {
    const trainings = [
      { id: 't1', memberId: 'u1', name: 'First aid', completedOn: '2023-11-01', renewBy: '2026-11-01' },
      { id: 't2', memberId: 'u1', name: 'First aid', completedOn: '2026-11-10', renewBy: '2029-11-10' },
      { id: 't3', memberId: 'u2', name: 'Safeguarding', completedOn: '2025-12-10', renewBy: '2026-12-10' },
      { id: 't4', memberId: 'u2', name: 'Breastfeeding', completedOn: '2024-01-01', renewBy: '2026-10-01' },
    ];
    const pvgs = [{ id: 'pvg:u3', memberId: 'u3', status: 'lapsed' as const }];
    expect(dueItems(trainings, pvgs, TODAY)).toEqual([
      { memberId: 'u3', what: 'pvg', state: 'expired' },
      { memberId: 'u2', what: 'training', name: 'Breastfeeding', state: 'expired', renewBy: '2026-10-01' },
      { memberId: 'u2', what: 'training', name: 'Safeguarding', state: 'due', renewBy: '2026-12-10' },
    ]);
    expect(currentTraining(trainings.slice(0, 2)).map((training) => training.id)).toEqual(['t2']);
  });
});

describe('the funder report', () => {
  it('adds up hours by month and source, counts volunteers and courses completed in the period', () => {
    const report = volunteerReport(
      {
        memberIds: ['u1', 'u2', 'u3'],
        sessions: [
          { id: 's1', startsAt: '2026-10-06T09:00:00Z', endsAt: '2026-10-06T11:00:00Z', facilitatorIds: ['u1', 'u2'] },
          // Before the period.
          { id: 's2', startsAt: '2026-03-06T10:00:00Z', endsAt: '2026-03-06T12:00:00Z', facilitatorIds: ['u3'] },
        ],
        visits: [{ id: 'v1', supporterId: 'u1', at: '2026-11-03T14:00:00Z', status: 'done', expectedMinutes: 90 }],
        hours: [{ id: 'h1', memberId: 'u2', on: '2026-11-20', hours: 0.5 }],
        trainings: [
          { id: 't1', memberId: 'u1', name: 'Safeguarding', completedOn: '2026-10-01' },
          { id: 't2', memberId: 'u2', name: 'safeguarding ', completedOn: '2026-10-02' },
          { id: 't3', memberId: 'u3', name: 'First aid', completedOn: '2026-11-02' },
          { id: 't4', memberId: 'u3', name: 'First aid', completedOn: '2025-11-02' },
        ],
      },
      '2026-04-01',
      '2026-11-24',
    );
    expect(report.totals).toEqual({ sessions: 4, visits: 1.5, entered: 0.5, total: 6 });
    expect(report.byMonth).toEqual([
      { month: '2026-10', hours: 4 },
      { month: '2026-11', hours: 2 },
    ]);
    expect(report.volunteers).toBe(2);
    expect(report.training).toEqual([
      { name: 'Safeguarding', people: 2 },
      { name: 'First aid', people: 1 },
    ]);
  });
});
