// Queries for writing notes after a session: who came, and who already has a note from it.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attendee } from '../domain/attendee.ts';
import type { Session } from '../domain/session.ts';
import { useDb } from './hooks.ts';
import { openRows } from './keyring.ts';

const live = (row: { deleted?: boolean }) => row.deleted !== true;

export interface SessionRound {
  session: Session | null;
  /** The people checked in, by display name. */
  people: Attendee[];
  /** Who has a note from this session already (any author), so the round can show it. */
  noted: Set<string>;
}

export function useSessionRound(sessionId: string): SessionRound | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const sessionRow = await db.records('session').get(sessionId);
    const checkIns = await db.records('checkIn').where('sessionId').equals(sessionId).filter(live).toArray();
    const ids = checkIns.filter((checkIn) => checkIn.present !== false).map((checkIn) => String(checkIn.attendeeId));
    const people = (await db.records('attendee').bulkGet(ids))
      .filter((row) => row !== undefined)
      .filter(live)
      .sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'en-GB') || a.id.localeCompare(b.id));
    const notes = await db.records('note').where('sessionId').equals(sessionId).filter(live).toArray();
    return {
      session: sessionRow && live(sessionRow) ? sessionRow : null,
      people: await openRows('attendee', people),
      noted: new Set(notes.map((note) => String(note.attendeeId))),
    };
  }, [db, sessionId]);
}
