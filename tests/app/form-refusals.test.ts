// Each form refuses only what it cannot keep, and says why: a time or a date that is not one is caught by the
// form, not saved half-empty; a refused change names its true reason.
import { describe, expect, it } from 'vitest';
import type { RejectedChange } from '../../src/db/database.ts';
import { emptyNote, validateNote } from '../../src/app/notes/noteForm.ts';
import { emptyPerson, newBaby, validatePerson } from '../../src/app/people/personForm.ts';
import { emptyPlan, validatePlan } from '../../src/app/sessions/planForm.ts';
import { walkInProblems, type WalkInInput } from '../../src/domain/checkInList.ts';
import { refusedReason } from '../../src/app/sync/refusedText.ts';
import { blankVisit, formToVisit, validateVisit } from '../../src/app/visits/visitForm.ts';

const NOW = new Date('2026-11-24T12:00:00Z');

describe('the visit form', () => {
  const visit = (time: string) => ({ ...blankVisit('2026-11-24', 'amy'), where: 'Amy’s flat', time });

  it.each(['24:00', '09:75', '99:99'])('refuses %s, which is not a time of day, instead of saving no time', (time) => {
    expect(validateVisit(visit(time)).time).toBe('Enter a time from 00:00 to 23:59, like 14:30.');
  });

  it('keeps a time late in the evening', () => {
    expect(validateVisit(visit('23:59'))).toEqual({});
    expect(formToVisit(visit('23:59')).at).toBe('2026-11-24T23:59:00.000Z');
  });
});

describe('the session plan', () => {
  it('says a session that would end after midnight must end on the day it starts', () => {
    const plan = { ...emptyPlan(NOW), title: 'Evening group', start: '23:00', end: '01:00' };
    expect(validatePlan(plan, false).end).toBe(
      'The end time must be after the start time, on the same day: a session can’t run past midnight.',
    );
  });
});

describe('dates that have the right shape but are not dates', () => {
  it('refuses a baby born on 31 February', () => {
    const draft = { ...emptyPerson(), displayName: 'Amy', babies: [{ ...newBaby(), dateOfBirth: '2026-02-31' }] };
    expect(validatePerson(draft, NOW)['baby-0-dateOfBirth']).toBe('Enter the date of birth like 24/11/2026.');
  });

  it('refuses a walk-in’s baby born on 31 February', () => {
    const walkIn: WalkInInput = { name: 'Amy', age: 'date', date: '2026-02-31', consent: 'yes' };
    expect(walkInProblems(walkIn, NOW).date).toBe('Enter the date like 24/11/2026');
  });

  it('refuses a follow-up due on 31 February', () => {
    const draft = {
      ...emptyNote('group'),
      body: 'Tired but cheerful.',
      followUp: 'Ring her',
      followUpDue: '2027-02-31',
    };
    expect(validateNote(draft, NOW).followUpDue).toBe('Enter the date it is due, like 24/11/2026.');
  });
});

describe('a change the server refused', () => {
  const refused = (kind: string): RejectedChange => ({
    kind,
    id: 'x1',
    values: {},
    versions: {},
    code: 'forbidden',
    message: 'This note is private to the person who wrote it and the coordinators.',
    at: NOW.getTime(),
  });

  it('says a note was refused because it is private, not for want of permission in general', () => {
    expect(refusedReason(refused('note'))).toBe(
      'This note is private to the person who wrote it and the coordinators, so only they can change it.',
    );
    expect(refusedReason(refused('session'))).toBe('You do not have permission to change this.');
  });
});
