// The registry of record kinds: the one list that the database, the server, sync and forms iterate.
import type { z } from 'zod';
import { activityFields, activityRequired, type Activity } from './activity.ts';
import { attendeeFields, attendeeRequired, type Attendee } from './attendee.ts';
import { bookingFields, bookingRequired, type Booking } from './booking.ts';
import { checkInFields, checkInRequired, type CheckIn } from './checkIn.ts';
import { hoursFields, hoursRequired, type Hours } from './hours.ts';
import { feedbackFields, feedbackRequired, type Feedback } from './feedback.ts';
import { isKindName, KIND_INDEXES, KIND_NAMES, type KindName } from './indexes.ts';
import { noteFields, noteRequired, type Note } from './note.ts';
import { partnerFields, partnerRequired, type Partner } from './partner.ts';
import { referralFields, referralRequired, type Referral } from './referral.ts';
import { questionnaireFields, questionnaireRequired, type Questionnaire } from './questionnaire.ts';
import { responseFields, responseRequired, type QuestionnaireResponse } from './response.ts';
import { outreachFields, outreachRequired, type Outreach } from './outreach.ts';
import { pvgFields, pvgRequired, type Pvg } from './pvg.ts';
import { serviceFields, serviceRequired, type Service } from './service.ts';
import { sessionFields, sessionRequired, type Session } from './session.ts';
import { supervisionFields, supervisionRequired, type Supervision } from './supervision.ts';
import { supervisionNoteFields, supervisionNoteRequired, type SupervisionNote } from './supervisionNote.ts';
import { trainingFields, trainingRequired, type Training } from './training.ts';
import { venueFields, venueRequired, type Venue } from './venue.ts';
import { visitFields, visitRequired, type Visit } from './visit.ts';

export interface KindDefinition {
  /** Every field a record of this kind may carry, apart from `id`. */
  fields: z.ZodObject;
  /** Fields a record must have when the server first sees it. */
  required: readonly string[];
  /** Dexie secondary indexes, for the screens' queries. */
  indexes: readonly string[];
  /** Kinds that are about one person, by the field naming that person (erasure and export follow it). */
  personField?: string;
}

export const KINDS = {
  venue: { fields: venueFields, required: venueRequired, indexes: KIND_INDEXES.venue },
  session: { fields: sessionFields, required: sessionRequired, indexes: KIND_INDEXES.session },
  attendee: { fields: attendeeFields, required: attendeeRequired, indexes: KIND_INDEXES.attendee, personField: 'id' },
  checkIn: {
    fields: checkInFields,
    required: checkInRequired,
    indexes: KIND_INDEXES.checkIn,
    personField: 'attendeeId',
  },
  outreach: {
    fields: outreachFields,
    required: outreachRequired,
    indexes: KIND_INDEXES.outreach,
    personField: 'attendeeId',
  },
  note: { fields: noteFields, required: noteRequired, indexes: KIND_INDEXES.note, personField: 'attendeeId' },
  visit: { fields: visitFields, required: visitRequired, indexes: KIND_INDEXES.visit, personField: 'attendeeId' },
  activity: { fields: activityFields, required: activityRequired, indexes: KIND_INDEXES.activity },
  service: { fields: serviceFields, required: serviceRequired, indexes: KIND_INDEXES.service },
  feedback: { fields: feedbackFields, required: feedbackRequired, indexes: KIND_INDEXES.feedback },
  // About team members (server users), not attendees: no personField, so a parent's erasure never reaches them.
  training: { fields: trainingFields, required: trainingRequired, indexes: KIND_INDEXES.training },
  pvg: { fields: pvgFields, required: pvgRequired, indexes: KIND_INDEXES.pvg },
  hours: { fields: hoursFields, required: hoursRequired, indexes: KIND_INDEXES.hours },
  supervision: { fields: supervisionFields, required: supervisionRequired, indexes: KIND_INDEXES.supervision },
  supervisionNote: {
    fields: supervisionNoteFields,
    required: supervisionNoteRequired,
    indexes: KIND_INDEXES.supervisionNote,
  },
  booking: {
    fields: bookingFields,
    required: bookingRequired,
    indexes: KIND_INDEXES.booking,
    personField: 'attendeeId',
  },
  partner: { fields: partnerFields, required: partnerRequired, indexes: KIND_INDEXES.partner },
  referral: {
    fields: referralFields,
    required: referralRequired,
    indexes: KIND_INDEXES.referral,
    personField: 'attendeeId',
  },
  questionnaire: {
    fields: questionnaireFields,
    required: questionnaireRequired,
    indexes: KIND_INDEXES.questionnaire,
  },
  // Anonymous answers name nobody; those recorded with a parent's consent follow the parent.
  response: {
    fields: responseFields,
    required: responseRequired,
    indexes: KIND_INDEXES.response,
    personField: 'attendeeId',
  },
} as const satisfies Record<string, KindDefinition>;

export { isKindName, KIND_NAMES, type KindName };

/**
 * The record of each kind, by kind name: what a device table holds and the record hooks give. A kind added
 * to KIND_INDEXES without an entry here fails to compile wherever a table is typed by kind.
 */
export interface KindRecords {
  venue: Venue;
  session: Session;
  attendee: Attendee;
  checkIn: CheckIn;
  outreach: Outreach;
  note: Note;
  visit: Visit;
  activity: Activity;
  service: Service;
  feedback: Feedback;
  training: Training;
  pvg: Pvg;
  hours: Hours;
  supervision: Supervision;
  supervisionNote: SupervisionNote;
  booking: Booking;
  partner: Partner;
  referral: Referral;
  questionnaire: Questionnaire;
  response: QuestionnaireResponse;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Checks the values of a change against its kind. `isNew` adds the required-field rule, which applies
 * only to a record the receiver has not seen (a change may carry any subset of fields).
 */
export function validateValues(kind: KindName, values: Record<string, unknown>, isNew: boolean): FieldProblem[] {
  const definition: KindDefinition = KINDS[kind];
  const problems: FieldProblem[] = [];
  const shape = definition.fields.shape as Record<string, z.ZodType>;
  for (const [field, value] of Object.entries(values)) {
    const schema = Object.hasOwn(shape, field) ? shape[field] : undefined;
    if (!schema) {
      problems.push({ field, message: `${kind} has no field "${field}"` });
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      problems.push({ field, message: `${field} ${result.error.issues[0]?.message ?? 'is not valid'}` });
    }
  }
  if (isNew && values.deleted !== true) {
    for (const field of definition.required) {
      if (values[field] === undefined) problems.push({ field, message: `${field} is required` });
    }
  }
  return problems;
}
