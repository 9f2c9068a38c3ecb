// The volunteer records of one team member (training, PVG, hours, supervision): reads for their page and the
// writes its forms make. The server decides who holds them (domain/volunteerAccess.ts); a device simply has
// those it was sent or wrote.
import { useLiveQuery } from 'dexie-react-hooks';
import { hoursEntries, type HoursEntry } from '../domain/volunteerHours.ts';
import { pvgId } from '../domain/volunteering.ts';
import type { PvgStatus } from '../domain/pvg.ts';
import { supervisionNoteId } from '../domain/supervisionNote.ts';
import type { CoorieDb } from './database.ts';
import { useDb, useRecord, useRecordsWhere } from './hooks.ts';
import { newId, saveRecord } from './records.ts';
import { openRows } from './keyring.ts';

/** Sessions a member facilitated and visits they made, as dated stretches of time (with entered hours). */
export function useMemberHours(memberId: string, today: string): HoursEntry[] | undefined {
  const db = useDb();
  const hours = useRecordsWhere('hours', 'memberId', [memberId]);
  const worked = useLiveQuery(async () => {
    // Sessions have no index on facilitators (a multi-entry index would grow every session row): a member's page
    // is opened now and then, so reading the sessions once is fine; visits are read by the supporter's index.
    const sessions = await db
      .records('session')
      .filter((row) => row.facilitatorIds?.includes(memberId) === true)
      .toArray();
    const visits = await db
      .records('visit')
      .where('[supporterId+at]')
      .between([memberId, ''], [memberId, '\uffff'])
      .toArray();
    return { memberId, sessions, visits: await openRows('visit', visits) };
  }, [db, memberId]);
  if (!hours || worked?.memberId !== memberId) return undefined;
  return hoursEntries(memberId, { sessions: worked.sessions, visits: worked.visits, hours }, today);
}

export function useMemberRecords(memberId: string) {
  return {
    training: useRecordsWhere('training', 'memberId', [memberId]),
    supervision: useRecordsWhere('supervision', 'memberId', [memberId]),
    pvg: useRecord('pvg', pvgId(memberId)),
  };
}

interface Writer {
  userId: string;
  /** The entry being changed; a new one is made when absent. */
  id?: string | undefined;
}

/**
 * Removes a training, hours or supervision entry: marked deleted, so the removal syncs like any change. A supervision
 * session takes what was said in it along when this device holds that (only the member's and the supervisor's do).
 */
export async function removeVolunteerEntry(
  db: CoorieDb,
  kind: 'training' | 'hours' | 'supervision',
  id: string,
  { userId }: Writer,
): Promise<void> {
  await saveRecord(db, kind, id, { deleted: true }, { userId });
  if (kind !== 'supervision') return;
  const noteId = supervisionNoteId(id);
  if (await db.records('supervisionNote').get(noteId)) {
    await saveRecord(db, 'supervisionNote', noteId, { deleted: true }, { userId });
  }
}

export async function addTraining(
  db: CoorieDb,
  values: { memberId: string; name: string; completedOn: string; renewBy: string },
  { userId, id = newId() }: Writer,
): Promise<string> {
  await saveRecord(db, 'training', id, { ...values }, { userId });
  return id;
}

export async function addHours(
  db: CoorieDb,
  values: { memberId: string; on: string; hours: number; what: string },
  { userId, id = newId() }: Writer,
): Promise<string> {
  await saveRecord(db, 'hours', id, { ...values }, { userId });
  return id;
}

export async function savePvg(
  db: CoorieDb,
  values: { memberId: string; status: PvgStatus; renewBy: string; checkedOn: string },
  { userId }: Writer,
): Promise<void> {
  await saveRecord(db, 'pvg', pvgId(values.memberId), { ...values }, { userId });
}

/** A supervision session, and what was said in it when anything was written (kept by the two of them only). */
export async function addSupervision(
  db: CoorieDb,
  values: { memberId: string; supervisorId: string; on: string; content: string },
  { userId }: Writer,
): Promise<string> {
  const { content, ...meeting } = values;
  const id = newId();
  await saveRecord(db, 'supervision', id, meeting, { userId });
  if (content.trim()) await saveSupervisionNote(db, id, { ...values }, { userId });
  return id;
}

export async function saveSupervisionNote(
  db: CoorieDb,
  supervisionId: string,
  values: { memberId: string; supervisorId: string; content: string },
  { userId }: Writer,
): Promise<void> {
  const { memberId, supervisorId, content } = values;
  await saveRecord(
    db,
    'supervisionNote',
    supervisionNoteId(supervisionId),
    { supervisionId, memberId, supervisorId, content },
    { userId },
  );
}

/** Everything the funder report counts, from the device's records (a coordinator's device holds the team's). */
export function useVolunteerReportInput() {
  const db = useDb();
  return useLiveQuery(async () => {
    const live = <T extends { deleted?: boolean | undefined }>(rows: T[]) => rows.filter((row) => row.deleted !== true);
    const sessions = live(await db.records('session').toArray());
    const visits = live(await openRows('visit', await db.records('visit').toArray()));
    const hours = live(await db.records('hours').toArray());
    const trainings = live(await db.records('training').toArray());
    const contacts = ((await db.meta.get('contacts'))?.value ?? []) as { id: string }[];
    const memberIds = new Set<string>(contacts.map((contact) => contact.id));
    for (const session of sessions) for (const id of session.facilitatorIds ?? []) memberIds.add(id);
    for (const visit of visits) if (visit.supporterId) memberIds.add(visit.supporterId);
    for (const entry of hours) if (entry.memberId) memberIds.add(entry.memberId);
    return { memberIds: [...memberIds], sessions, visits, hours, trainings };
  }, [db]);
}
