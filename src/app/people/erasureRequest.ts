// A volunteer who is not a coordinator cannot erase: when a person asks for erasure, they leave a request that
// coordinators see among the concerns on Today. It is a note of the request itself (no wellbeing content),
// private to its author and coordinators, and it goes with everything else when the person is erased.
import type { Note } from '../../domain/note.ts';
import type { CoorieDb } from '../../db/database.ts';
import { newId, saveRecord } from '../../db/records.ts';

const ERASURE_REQUEST_BODY =
  'Withdrew their consent and asked for everything we hold about them to be erased. A coordinator needs to erase their record from their profile.';

export function isErasureRequest(note: Note): boolean {
  return note.body === ERASURE_REQUEST_BODY && note.deleted !== true;
}

export async function requestErasure(db: CoorieDb, personId: string, userId: string | undefined): Promise<void> {
  await saveRecord(
    db,
    'note',
    newId(),
    { attendeeId: personId, body: ERASURE_REQUEST_BODY, concern: 'talk to coordinator', visibility: 'private' },
    { userId },
  );
}
