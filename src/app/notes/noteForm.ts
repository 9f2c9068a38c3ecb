// The note form's rules in plain words, and turning a draft into a note record.
import { londonDate, londonInstant } from '../../domain/london.ts';
import type { CONCERN_LEVELS, FOCUS_AREAS, NOTE_CONTEXTS, NOTE_VISIBILITIES } from '../../domain/note.ts';
import { ONS4_QUESTIONS, type Ons4Key } from '../../domain/ons4.ts';
import type { Errors } from '../account/validation.ts';

export interface NoteDraft {
  context: (typeof NOTE_CONTEXTS)[number];
  focusAreas: (typeof FOCUS_AREAS)[number][];
  positives: string;
  body: string;
  concern: (typeof CONCERN_LEVELS)[number];
  followUp: string;
  followUpDue: string;
  visibility: (typeof NOTE_VISIBILITIES)[number];
  /** Null until someone chooses to add the wellbeing check. */
  ons4: Partial<Record<Ons4Key, number>> | null;
}

export type NoteField = 'body' | 'positives' | 'followUp' | 'followUpDue' | 'ons4';
export const NOTE_FIELD_ORDER: readonly NoteField[] = ['positives', 'body', 'followUp', 'followUpDue', 'ons4'];

export const MAX_BODY = 20_000;
export const MAX_FOLLOW_UP = 2000;

export const emptyNote = (context: NoteDraft['context']): NoteDraft => ({
  context,
  focusAreas: [],
  positives: '',
  body: '',
  concern: 'none',
  followUp: '',
  followUpDue: '',
  // Private to the author and coordinators unless someone decides the team should see it (README, "Who can see and
  // change what").
  visibility: 'private',
  ons4: null,
});

const count = (n: number) => n.toLocaleString('en-GB');

export function validateNote(draft: NoteDraft, now: Date = new Date()): Errors<NoteField> {
  const errors: Errors<NoteField> = {};
  const body = draft.body.trim();
  if (!body) errors.body = 'Write the note: a line or two about how they are is enough.';
  else if (body.length > MAX_BODY) {
    errors.body = `Shorten the note to ${count(MAX_BODY)} characters or fewer (it has ${count(body.length)}).`;
  }
  if (draft.positives.trim().length > MAX_BODY) {
    errors.positives = `Shorten this to ${count(MAX_BODY)} characters or fewer.`;
  }
  const followUp = draft.followUp.trim();
  if (followUp.length > MAX_FOLLOW_UP) {
    errors.followUp = `Shorten the follow-up to ${count(MAX_FOLLOW_UP)} characters or fewer.`;
  }
  // An urgent note is never held back by its follow-up date: the concern has to reach a coordinator.
  // A date that is not one is left out of the note (draftToNote).
  const urgent = draft.concern === 'urgent';
  if (!urgent && draft.followUpDue && !followUp) errors.followUp = 'Say what needs following up, or clear the date.';
  if (urgent) {
    // No rule about the date.
  } else if (followUp && !draft.followUpDue) errors.followUpDue = 'Choose when this is due, so it shows on Today.';
  else if (draft.followUpDue && !londonInstant(draft.followUpDue, '12:00')) {
    errors.followUpDue = 'Enter the date it is due, like 24/11/2026.';
  } else if (draft.followUpDue && draft.followUpDue < londonDate(now)) {
    errors.followUpDue = 'Choose today or a later date.';
  }
  if (draft.ons4) {
    const missing = ONS4_QUESTIONS.filter((question) => draft.ons4?.[question.key] === undefined);
    if (missing.length > 0) {
      errors.ons4 = `Answer all four questions, or remove the wellbeing check (${missing.length} still to answer).`;
    }
  }
  return errors;
}

export interface NoteLinks {
  attendeeId: string;
  sessionId?: string;
  visitId?: string;
}

export function draftToNote(draft: NoteDraft, links: NoteLinks): Record<string, unknown> {
  const values: Record<string, unknown> = {
    ...links,
    context: draft.context,
    focusAreas: draft.focusAreas,
    body: draft.body.trim(),
    concern: draft.concern,
    visibility: draft.visibility,
  };
  if (draft.positives.trim()) values.positives = draft.positives.trim();
  if (draft.followUp.trim()) {
    values.followUp = draft.followUp.trim();
    if (londonInstant(draft.followUpDue, '12:00')) values.followUpDue = draft.followUpDue;
    values.followUpDone = false;
  }
  const ons4 = draft.ons4;
  if (ons4 && ONS4_QUESTIONS.every((question) => ons4[question.key] !== undefined)) values.ons4 = { ...ons4 };
  for (const key of ['sessionId', 'visitId'] as const) if (!values[key]) delete values[key];
  return values;
}
