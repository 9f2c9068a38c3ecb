// What the Today screen reads: this week's sessions, notes with follow-ups or concerns, visits, and the
// display names of the people they are about. One live query, so the screen changes as soon as sync does; and,
// at unlock, the same read while the PIN is checked, so that the lock opens onto Today complete.
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from 'date-fns';
import { useSyncExternalStore } from 'react';
import type { AlertPeriods } from '../api/push.ts';
import type { Opener } from '../crypto/seal.ts';
import type { Attendee } from '../domain/attendee.ts';
import { londonDate } from '../domain/london.ts';
import type { Session } from '../domain/session.ts';
import { sealPlace } from '../domain/sensitive.ts';
import { isConcernPickedUp, type VersionedNote } from '../domain/today.ts';
import type { Visit } from '../domain/visit.ts';
import type { DueItem } from '../domain/volunteering.ts';
import type { CoorieDb } from './database.ts';
import { useDb } from './hooks.ts';
import { currentOpener, openRows } from './keyring.ts';
import { getMeta, setMeta } from './meta.ts';
import type { NoteConcern } from './noteConcerns.ts';
import { readReferralFollowUps, type ReferralFollowUps } from './referralFollowUps.ts';
import { saveRecord } from './records.ts';
import { writeCount } from './writes.ts';
import { isSealed, sealerFor, sealWhole, type Sealed } from './sealing.ts';
import { readVolunteersDue } from './volunteersDue.ts';

export interface TodayData {
  sessions: Session[];
  /**
   * Notes with a follow-up not done and due up to `upTo`, notes with a concern nobody has picked up, and notes
   * with a concern written in the last PICKED_UP_DAYS (for who picked them up lately).
   */
  notes: VersionedNote[];
  /** Visits today and visits started but not ended, whenever they began. */
  visits: Visit[];
  attendees: Map<string, Attendee>;
}

const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((row) => row.deleted !== true);

const CONCERNS: readonly unknown[] = ['urgent', 'talk to coordinator'];

/** A note's concern, opened if it is sealed; nothing while Coorie is locked or the value will not open. */
async function openedConcern(id: string, value: unknown): Promise<unknown> {
  if (!isSealed(value)) return value;
  const opener = currentOpener();
  if (!opener) return undefined;
  return opener.open(sealPlace('note', id, 'concern'), value).catch(() => undefined);
}

/**
 * Every note's concern: those opened before (or in clear) at once, the rest through Web Crypto. Today reads a year
 * of notes each time it opens or a note changes; a promise for each concern cost more than the reading. `before`:
 * the concerns opened on earlier launches (openedBefore), learnt by the Opener as they are used.
 */
async function openedConcerns(
  notes: { id: string; concern?: unknown }[],
  before?: Map<string, unknown>,
): Promise<unknown[]> {
  const opener = currentOpener();
  const concerns = notes.map(({ id, concern }) => {
    if (!isSealed(concern)) return concern;
    const place = sealPlace('note', id, 'concern');
    const known = opener?.known(place, concern);
    if (known !== undefined || !before) return known;
    const kept = before.get(concern.iv + concern.c);
    if (kept !== undefined) opener?.learn(place, concern, kept);
    return kept;
  });
  const unknown = notes.flatMap((note, index) =>
    concerns[index] === undefined && isSealed(note.concern) ? [{ note, index }] : [],
  );
  if (unknown.length === 0) return concerns;
  // Web Crypto is not Dexie: wrapped in Promise.resolve, the live query still follows the reads after it
  // (Dexie's rule for a querier that calls another async API), so only the people shown are read.
  const opened = await Promise.resolve(Promise.all(unknown.map(({ note }) => openedConcern(note.id, note.concern))));
  unknown.forEach(({ index }, position) => (concerns[index] = opened[position]));
  return concerns;
}

/**
 * The concerns opened on earlier launches are kept as one value in meta (`openedConcerns`), sealed for the device
 * key like the notes, so that a launch opens them with one decryption rather than one a note (a tenth of a second
 * for 600 notes on a slow tablet). Each is found by its sealed bytes (IV and ciphertext, unique to one sealing of
 * one note's concern): a concern changed since is sealed afresh and opened afresh. No note's id is kept: once a
 * note is erased, what is left of it there until the next launch rewrites the value is random bytes and a word.
 */
const OPENED_PLACE = 'meta/openedConcerns';

async function openedBefore(sealed: Sealed | undefined): Promise<Map<string, unknown>> {
  const opener = currentOpener();
  if (!sealed || !opener) return new Map();
  try {
    return new Map((await opener.open(OPENED_PLACE, sealed)) as [string, unknown][]);
  } catch {
    // Sealed for a key since replaced, or altered: every concern is opened afresh, and kept again.
    return new Map();
  }
}

