// Plain words for a change the server refused: what it was, and why. Pure, so every code is testable.
import type { RejectedChange } from '../../db/database.ts';

const KIND_WORDS: Record<string, string> = {
  venue: 'Venue',
  session: 'Session',
  attendee: 'Parent',
  checkIn: 'Check-in',
  outreach: 'Text or call',
  note: 'Wellbeing note',
  visit: 'Home visit',
  activity: 'Activity',
  service: 'Signposting entry',
  feedback: 'Feedback',
  training: 'Training',
  pvg: 'PVG membership',
  hours: 'Volunteer hours',
  supervision: 'Supervision',
  supervisionNote: 'Supervision notes',
};

const OUT_OF_DATE = 'The server could not read it. Coorie on this device may need updating.';

const REASONS: Record<string, string> = {
  forbidden: 'You do not have permission to change this.',
  erased: 'A coordinator has erased this person’s records, so the change was not kept.',
  required_missing: 'Some details the record needs were missing.',
  invalid_value: 'Something in it was not in a form the server accepts.',
  unknown_kind: OUT_OF_DATE,
  unknown_field: OUT_OF_DATE,
  invalid_id: OUT_OF_DATE,
  invalid_version: OUT_OF_DATE,
};

export function refusedKind(change: RejectedChange): string {
  return KIND_WORDS[change.kind] ?? change.kind;
}

/** A short name for the record, from the fields a screen already shows to the room (never a full name). */
export function refusedLabel(change: RejectedChange): string | undefined {
  const { title, displayName } = change.values;
  if (typeof title === 'string' && title.trim()) return title;
  if (typeof displayName === 'string' && displayName.trim()) return displayName;
  return undefined;
}

export function refusedReason(change: RejectedChange): string {
  // The one permission a volunteer meets: someone else's private note (the server's only other refusal here is
  // a change marking a record erased, which no screen makes).
  if (change.code === 'forbidden' && change.kind === 'note') {
    return 'This note is private to the person who wrote it and the coordinators, so only they can change it.';
  }
  if (change.code === 'forbidden' && change.kind === 'pvg') {
    return 'Only a coordinator records PVG membership.';
  }
  if (change.code === 'forbidden' && ['training', 'hours', 'supervision', 'supervisionNote'].includes(change.kind)) {
    return 'Only the team member it is about and a coordinator (for supervision notes, their supervisor) can change this.';
  }
  return REASONS[change.code] ?? 'The server did not accept it.';
}
