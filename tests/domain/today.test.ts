// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/domain/note.ts';
import {
  followUpsDue,
  isConcernPickedUp,
  isFollowUpOverdue,
  openConcerns,
  overdueVisits,
  visitsInProgress,
  type VersionedNote,
} from '../../src/domain/today.ts';
import type { Visit } from '../../src/domain/visit.ts';

const ids = (records: { id: string }[]) => records.map((record) => record.id);

describe('the Today screen', () => {
  const notes: Note[] = [
    { id: 'later', followUpDue: '2026-11-24' },
    { id: 'today', followUpDue: '2026-11-23' },
    { id: 'last-week', followUpDue: '2026-11-16' },
    { id: 'done', followUpDue: '2026-11-20', followUpDone: true },
    { id: 'deleted', followUpDue: '2026-11-20', deleted: true },
    { id: 'none' },
  ];

  it('lists follow-ups due today or earlier, the longest-waiting first', () => {
    expect(ids(followUpsDue(notes, new Date('2026-11-23T09:00:00Z')))).toEqual(['last-week', 'today']);
    expect(ids(followUpsDue(notes, '2026-11-24'))).toEqual(['last-week', 'today', 'later']);
  });

  it('uses the London date: at 00:30 BST on 24 June it is already the 24th', () => {
    const summer: Note[] = [{ id: 'midsummer', followUpDue: '2026-06-24' }];
    expect(ids(followUpsDue(summer, new Date('2026-06-23T23:30:00Z')))).toEqual(['midsummer']);
    expect(ids(followUpsDue(summer, new Date('2026-06-23T22:30:00Z')))).toEqual([]);
  });

  it('says a follow-up is overdue only after its due date', () => {
    expect(isFollowUpOverdue({ id: 'n', followUpDue: '2026-11-22' }, '2026-11-23')).toBe(true);
    expect(isFollowUpOverdue({ id: 'n', followUpDue: '2026-11-23' }, '2026-11-23')).toBe(false);
    expect(isFollowUpOverdue({ id: 'n', followUpDue: '2026-11-22', followUpDone: true }, '2026-11-23')).toBe(false);
  });

  it('lists concerns nobody has picked up, urgent first, then the longest-waiting', () => {
    const concerns: Note[] = [
      { id: 'coordinator-old', concern: 'talk to coordinator', createdAt: '2026-11-01T10:00:00.000Z' },
      { id: 'coordinator-new', concern: 'talk to coordinator', createdAt: '2026-11-20T10:00:00.000Z' },
      { id: 'urgent', concern: 'urgent', createdAt: '2026-11-22T10:00:00.000Z' },
      { id: 'picked-up', concern: 'urgent', concernPickedUpBy: 'Morag', createdAt: '2026-11-02T10:00:00.000Z' },
      { id: 'blank-pickup', concern: 'urgent', concernPickedUpBy: '  ', createdAt: '2026-11-23T10:00:00.000Z' },
      { id: 'watch', concern: 'keep an eye' },
      { id: 'fine', concern: 'none' },
      { id: 'gone', concern: 'urgent', deleted: true },
    ];
    expect(ids(openConcerns(concerns))).toEqual(['urgent', 'blank-pickup', 'coordinator-old', 'coordinator-new']);
  });

  it('counts a pick-up only for the raise it came after, by the fields’ versions', () => {
    const raised = '1764000000000-0000-devicea1';
    const pickedUp = '1764000100000-0000-deviceb2';
    const raisedAgain = '1764000200000-0000-devicea1';
    const concerns: VersionedNote[] = [
      {
        id: 'taken',
        concern: 'urgent',
        concernPickedUpBy: 'Iona',
        _v: { concern: raised, concernPickedUpBy: pickedUp },
      },
      {
        id: 'raised-again',
        concern: 'urgent',
        concernPickedUpBy: 'Iona',
        _v: { concern: raisedAgain, concernPickedUpBy: pickedUp },
      },
      // Raised and picked up in one save: the same version, picked up.
      {
        id: 'same-save',
        concern: 'urgent',
        concernPickedUpBy: 'Iona',
        _v: { concern: raised, concernPickedUpBy: raised },
      },
    ];
    expect(ids(openConcerns(concerns))).toEqual(['raised-again']);
    expect(concerns.map(isConcernPickedUp)).toEqual([true, false, true]);
  });

  it('shows visits in progress and which are overdue', () => {
    const visits: Visit[] = [
      { id: 'over', arrivedAt: '2026-11-23T09:00:00Z', expectedMinutes: 60 },
      { id: 'fine', arrivedAt: '2026-11-23T10:00:00Z', expectedMinutes: 90 },
      { id: 'left', arrivedAt: '2026-11-23T08:00:00Z', leftAt: '2026-11-23T09:00:00Z' },
      { id: 'scheduled', at: '2026-11-23T14:00:00Z' },
      { id: 'cancelled', arrivedAt: '2026-11-23T08:00:00Z', status: 'cancelled' },
      { id: 'deleted', arrivedAt: '2026-11-23T08:00:00Z', deleted: true },
    ];
    const now = new Date('2026-11-23T10:30:00Z');
    expect(ids(visitsInProgress(visits))).toEqual(['over', 'fine']);
    expect(ids(overdueVisits(visits, now))).toEqual(['over']);
  });
});