/** Keeps the concerns now held (sealed) for the next launch, when they are not the ones `before` holds. */
async function keepOpened(
  db: CoorieDb,
  entries: { concern?: unknown }[],
  concerns: unknown[],
  before: Map<string, unknown>,
): Promise<void> {
  const kept: [string, unknown][] = [];
  entries.forEach(({ concern }, index) => {
    if (isSealed(concern) && concerns[index] !== undefined) kept.push([concern.iv + concern.c, concerns[index]]);
  });
  if (kept.length === before.size && kept.every(([bytes]) => before.has(bytes))) return;
  const key = await getMeta(db, 'deviceKey');
  if (key) await setMeta(db, 'openedConcerns', await sealWhole(OPENED_PLACE, kept, await sealerFor(key)));
}

// Writes to the notes (writes.ts): a note's concern entry changes only with its note. Today reads every note's entry
// each time it opens (a year's notes at ten times a group's size cost more than everything it shows), so the last
// read is kept while no note has been written since.
const noteWrites = writeCount('note|noteConcerns');
let concernsRead: { db: CoorieDb; at: number; entries: Promise<NoteConcern[]> } | undefined;

function noteConcernEntries(db: CoorieDb): Promise<NoteConcern[]> {
  const at = noteWrites.seen();
  if (concernsRead?.db !== db || concernsRead.at !== at) {
    const entries = db.noteConcerns.toArray();
    concernsRead = { db, at, entries };
    // A read that failed is not kept.
    entries.catch(() => concernsRead?.entries === entries && (concernsRead = undefined));
  }
  return concernsRead.entries;
}

/** How far back Today counts who picked up concerns ("picked up lately"). */
export const PICKED_UP_DAYS = 14;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Reading Today at unlock: the PIN being checked, and what to do once Today has drawn (set by readToday). */
interface Unlocking {
  checked: Promise<unknown>;
  /** Keeps the concerns opened now for the next launch (keepOpened). */
  afterDrawing?: () => Promise<void>;
}

/**
 * Today's data around `now`. Given `unlocking`, the rows are read while the PIN is checked and opened once it has
 * been: the key is then held, or nothing opens and the caller drops what was read.
 */
export async function readToday(db: CoorieDb, now: Date, upTo: string, unlocking?: Unlocking): Promise<TodayData> {
  // A day either side of the week covers any time zone the device might be set to; the domain rules
  // then pick the London dates exactly.
  const from = addDays(now, -8).toISOString();
  const to = addDays(now, 8).toISOString();
  const since = addDays(now, -PICKED_UP_DAYS - 1).toISOString();
  // Through indexes that hold only what Today may show (derived.ts), except concerns: a note's concern is sealed
  // at rest (domain/sensitive.ts), so no index may hold it. Every note's concern is read from the table that
  // holds it alone (noteConcerns.ts) and opened, and only the notes whose concern Today shows are read whole.
  const [sessions, followUps, noteConcerns, visitsNear, visitsOpen, kept] = await Promise.all([
    db.records('session').where('startsAt').between(from, to, true, true).toArray(),
    db.records('note').where('_i.due').belowOrEqual(upTo).toArray(),
    noteConcernEntries(db),
    db.records('visit').where('at').between(from, to, true, true).toArray(),
    db.records('visit').where('_i.open').aboveOrEqual('').toArray(),
    unlocking && getMeta(db, 'openedConcerns'),
  ]);
  const visitRows = new Map<string, (typeof visitsNear)[number]>();
  for (const visit of live([...visitsNear, ...visitsOpen])) visitRows.set(visit.id, visit);
  const due = live(followUps);
  const dueIds = new Set(due.map((note) => note.id));
  // At unlock: the concerns opened on earlier launches, and those opened now kept for the next once Today has
  // drawn (sealing them and writing them would only hold up the drawing).
  if (unlocking) await unlocking.checked;
  const before = unlocking && (await openedBefore(kept));
  const concerns = await openedConcerns(noteConcerns, before);
  if (unlocking && before) unlocking.afterDrawing = () => keepOpened(db, noteConcerns, concerns, before);
  // A raised concern shows while nobody has picked it up, and for PICKED_UP_DAYS after it was written.
  const raisedIds = noteConcerns.flatMap((entry, index) =>
    CONCERNS.includes(concerns[index]) &&
    !dueIds.has(entry.id) &&
    (!isConcernPickedUp(entry) || (typeof entry.createdAt === 'string' && entry.createdAt >= since))
      ? [entry.id]
      : [],
  );
  const raised = (await db.records('note').bulkGet(raisedIds)).filter(
    (note): note is NonNullable<typeof note> => note !== undefined && note.deleted !== true,
  );
  const shown = [...due, ...raised].sort(byId);
  const attendeeIds = new Set<string>();
  for (const row of [...shown, ...visitRows.values()]) {
    if (typeof row.attendeeId === 'string') attendeeIds.add(row.attendeeId);
  }
  const attendeeRows = await db.records('attendee').bulkGet([...attendeeIds]);
  const openedNotes = await Promise.resolve(openRows('note', shown));
  const visits = await Promise.resolve(openRows('visit', [...visitRows.values()]));
  const wanted = attendeeRows.filter(
    (row): row is NonNullable<typeof row> => row !== undefined && row.deleted !== true,
  );
  const attendees = new Map<string, Attendee>();
  for (const row of await Promise.resolve(openRows('attendee', wanted))) attendees.set(row.id, row);
  return {
    sessions: live(sessions),
    notes: openedNotes,
    visits,
    attendees,
  };
}

