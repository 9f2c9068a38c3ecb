// Who may read a wellbeing note on this device: the same rule the server applies when it sends notes.
import type { Note } from './note.ts';
import type { Role } from './roles.ts';

export interface NoteReader {
  id: string;
  role: Role;
}

/** Its author and coordinators always; the rest of the team only when the note was shared with them. */
export function canSeeNote(note: Pick<Note, 'createdBy' | 'visibility' | 'deleted'>, reader: NoteReader): boolean {
  if (note.deleted === true) return false;
  return reader.role === 'coordinator' || note.visibility === 'team' || note.createdBy === reader.id;
}
