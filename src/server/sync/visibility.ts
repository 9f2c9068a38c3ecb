// Who may see a record (README, "Who can see and change what"): everything in one's organisation, except notes that are
// not shared, which only their author and coordinators see, volunteer records, which only the member and coordinators
// see, and what was said in supervision, which only the member and their supervisor see (domain/volunteerAccess.ts).
import {
  COORDINATOR_WRITTEN_KINDS,
  MEMBER_KINDS,
  pairReaders,
  volunteerPrivateTo,
} from '../../domain/volunteerAccess.ts';
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
  if (privateTo === null) return true;
  const pair = pairReaders(privateTo);
  if (pair) return pair.includes(viewer.id);
  return privateTo === viewer.id || seesPrivate(viewer);
}

/**
 * The user a record is private to: a note's author unless the note is shared with the team; the member a volunteer
 * record is about; the member and supervisor of a supervision note.
 */
export function privateToFor(kind: string, values: Values, authorId: string): string | null {
  if (kind === 'note') return values.visibility !== 'team' ? authorId : null;
  return volunteerPrivateTo(kind, values) ?? null;
}

/** Why the writer may not leave a record private to `privateTo`, or undefined when they may. */
export function writeRefusal(writer: Viewer, kind: string, privateTo: string | null): string | undefined {
  if (COORDINATOR_WRITTEN_KINDS.has(kind) && !seesPrivate(writer)) {
    return 'Only a coordinator records PVG membership.';
  }
  if (MEMBER_KINDS.has(kind) && !canSee(writer, privateTo)) {
    return "Only the team member and the coordinators keep a volunteer's records.";
  }
  if (kind === 'supervisionNote' && !canSee(writer, privateTo)) {
    return 'What was said in supervision is kept by the member and their supervisor only.';
  }
  return undefined;
}
