// The screens benchmark's data, written straight into the app's IndexedDB in the shape the repository writes: a
// year of a group's work (people, sessions at a few venues, their check-ins, notes a few hundred words long, some
// with follow-ups or concerns, and home visits), with today's group at venue 0. The cold-start bench seeds a
// tenth of it.
import type { Page } from 'playwright-core';

/** The screens bench's full size: ten times a group's, with as many records of each kind as a year brings. */
const FULL = { people: 5_000, sessions: 2_000, checkIns: 20_000, venues: 10, notes: 6_000, visits: 1_500, coming: 20 };
const FULL_RECORDS = FULL.people + FULL.sessions + FULL.checkIns + FULL.notes + FULL.visits;

export type ScreenCounts = typeof FULL;

/** The full size times `scale`, in the same proportions, at least one of each (and no more venues than sessions). */
export function screenCounts(scale: number): ScreenCounts {
  const scaled = (count: number) => Math.max(1, Math.round(count * scale));
  const sessions = scaled(FULL.sessions);
  return {
    people: scaled(FULL.people),
    sessions,
    checkIns: scaled(FULL.checkIns),
    venues: Math.min(FULL.venues, sessions),
    notes: scaled(FULL.notes),
    visits: scaled(FULL.visits),
    coming: scaled(FULL.coming),
  };
}

/** About `records` people, sessions, check-ins, notes and visits in all, in the full size's proportions. */
export const screenCountsOf = (records: number) => screenCounts(records / FULL_RECORDS);

/** Today's group, at venue 0. */
export const SCREEN_SESSION = 'bench-today';

