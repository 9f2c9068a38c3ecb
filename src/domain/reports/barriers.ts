// Barriers and support: childcare and transport, texts and calls before a group and what came of them, and
// whether follow-ups were done by the day they were due.
import { londonDate } from '../london.ts';
import type { Outreach } from '../outreach.ts';
import { OUTREACH_OUTCOMES } from '../outreach.ts';
import { hasSessionFilter, type Attendance, type ReportData, type Scope } from './scope.ts';
import { visitsPerPerson } from './attendance.ts';
import { columnSums, keepBack, type ReportTable } from './table.ts';

export function support(scope: Scope): ReportTable {
  const row = (label: string, used: (attendance: Attendance) => boolean) => {
    const attendances = scope.attendances.filter(used);
    return { label, attendances: attendances.length, parents: visitsPerPerson(attendances).size };
  };
  return {
    id: 'support',
    title: 'Childcare, transport and babies',
    columns: [
      { key: 'label', label: 'Support', kind: 'label' },
      { key: 'attendances', label: 'Attendances', kind: 'events' },
      { key: 'parents', label: 'Parents', kind: 'people' },
    ],
    rows: [
      row('Used the childcare', ({ checkIn }) => checkIn.childcareUsed === true),
      row('Had help with transport', ({ checkIn }) => checkIn.transportHelp === true),
      row('Came with their baby', ({ checkIn }) => checkIn.withBaby === true),
    ],
  };
}

const pairKey = (sessionId: string, personId: string) => `${sessionId}\u0000${personId}`;

/** The last text or call to each person before each session in scope: what they said is their latest answer. */
function lastContacts(data: ReportData, scope: Scope): Map<string, Outreach> {
  const wanted = new Set(scope.sessions.map((session) => session.id));
  const last = new Map<string, Outreach>();
  for (const contact of data.outreach) {
    if (contact.deleted === true || !contact.sessionId || !contact.attendeeId || !wanted.has(contact.sessionId)) {
      continue;
    }
    const key = pairKey(contact.sessionId, scope.personOf(contact.attendeeId));
    const when = contact.at ?? contact.createdAt ?? '';
    const before = last.get(key);
    if (!before || (before.at ?? before.createdAt ?? '') <= when) last.set(key, contact);
  }
  return last;
}

const OUTCOME_LABELS: Record<string, string> = {
  coming: 'Said they were coming',
  'not coming': 'Said they were not coming',
  'no answer': 'No answer',
};

/** Texts and calls before a group, by their answer, and how many of those people then came. */
export function outreachOutcomes(data: ReportData, scope: Scope): ReportTable {
  const came = new Set(scope.attendances.map(({ session, personId }) => pairKey(session.id, personId)));
  const contacts = lastContacts(data, scope);
  const tally = (label: string, keep: (contact: Outreach) => boolean) => {
    let contacted = 0;
    let attended = 0;
    for (const [key, contact] of contacts) {
      if (!keep(contact)) continue;
      contacted++;
      if (came.has(key)) attended++;
    }
    return { label, contacted, came: attended, share: { part: attended, whole: contacted } };
  };
  const table: ReportTable = {
    id: 'outreach',
    title: 'Texts and calls before a group',
    columns: [
      { key: 'label', label: 'Answer', kind: 'label' },
      { key: 'contacted', label: 'Contacted', kind: 'people' },
      { key: 'came', label: 'Came', kind: 'people' },
      { key: 'share', label: 'Share who came', kind: 'share' },
    ],
    rows: [
      ...OUTREACH_OUTCOMES.map((outcome) => tally(OUTCOME_LABELS[outcome] ?? outcome, (c) => c.outcome === outcome)),
      tally('By text', (contact) => contact.method === 'text'),
      tally('By phone call', (contact) => contact.method === 'call'),
      tally('Everyone contacted', () => true),
    ],
  };
  // The three answers add up to everyone contacted, and so do texts and calls.
  return keepBack(table, [
    ...columnSums(table, ['contacted', 'came'], [0, 1, 2]),
    ...columnSums(table, ['contacted', 'came'], [3, 4]),
  ]);
}

/** Attendances that followed a text or call, against those that did not. */
export function cameAfterContact(data: ReportData, scope: Scope): ReportTable {
  const contacts = lastContacts(data, scope);
  const after = scope.attendances.filter(({ session, personId }) => contacts.has(pairKey(session.id, personId)));
  const without = scope.attendances.filter(({ session, personId }) => !contacts.has(pairKey(session.id, personId)));
  const row = (label: string, attendances: Attendance[]) => ({
    label,
    attendances: attendances.length,
    parents: visitsPerPerson(attendances).size,
  });
  const table: ReportTable = {
    id: 'came-after-contact',
    title: 'Coming after a text or call',
    columns: [
      { key: 'label', label: 'Attendances', kind: 'label' },
      { key: 'attendances', label: 'Attendances', kind: 'events' },
      { key: 'parents', label: 'Parents', kind: 'people' },
    ],
    rows: [row('After a text or call', after), row('Without one', without)],
  };
  // The two add up to every attendance (a parent may be in both rows, so parents do not).
  return keepBack(table, columnSums(table, ['attendances']));
}