/**
 * Today's data around `now`. `today` is the London date (YYYY-MM-DD) that follow-ups are due by; the query
 * re-runs when it changes, so the screen rolls over at midnight.
 */
export function useTodayData(now: Date, today: string, ahead?: TodayData): TodayData | undefined {
  const db = useDb();
  // Read again when a note is written: its concern may be one Today shows, and a read served from the last one
  // (noteConcernEntries) does not follow that table.
  const writes = useSyncExternalStore(noteWrites.subscribe, noteWrites.seen);
  // Re-read when the day changes, not every minute: the screen's rules work from `now` on what is read.
  return useLiveQuery(() => readToday(db, now, today), [db, today, writes], ahead);
}

/** Everything Today waits for before it draws, read ahead of it (readTodayAhead). */
export interface TodayAhead {
  /** The London date it was read for. */
  today: string;
  data: TodayData;
  referrals: ReferralFollowUps;
  volunteersDue: DueItem[];
  alertPeriods: AlertPeriods | null;
}

let ahead: { db: CoorieDb; opener: Opener; value: TodayAhead; reading: Unlocking } | undefined;

/**
 * Reads what Today shows while the PIN is checked, and keeps it for Today's first drawing, so that the lock opens
 * onto Today complete rather than onto "Loading" and then Today: one drawing, and the reads start while the key
 * unwraps rather than once the shell has drawn. Kept only if `unlocking` answers true (the PIN was right).
 */
export async function readTodayAhead(db: CoorieDb, unlocking: Promise<boolean>): Promise<void> {
  ahead = undefined;
  const [user, offset, alertPeriods, sync] = await Promise.all([
    getMeta(db, 'user'),
    getMeta(db, 'serverOffset'),
    getMeta(db, 'alertPeriods'),
    getMeta(db, 'sync'),
  ]);
  // A device that has never finished a sync may be in its first download, which Today shows instead of itself.
  if (!user || sync?.lastSuccess === undefined) return;
  // The device's clock corrected by the server's, as Today's own (useNow).
  const now = new Date(Date.now() + (offset ?? 0));
  const today = londonDate(now);
  const reading: Unlocking = { checked: unlocking };
  // The referrals name people, whose names open only with the key: read once the PIN is right, beside the rest.
  const [data, volunteersDue, referrals] = await Promise.all([
    readToday(db, now, today, reading),
    user.role === 'coordinator' ? readVolunteersDue(db, today) : [],
    unlocking.then((right) => (right ? readReferralFollowUps(db, today, user) : undefined)),
  ]);
  const opener = currentOpener();
  if (!referrals || !opener) return;
  ahead = { db, opener, reading, value: { today, data, referrals, volunteersDue, alertPeriods: alertPeriods ?? null } };
}

/**
 * What was read ahead for `db` on `today`: only while the key it was opened with is still held (locking forgets
 * it) and until Today has drawn it (todayAheadDrawn), so that a later visit to Today never starts from old data.
 */
export function todayAhead(db: CoorieDb, today: string): TodayAhead | undefined {
  if (ahead && (ahead.db !== db || ahead.opener !== currentOpener())) ahead = undefined;
  return ahead?.value.today === today ? ahead.value : undefined;
}

/**
 * Today has drawn what was read ahead: it is forgotten, and the concerns opened for it are kept for the next
 * launch (while the key they were opened with is still held).
 */
export function todayAheadDrawn(): void {
  const drawn = ahead;
  ahead = undefined;
  if (!drawn || drawn.opener !== currentOpener()) return;
  drawn.reading.afterDrawing?.().catch((error: unknown) => console.error('Keeping the opened concerns failed', error));
}

/** A coordinator takes on a concern: it leaves everyone's "nobody has picked this up" list. */
export async function pickUpConcern(db: CoorieDb, noteId: string, user: { id: string; name: string }): Promise<void> {
  await saveRecord(db, 'note', noteId, { concernPickedUpBy: user.name }, { userId: user.id });
}

export async function markFollowUpDone(db: CoorieDb, noteId: string, userId: string): Promise<void> {
  await saveRecord(db, 'note', noteId, { followUpDone: true }, { userId });
}
