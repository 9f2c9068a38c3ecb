// A small quarter of group life, small enough to count by hand: the expected figures in reports.test.ts are
// worked out from this file, with the working beside them.
import type { ReportData, ReportNote } from '../../src/domain/reports/scope.ts';

export const Q1 = { from: '2026-01-01', to: '2026-03-31' };
/** 9am on the last day of the quarter: the 10am session that day has not run yet. */
export const NOW = new Date('2026-03-31T09:00:00Z');

const at = (date: string, time = '10:00') => `${date}T${time}:00.000Z`;
const ons4 = (satisfied: number, worthwhile: number, happy: number, anxious: number) => ({
  satisfied,
  worthwhile,
  happy,
  anxious,
});

function note(id: string, fields: Partial<ReportNote>): ReportNote {
  return { id, body: 'A note', ...fields };
}

export function quarter(): ReportData {
  return {
    venues: [
      { id: 'v1', name: 'Elgin Hall', locality: 'Elgin' },
      { id: 'v2', name: 'Buckie Centre', locality: 'Buckie' },
    ],
    sessions: [
      {
        id: 's0',
        title: 'Before',
        startsAt: at('2025-12-10'),
        venueId: 'v1',
        kind: 'drop-in',
        facilitators: ['Morag'],
      },
      {
        id: 's1',
        title: 'Drop-in',
        startsAt: at('2026-01-06'),
        venueId: 'v1',
        kind: 'drop-in',
        facilitators: ['Morag'],
      },
      {
        id: 's2',
        title: 'Drop-in',
        startsAt: at('2026-01-20'),
        venueId: 'v1',
        kind: 'drop-in',
        facilitators: ['Morag'],
      },
      {
        id: 's3',
        title: 'Course 1',
        startsAt: at('2026-02-03'),
        venueId: 'v2',
        kind: 'course',
        facilitators: ['Iona'],
      },
      {
        id: 's4',
        title: 'Course 2',
        startsAt: at('2026-03-03'),
        venueId: 'v2',
        kind: 'course',
        facilitators: ['Iona'],
      },
      { id: 's5', title: 'Snowed off', startsAt: at('2026-03-10'), venueId: 'v1', status: 'cancelled' },
      { id: 's6', title: 'Later today', startsAt: at('2026-03-31'), venueId: 'v1', kind: 'drop-in' },
      { id: 's7', title: 'Deleted', startsAt: at('2026-03-17'), venueId: 'v1', deleted: true },
    ],
    attendees: [
      {
        id: 'p1',
        displayName: 'Amy',
        locality: 'Elgin',
        heardVia: 'health visitor',
        babies: [{ alias: 'A', dateOfBirth: '2025-10-01' }],
      },
      {
        id: 'p2',
        displayName: 'Beth',
        locality: 'Elgin',
        heardVia: 'friend',
        babies: [
          { alias: 'Twin 1', dateOfBirth: '2025-11-01' },
          { alias: 'Twin 2', dateOfBirth: '2025-11-01' },
        ],
      },
      {
        id: 'p3',
        displayName: 'Cat',
        locality: 'Buckie',
        heardVia: 'GP',
        babies: [{ alias: 'Bump', dueDate: '2026-02-15' }],
      },
      { id: 'p4', displayName: 'Dawn', locality: 'Forres', heardVia: '' },
      { id: 'p5', displayName: 'Eilidh', locality: 'Buckie', heardVia: 'Health visitor' },
      // Eilidh again, added as a walk-in on another tablet and merged into p5: the same person.
      { id: 'p6', displayName: 'Eilidh M', locality: 'Buckie', mergedInto: 'p5' },
    ],
    checkIns: [
      { id: 's0:p1', sessionId: 's0', attendeeId: 'p1', present: true },
      { id: 's1:p1', sessionId: 's1', attendeeId: 'p1', present: true, withBaby: true },
      { id: 's1:p2', sessionId: 's1', attendeeId: 'p2', present: true, withBaby: true, childcareUsed: true },
      { id: 's1:p4', sessionId: 's1', attendeeId: 'p4', present: true, transportHelp: true },
      { id: 's2:p1', sessionId: 's2', attendeeId: 'p1', present: true },
      { id: 's2:p2', sessionId: 's2', attendeeId: 'p2', present: true, withBaby: true },
      { id: 's2:p3', sessionId: 's2', attendeeId: 'p3', present: false },
      {
        id: 's3:p3',
        sessionId: 's3',
        attendeeId: 'p3',
        present: true,
        withBaby: true,
        childcareUsed: true,
        transportHelp: true,
      },
      { id: 's3:p5', sessionId: 's3', attendeeId: 'p5', present: true },
      { id: 's4:p3', sessionId: 's4', attendeeId: 'p3', present: true, withBaby: true },
      { id: 's4:p6', sessionId: 's4', attendeeId: 'p6', present: true },
      { id: 's4:p1', sessionId: 's4', attendeeId: 'p1', present: true },
      { id: 's5:p2', sessionId: 's5', attendeeId: 'p2', present: true },
      { id: 's6:p4', sessionId: 's6', attendeeId: 'p4', present: true },
      { id: 's7:p4', sessionId: 's7', attendeeId: 'p4', present: true },
      { id: 's3:p4', sessionId: 's3', attendeeId: 'p4', present: true, deleted: true },
    ],
    outreach: [
      { id: 'o1', sessionId: 's1', attendeeId: 'p1', method: 'text', outcome: 'coming', at: at('2026-01-05') },
      { id: 'o2', sessionId: 's1', attendeeId: 'p4', method: 'call', outcome: 'no answer', at: at('2026-01-05') },
      { id: 'o3', sessionId: 's2', attendeeId: 'p2', method: 'text', outcome: 'not coming', at: at('2026-01-18') },
      { id: 'o4', sessionId: 's2', attendeeId: 'p2', method: 'call', outcome: 'coming', at: at('2026-01-19') },
      { id: 'o5', sessionId: 's3', attendeeId: 'p3', method: 'text', outcome: 'coming', at: at('2026-02-02') },
      { id: 'o6', sessionId: 's4', attendeeId: 'p6', method: 'text', outcome: 'coming', at: at('2026-03-02') },
      { id: 'o7', sessionId: 's0', attendeeId: 'p1', method: 'text', outcome: 'coming', at: at('2025-12-09') },
      { id: 'o8', sessionId: 's4', attendeeId: 'p2', method: 'text', outcome: 'not coming', at: at('2026-03-02') },
    ],
    notes: [
      note('n1', {
        attendeeId: 'p1',
        sessionId: 's1',
        createdAt: at('2026-01-06', '12:00'),
        focusAreas: ['anxiety', 'mood'],
        ons4: ons4(4, 5, 3, 7),
        followUpDue: '2026-01-10',
        followUpDone: true,
        followUpDoneAt: at('2026-01-09'),
      }),
      note('n2', {
        attendeeId: 'p1',
        sessionId: 's4',
        createdAt: at('2026-03-03', '12:00'),
        focusAreas: ['anxiety'],
        ons4: ons4(6, 7, 7, 3),
        concern: 'urgent',
        concernPickedUpBy: 'Morag',
        pickedUpAt: at('2026-03-06', '12:00'),
        followUpDue: '2026-04-05',
      }),
      note('n3', {
        attendeeId: 'p2',
        sessionId: 's2',
        createdAt: at('2026-01-20', '12:00'),
        focusAreas: ['loneliness'],
        ons4: ons4(5, 5, 5, 5),
        concern: 'talk to coordinator',
        concernPickedUpBy: 'Morag',
        pickedUpAt: at('2026-01-20', '13:30'),
        followUpDue: '2026-01-25',
        followUpDone: true,
        followUpDoneAt: at('2026-01-27'),
      }),
      note('n4', {
        attendeeId: 'p2',
        context: 'home visit',
        createdAt: at('2026-02-20', '12:00'),
        focusAreas: ['anxiety', 'loneliness'],
        ons4: ons4(5, 4, 6, 6),
        concern: 'keep an eye',
        followUpDue: '2026-03-20',
      }),
      note('n5', {
        attendeeId: 'p3',
        sessionId: 's3',
        createdAt: at('2026-02-03', '12:00'),
        focusAreas: ['confidence'],
        ons4: ons4(2, 2, 2, 9),
        concern: 'urgent',
        concernPickedUpBy: 'Morag',
        pickedUpAt: at('2026-02-03', '12:30'),
        followUpDue: '2026-03-31',
        followUpDone: true,
      }),
      note('n6', {
        attendeeId: 'p6',
        sessionId: 's3',
        createdAt: at('2026-02-03', '12:05'),
        focusAreas: ['mood'],
        ons4: ons4(7, 7, 7, 2),
        concern: 'urgent',
        followUpDue: '2026-03-31',
      }),
      note('n7', {
        attendeeId: 'p5',
        sessionId: 's4',
        createdAt: at('2026-03-03', '12:10'),
        focusAreas: [],
        ons4: ons4(9, 8, 8, 1),
      }),
      note('n8', { attendeeId: 'p1', sessionId: 's0', createdAt: at('2025-12-10', '12:00'), focusAreas: ['anxiety'] }),
      note('n9', { attendeeId: 'p1', createdAt: at('2026-02-01'), focusAreas: ['anxiety'], deleted: true }),
    ],
  };
}
