// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Attendee } from '../../src/domain/attendee.ts';
import type { CheckIn } from '../../src/domain/checkIn.ts';
import {
  checkInList,
  hereCount,
  hereCountText,
  isFirstVisit,
  matchesName,
  walkInBaby,
  walkInProblems,
} from '../../src/domain/checkInList.ts';

const names = (attendees: Attendee[]) => attendees.map((attendee) => attendee.displayName);

describe('check-in rules', () => {
  const people: Attendee[] = [
    { id: 'z', displayName: 'Zoë' },
    { id: 'a', displayName: 'ailsa' },
    { id: 'm', displayName: 'Morag' },
    { id: 'k', displayName: 'Kirsty' },
    { id: 'merged', displayName: 'Morag', mergedInto: 'm' },
    { id: 'gone', displayName: 'Gone', deleted: true },
  ];

  const outreach = [
    { id: 'o1', attendeeId: 'z', outcome: 'coming', at: '2026-11-20T10:00:00Z' },
    { id: 'o2', attendeeId: 'k', outcome: 'coming', at: '2026-11-20T10:00:00Z' },
    { id: 'o3', attendeeId: 'k', outcome: 'not coming', at: '2026-11-21T10:00:00Z' },
  ] as const;

  it('puts people who said they are coming or came to the course first, and shows nobody else unasked', () => {
    const list = checkInList(people, [...outreach], { seriesAttendeeIds: ['m'] });
    expect(names(list.expected)).toEqual(['Morag', 'Zoë']);
    expect(list.regulars).toEqual([]);
    expect(list.alsoHere).toEqual([]);
    expect(list.found).toEqual([]);
  });

  it('adds the venue’s regulars and anyone checked in, and finds others only from two letters of a name', () => {
    const context = { seriesAttendeeIds: ['m'], regularIds: ['a', 'm'], checkedInIds: ['k'] };
    const list = checkInList(people, [...outreach], context);
    expect(names(list.expected)).toEqual(['Morag', 'Zoë']);
    expect(names(list.regulars)).toEqual(['ailsa']);
    expect(names(list.alsoHere)).toEqual(['Kirsty']);
    const others = [...people, { id: 'e', displayName: 'Eilidh' }, { id: 'e2', displayName: 'Elspeth' }];
    expect(checkInList(others, [], { seriesAttendeeIds: [], query: 'e' }).found).toEqual([]);
    expect(names(checkInList(others, [], { seriesAttendeeIds: [], query: 'EI' }).found)).toEqual(['Eilidh']);
    // Typing narrows every group, not only the search.
    expect(names(checkInList(others, [...outreach], { ...context, query: 'zo' }).expected)).toEqual(['Zoë']);
  });

  it('finds names ignoring case, accents and spaces', () => {
    expect(matchesName('Zoë', 'zoe')).toBe(true);
    expect(matchesName('Mary Anne', 'maryan')).toBe(true);
    expect(matchesName('Morag', 'kir')).toBe(false);
    expect(matchesName('Morag', '  ')).toBe(true);
  });

  it('counts people here and their babies, not undone check-ins', () => {
    const checkIns: CheckIn[] = [
      { id: '1', present: true, withBaby: true },
      { id: '2', present: true, withBaby: false },
      { id: '3', present: false, withBaby: true },
    ];
    expect(hereCountText(hereCount(checkIns))).toBe('2 here · 1 baby');
    expect(hereCountText(hereCount([]))).toBe('0 here · 0 babies');
  });

  it('calls it a first visit only when there is no check-in at an earlier session', () => {
    const session = { id: 's2', startsAt: '2026-11-24T10:00:00Z' };
    const starts = new Map([
      ['s1', '2026-11-17T10:00:00Z'],
      ['s3', '2026-12-01T10:00:00Z'],
    ]);
    expect(isFirstVisit(session, [{ id: 'x', sessionId: 's3', present: true }], starts)).toBe(true);
    expect(isFirstVisit(session, [{ id: 'x', sessionId: 's1', present: false }], starts)).toBe(true);
    expect(isFirstVisit(session, [{ id: 'x', sessionId: 's1', present: true }], starts)).toBe(false);
  });

  it("keeps a quick answer about the baby's age as said, never as an invented date", () => {
    const today = new Date('2026-11-24T10:00:00Z');
    expect(walkInBaby('expecting', '', today)).toEqual({ alias: '', ageBand: 'expecting', ageBandOn: '2026-11-24' });
    expect(walkInBaby('under-3-months', '', today)).toEqual({
      alias: '',
      ageBand: 'under-3-months',
      ageBandOn: '2026-11-24',
    });
    expect(walkInBaby('1-2-years', '', today)).toEqual({ alias: '', ageBand: '1-2-years', ageBandOn: '2026-11-24' });
    expect(walkInBaby('date', '2027-01-10', today)).toEqual({ alias: '', dueDate: '2027-01-10' });
    expect(walkInBaby('date', '2026-09-01', today)).toEqual({ alias: '', dateOfBirth: '2026-09-01' });
    expect(walkInBaby('', '', today)).toBeUndefined();
  });

  it('says what to fix on a walk-in', () => {
    const today = '2026-11-24';
    expect(walkInProblems({ name: ' ', age: '', date: '', consent: '' }, today)).toEqual({
      name: 'Enter a first name or an alias',
      consent: 'Ask the question, then choose yes or no',
    });
    expect(walkInProblems({ name: 'x'.repeat(81), age: '', date: '', consent: 'no' }, today).name).toBe(
      'Use 80 characters or fewer',
    );
    expect(walkInProblems({ name: 'Morag', age: 'date', date: '', consent: 'yes' }, today).date).toBe(
      'Enter the date of birth or due date',
    );
    expect(walkInProblems({ name: 'Morag', age: 'date', date: '2019-01-01', consent: 'yes' }, today).date).toBe(
      'Check the year: that is more than 5 years ago',
    );
    expect(walkInProblems({ name: 'Morag', age: 'under-3-months', date: '', consent: 'yes' }, today)).toEqual({});
  });
});
