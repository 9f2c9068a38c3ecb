// Rows as the domain rules see them. Every row was validated against its kind's schema when it was written
// (saveRecord, or the merge of a pulled change), so its values have the domain type; `_v` rides along unused.
import type { Row } from '../../db/database.ts';
import type { Activity } from '../../domain/activity.ts';
import type { Attendee } from '../../domain/attendee.ts';
import type { CheckIn } from '../../domain/checkIn.ts';
import type { Outreach } from '../../domain/outreach.ts';
import type { Session } from '../../domain/session.ts';
import type { Venue } from '../../domain/venue.ts';

export const asSession = (row: Row) => row as Session;
export const asSessions = (rows: readonly Row[] | undefined) => (rows ?? []) as readonly Session[];
export const asAttendees = (rows: readonly Row[] | undefined) => (rows ?? []) as readonly Attendee[];
export const asCheckIns = (rows: readonly Row[] | undefined) => (rows ?? []) as readonly CheckIn[];
export const asOutreach = (rows: readonly Row[] | undefined) => (rows ?? []) as readonly Outreach[];
export const asActivities = (rows: readonly Row[] | undefined) => (rows ?? []) as readonly Activity[];
export const asVenue = (row: Row | null | undefined) => (row ?? undefined) as Venue | undefined;