/**
 * Follow-ups due in the range: done by the day they were due (London), done later, overdue, or not yet due on
 * `today`. A follow-up marked done with no record of when counts as done on time.
 */
export function followUps(scope: Scope, data: ReportData, today: string): ReportTable {
  const counts = { onTime: 0, late: 0, overdue: 0, notDue: 0 };
  const { from, to } = scope.filters;
  const notes = data.notes.filter(
    (note) =>
      note.deleted !== true &&
      !!note.followUpDue &&
      note.followUpDue >= from &&
      note.followUpDue <= to &&
      (!hasSessionFilter(scope.filters) || (note.sessionId !== undefined && scope.matching.has(note.sessionId))),
  );
  for (const note of notes) {
    const due = note.followUpDue ?? '';
    if (note.followUpDone === true) {
      if (!note.followUpDoneAt || londonDate(note.followUpDoneAt) <= due) counts.onTime++;
      else counts.late++;
    } else if (due < today) counts.overdue++;
    else counts.notDue++;
  }
  const total = notes.length;
  const row = (label: string, count: number) => ({ label, followUps: count, share: { part: count, whole: total } });
  return {
    id: 'follow-ups',
    title: 'Follow-ups due',
    columns: [
      { key: 'label', label: 'Follow-ups', kind: 'label' },
      { key: 'followUps', label: 'Follow-ups', kind: 'count' },
      { key: 'share', label: 'Share', kind: 'rate' },
    ],
    rows: [
      row('Done on time', counts.onTime),
      row('Done late', counts.late),
      row('Overdue, not done yet', counts.overdue),
      row('Not due yet', counts.notDue),
    ],
  };
}

/**
 * Barriers planned, met and not met, from the bookings for the sessions in scope: crèche places booked (met when
 * within the places offered) and lifts and taxis needed (met when arranged), with how many were used at check-in
 * (the crèche used; transport help given). A booking for someone erased or merged counts for the person it
 * now belongs to; a cancelled session's bookings do not count.
 */
export function barriersPlanned(data: ReportData, scope: Scope): ReportTable {
  const ran = new Map(scope.sessions.map((session) => [session.id, session]));
  const attended = new Map(scope.attendances.map((entry) => [pairKey(entry.session.id, entry.personId), entry]));
  const creche = { needed: 0, met: 0, notMet: 0, used: 0 };
  const lift = { needed: 0, met: 0, notMet: 0, used: 0 };
  const taxi = { needed: 0, met: 0, notMet: 0, used: 0 };
  const crecheBySession = new Map<string, number>();
  for (const booking of data.bookings ?? []) {
    const session = ran.get(booking.sessionId ?? '');
    if (booking.deleted === true || !session || !booking.attendeeId) continue;
    const came = attended.get(pairKey(session.id, scope.personOf(booking.attendeeId)));
    if (booking.crecheBooked === true) {
      const booked = (crecheBySession.get(session.id) ?? 0) + 1;
      crecheBySession.set(session.id, booked);
      creche.needed++;
      if (booked <= (session.crechePlaces ?? 0)) creche.met++;
      else creche.notMet++;
      if (came?.checkIn.childcareUsed === true) creche.used++;
    }
    const travel = booking.travel === 'lift' ? lift : booking.travel === 'taxi' ? taxi : undefined;
    if (travel) {
      travel.needed++;
      if (booking.travelArranged === true) travel.met++;
      else travel.notMet++;
      if (came?.checkIn.transportHelp === true) travel.used++;
    }
  }
  const table: ReportTable = {
    id: 'barriers-planned',
    title: 'Crèche and transport: planned, met and not met',
    columns: [
      { key: 'label', label: 'Barrier', kind: 'label' },
      { key: 'needed', label: 'Needed', kind: 'events' },
      { key: 'met', label: 'Met', kind: 'events' },
      { key: 'notMet', label: 'Not met', kind: 'events' },
      { key: 'used', label: 'Used at check-in', kind: 'events' },
    ],
    rows: [
      { label: 'A crèche place (met: within the places offered)', ...creche },
      { label: 'A lift (met: arranged)', ...lift },
      { label: 'A taxi (met: arranged)', ...taxi },
    ],
  };
  // Met and not met add up to the needed shown beside them.
  return keepBack(
    table,
    table.rows.map((_, row) => [
      [row, 'met'],
      [row, 'notMet'],
    ]),
  );
}
