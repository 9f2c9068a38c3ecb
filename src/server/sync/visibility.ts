// Who may see a record (README, "Who can see and change what"): everything in one's organisation, except notes that are
// not shared, which only their author and coordinators see.
import type { Values } from '../../sync/merge.ts';
import type { Role } from '../store/schema.ts';

export interface Viewer {
  id: string;
  role: Role;
}

export function seesPrivate(viewer: Viewer): boolean {
  return viewer.role === 'coordinator';
}

export function canSee(viewer: Viewer, privateTo: string | null): boolean {
  return privateTo === null || privateTo === viewer.id || seesPrivate(viewer);
}

/** The user a record is private to: a note's author unless the note is shared with the team. */
export function privateToFor(kind: string, values: Values, authorId: string): string | null {
  return kind === 'note' && values.visibility !== 'team' ? authorId : null;
}
