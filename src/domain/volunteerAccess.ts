// Who may hold a volunteer record (README, "Who can see and change what"). Training, PVG, hours and supervision
// dates are about one team member: they and the coordinators see them, and no colleague does. What was said in
// supervision is for the member and their supervisor only, not for every coordinator. The server keeps the
// answer in the record's `privateTo`: a user's id, or PAIR followed by two ids for a supervision note.

/** Kinds private to the team member they are about (`memberId`), and to the coordinators. */
export const MEMBER_KINDS: ReadonlySet<string> = new Set(['training', 'pvg', 'hours', 'supervision']);
/** Kinds only coordinators write (the member reads them): PVG is the organisation's check, not a self-report. */
export const COORDINATOR_WRITTEN_KINDS: ReadonlySet<string> = new Set(['pvg']);

const PAIR = 'pair:';

/** The `privateTo` of a record readable by exactly two people, and nobody else whatever their role. */
export function pairOf(first: string, second: string): string {
  return `${PAIR}${first} ${second}`;
}

/** The readers a pair names, or undefined when `privateTo` is one user's id. */
export function pairReaders(privateTo: string): string[] | undefined {
  return privateTo.startsWith(PAIR) ? privateTo.slice(PAIR.length).split(' ') : undefined;
}

/** The `privateTo` of a volunteer record, or undefined when the kind is not one of them. */
export function volunteerPrivateTo(kind: string, values: Record<string, unknown>): string | undefined {
  const member = typeof values.memberId === 'string' ? values.memberId : '';
  if (kind === 'supervisionNote') {
    return pairOf(member, typeof values.supervisorId === 'string' ? values.supervisorId : '');
  }
  return MEMBER_KINDS.has(kind) ? member : undefined;
}