/** The records, in one transaction a table, with today's session at venue 0 and `counts.coming` said "coming". */
export async function seedScreens(page: Page, userId: string, counts: ScreenCounts): Promise<void> {
  await page.evaluate(
    async ({ counts, userId, session }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('coorie');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const now = Date.now();
      const version = (index: number) =>
        `${String(now - 60_000).padStart(13, '0')}-${(index % 65_536).toString(16).padStart(4, '0')}-benchscreen1`;
      const row = (id: string, values: Record<string, unknown>, index: number) => {
        const v: Record<string, string> = {};
        for (const field of Object.keys(values)) v[field] = version(index);
        return { id, ...values, _v: v };
      };
      const put = (table: string, rows: unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(table, 'readwrite');
          const store = tx.objectStore(table);
          for (const item of rows) store.put(item);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const day = 86_400_000;
      const createdAt = new Date(now - 400 * day).toISOString();
      const localities = ['Elgin', 'Lossiemouth', 'Forres', 'Buckie', 'Keith', 'Speyside'];
      await put(
        'venue',
        Array.from({ length: counts.venues }, (_, i) =>
          row(`bv${i}`, { name: `Venue ${i + 1}`, locality: localities[i % localities.length], createdAt }, i),
        ),
      );
      const sessions = Array.from({ length: counts.sessions }, (_, i) =>
        row(
          `bs${i}`,
          {
            title: `Group ${i + 1}`,
            startsAt: new Date(now - (1 + Math.floor((i * 360) / counts.sessions)) * day).toISOString(),
            venueId: `bv${i % counts.venues}`,
            kind: 'drop-in',
            createdAt,
            createdBy: userId,
          },
          i,
        ),
      );
      sessions.push(
        row(
          session,
          {
            title: 'Today’s group',
            startsAt: new Date(now + 3_600_000).toISOString(),
            venueId: 'bv0',
            kind: 'drop-in',
          },
          0,
        ),
      );
      await put('session', sessions);
      await put(
        'attendee',
        Array.from({ length: counts.people }, (_, i) =>
          row(
            `bp${i}`,
            {
              displayName: `Parent ${i + 1}`,
              locality: localities[i % localities.length],
              babies: [
                { alias: `Baby ${i + 1}`, dateOfBirth: new Date(now - (i % 300) * day).toISOString().slice(0, 10) },
              ],
              createdAt,
              createdBy: userId,
            },
            i,
          ),
        ),
      );
      // Whole, so that each check-in's person (and with it its id) is a whole number whatever the counts.
      const perSession = Math.ceil(counts.checkIns / counts.sessions);
      await put(
        'checkIn',
        Array.from({ length: counts.checkIns }, (_, i) => {
          const at = Math.floor(i / perSession);
          const person = (at * 7 + (i % perSession) * 13) % counts.people;
          return row(
            `bs${at}:bp${person}`,
            { sessionId: `bs${at}`, attendeeId: `bp${person}`, present: true, withBaby: i % 2 === 0, createdAt },
            i,
          );
        }),
      );
      await put(
        'outreach',
        Array.from({ length: counts.coming }, (_, i) =>
          row(
            `bo${i}`,
            { sessionId: session, attendeeId: `bp${(i * 101) % counts.people}`, outcome: 'coming', createdAt },
            i,
          ),
        ),
      );
      // A year of notes and visits, with the keys the device derives for its own indexes (src/db/derived.ts).
      const derived = (values: Record<string, unknown>) => {
        const keys: Record<string, string> = {};
        if (typeof values.followUpDue === 'string' && values.followUpDone !== true) keys.due = values.followUpDue;
        if (values.concern === 'urgent' || values.concern === 'talk to coordinator') {
          keys.concern = String(values.createdAt ?? '');
          if (!values.concernPickedUpBy) keys.openConcern = keys.concern;
        }
        if (typeof values.arrivedAt === 'string' && !values.leftAt) keys.open = values.arrivedAt;
        if (
          typeof values.at === 'string' &&
          !values.leftAt &&
          values.status !== 'done' &&
          values.status !== 'cancelled'
        )
          keys.unfinished = values.at;
        return Object.keys(keys).length > 0 ? { _i: keys } : {};
      };
      // Every note has a concern, as the note form gives one ("none" unless chosen); one in twenty is raised.
      const concernOf = (i: number) => (i % 20 !== 0 ? 'none' : i % 40 === 0 ? 'urgent' : 'talk to coordinator');
      const words = 'she slept better this week and the health visitor came round about feeding '.repeat(25);
      const notes = Array.from({ length: counts.notes }, (_, i) => {
        const at = new Date(now - Math.floor((i * 365) / counts.notes) * day - 3_600_000);
        const values: Record<string, unknown> = {
          attendeeId: `bp${(i * 17) % counts.people}`,
          sessionId: `bs${i % counts.sessions}`,
          body: words,
          createdAt: at.toISOString(),
          createdBy: userId,
        };
        if (i % 3 === 0) {
          values.followUp = 'Ring about the buggy walk';
          values.followUpDue = new Date(at.getTime() + 7 * day).toISOString().slice(0, 10);
          // Done, but for the last fortnight's.
          if (at.getTime() < now - 14 * day) values.followUpDone = true;
        }
        values.concern = concernOf(i);
        if (i % 20 === 0 && at.getTime() < now - 2 * day) values.concernPickedUpBy = 'Iona';
        return row(`bn${i}`, { ...values }, i);
      }).map((item) => ({ ...item, ...derived(item) }));
      await put('note', notes);
      // Each note's entry in the table the database keeps beside the notes (src/db/noteConcerns.ts), as the
      // database itself writes it for any note the app writes; a build before that table has none.
      if (db.objectStoreNames.contains('noteConcerns')) {
        await put(
          'noteConcerns',
          (
            notes as {
              id: string;
              concern?: unknown;
              concernPickedUpBy?: unknown;
              createdAt?: unknown;
              _v: Record<string, string>;
            }[]
          ).map(({ id, concern, concernPickedUpBy, createdAt, _v }) => ({
            id,
            concern,
            concernPickedUpBy,
            createdAt,
            _v: { concern: _v.concern, concernPickedUpBy: _v.concernPickedUpBy },
          })),
        );
      }
      await put(
        'visit',
        Array.from({ length: counts.visits }, (_, i) => {
          const at = new Date(now - Math.floor((i * 365) / counts.visits) * day + 2 * 3_600_000);
          const past = at.getTime() < now - day;
          const values: Record<string, unknown> = {
            attendeeId: `bp${(i * 29) % counts.people}`,
            supporterId: userId,
            at: at.toISOString(),
            expectedMinutes: 60,
            status: past ? 'done' : 'scheduled',
            createdAt,
            createdBy: userId,
          };
          if (past) {
            values.arrivedAt = at.toISOString();
            values.leftAt = new Date(at.getTime() + 3_600_000).toISOString();
          }
          return row(`bvis${i}`, values, i);
        }).map((item) => ({ ...item, ...derived(item) })),
      );
      db.close();
    },
    { counts, userId, session: SCREEN_SESSION },
  );
}
