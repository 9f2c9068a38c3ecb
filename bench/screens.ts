// The screens benchmark (issue 13): 5,000 people, 2,000 sessions and 20,000 check-ins on one tablet, written
// straight into the app's IndexedDB in the shape the repository writes, and the CPU slowed 4× (CDP) as a
// stand-in for a mid-range tablet. Timed inside the page, each to the next frame after the change is drawn:
//   - open Check-in for today's group at a busy venue (hundreds of regulars) until its count and rows show;
//   - a tap on "Check in …" until the count reads one more;
//   - People: open until the list shows, then each keystroke of a search until the list has changed;
//   - how many rows People keeps in the page;
//   - Today with a year of notes (a few hundred words each, some with follow-ups or concerns, most long done)
//     and visits, and session detail, Reach out and Visits, each opened until its content shows.
// BENCH_ONLY=screens runs only this one (and writes its figures into bench/results.json); BENCH_SCREENS_SCALE=0.1
// seeds a tenth of everything, for a quick look while developing.
import type { Page } from 'playwright-core';

const SCALE = Number(process.env.BENCH_SCREENS_SCALE ?? 1);
const scaled = (count: number) => Math.max(1, Math.round(count * SCALE));
export const SCREEN_COUNTS = {
  people: scaled(5_000),
  sessions: scaled(2_000),
  checkIns: scaled(20_000),
  venues: 10,
  notes: scaled(6_000),
  visits: scaled(1_500),
};
const TARGETS = { tapMs: 150, openCheckInMs: 500, keystrokeMs: 50, peopleRows: 100, todayMs: 300 };
const SESSION = 'bench-today';

/** The records, in one transaction a table, with today's session at venue 0 and 20 people said "coming". */
async function seed(page: Page, userId: string): Promise<void> {
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
      const perSession = counts.checkIns / counts.sessions;
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
        Array.from({ length: 20 }, (_, i) =>
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
      const words = 'she slept better this week and the health visitor came round about feeding '.repeat(25);
      await put(
        'note',
        Array.from({ length: counts.notes }, (_, i) => {
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
          if (i % 20 === 0) {
            values.concern = i % 40 === 0 ? 'urgent' : 'talk to coordinator';
            if (at.getTime() < now - 2 * day) values.concernPickedUpBy = 'Iona';
          }
          return row(`bn${i}`, { ...values }, i);
        }).map((item) => ({ ...item, ...derived(item) })),
      );
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
    { counts: SCREEN_COUNTS, userId, session: SESSION },
  );
}

/** Navigates inside the app (as a link does, no reload) and times until `ready()` holds, at the next frame. */
async function navigateMs(page: Page, path: string, ready: string): Promise<number> {
  return page.evaluate(
    async ({ path, ready }) => {
      const check = new Function(`return (${ready})();`) as () => boolean;
      const start = performance.now();
      history.pushState(null, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
      await new Promise<void>((resolve) => {
        const poll = () => (check() ? resolve() : requestAnimationFrame(poll));
        requestAnimationFrame(poll);
      });
      return performance.now() - start;
    },
    { path, ready },
  );
}

/** Taps the first "Check in …" button and times until the count reads one more, at the next frame. */
async function tapMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const count = () => Number(document.querySelector('.checkin-count')?.textContent?.split(' ')[0] ?? 'NaN');
    const before = count();
    const button = document.querySelector<HTMLButtonElement>('.checkin-tap');
    if (!button) throw new Error('Nobody to check in');
    const start = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const poll = () => (count() === before + 1 ? resolve() : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    });
    return performance.now() - start;
  });
}

/** Types `text` into People's search one key at a time; each key timed until the list has changed and drawn. */
async function keystrokesMs(page: Page, text: string): Promise<number[]> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('#people-search');
    if (!input) throw new Error('No search box');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const times: number[] = [];
    for (let length = 1; length <= text.length; length++) {
      const start = performance.now();
      setValue?.call(input, text.slice(0, length));
      // React renders a typed key before the event returns (a discrete event); the frame after it is drawn.
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - start);
    }
    return times;
  }, text);
}

export interface ScreensBench {
  counts: typeof SCREEN_COUNTS;
  openTodayMs: number;
  openTodayRunsMs: number[];
  openSessionMs: number;
  openOutreachMs: number;
  openVisitsMs: number;
  openCheckInMs: number;
  tapMs: number[];
  openPeopleMs: number;
  keystrokeMs: number[];
  peopleRows: number;
  targets: Record<string, boolean>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Today is shown: its follow-ups (a year of notes has some due) and its concerns drawn. */
const TODAY_READY = `() => !!document.querySelector('#today-follow-ups') && !!document.querySelector('#today-concerns')`;
/** Session detail: the plan with who is expected (not "Loading"). */
const SESSION_READY = `() => !!document.querySelector('#plan-heading')`;
/** Reach out: the people to contact and the search. */
const OUTREACH_READY = `() => !!document.querySelector('#person-search') && !!document.querySelector('#add-heading')`;
/** Visits: the groups drawn, the done ones among them. */
const VISITS_READY = `() => [...document.querySelectorAll('h2')].some((h) => h.textContent?.startsWith('Done and cancelled'))`;

/** Runs on a signed-in page, offline (no sync meanwhile), with the CPU slowed 4×. */
export async function benchScreens(page: Page, userId: string, taps = 5): Promise<ScreensBench> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active) && navigator.serviceWorker.controller !== null;
  });
  await page.context().setOffline(true);
  await seed(page, userId);
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  // Load each screen's code once, so that the figures are the work, not fetching JavaScript.
  await navigateMs(page, `/sessions/${SESSION}/check-in`, `() => !!document.querySelector('.checkin-count')`);
  await navigateMs(page, '/people', `() => !!document.querySelector('#people-search')`);
  await navigateMs(page, `/sessions/${SESSION}`, SESSION_READY);
  await navigateMs(page, `/sessions/${SESSION}/reach-out`, OUTREACH_READY);
  await navigateMs(page, '/visits', VISITS_READY);
  await navigateMs(page, '/', `() => true`);
  await navigateMs(page, '/people', `() => !!document.querySelector('#people-search')`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    // From People (a screen that reads nothing Today does) to Today, as a tap on its tab: three times, the median.
    const todayTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      if (run > 0) await navigateMs(page, '/people', `() => !!document.querySelector('#people-search')`);
      todayTimes.push(await navigateMs(page, '/', TODAY_READY));
    }
    const openToday = median(todayTimes);
    const openSession = await navigateMs(page, `/sessions/${SESSION}`, SESSION_READY);
    const openOutreach = await navigateMs(page, `/sessions/${SESSION}/reach-out`, OUTREACH_READY);
    const openVisits = await navigateMs(page, '/visits', VISITS_READY);
    const openCheckIn = await navigateMs(
      page,
      `/sessions/${SESSION}/check-in`,
      `() => !!document.querySelector('.checkin-count') && !!document.querySelector('.checkin-tap')`,
    );
    const taps_: number[] = [];
    for (let tap = 0; tap < taps; tap++) taps_.push(await tapMs(page));
    const openPeople = await navigateMs(
      page,
      '/people',
      `() => !!document.querySelector('#people-search') && !!document.querySelector('ul[aria-label="People"] li')`,
    );
    const keys = await keystrokesMs(page, 'Parent 4000');
    const peopleRows = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('#people-search');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      if (input) {
        setValue?.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      return document.querySelectorAll('ul[aria-label="People"] li').length;
    });
    return {
      counts: SCREEN_COUNTS,
      openTodayMs: Math.round(openToday),
      openTodayRunsMs: todayTimes.map(Math.round),
      openSessionMs: Math.round(openSession),
      openOutreachMs: Math.round(openOutreach),
      openVisitsMs: Math.round(openVisits),
      openCheckInMs: Math.round(openCheckIn),
      tapMs: taps_.map(Math.round),
      openPeopleMs: Math.round(openPeople),
      keystrokeMs: keys.map(Math.round),
      peopleRows,
      targets: {
        todayWithin300ms: openToday <= TARGETS.todayMs,
        tapWithin150ms: median(taps_) <= TARGETS.tapMs,
        openCheckInWithin500ms: openCheckIn <= TARGETS.openCheckInMs,
        keystrokeWithin50ms: Math.max(...keys) <= TARGETS.keystrokeMs,
        peopleRowsAtMost100: peopleRows <= TARGETS.peopleRows,
      },
    };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

export function printScreens(result: ScreensBench): void {
  const counts = SCREEN_COUNTS;
  console.log(
    `(vii) Screens with ${counts.people} people, ${counts.sessions} sessions, ${counts.checkIns} check-ins, ` +
      `${counts.notes} notes and ${counts.visits} visits over a year, CPU 4× slower:\n` +
      `  open Today ${result.openTodayRunsMs.join(', ')} ms, median ${result.openTodayMs} (≤ ${TARGETS.todayMs}); session detail ${result.openSessionMs} ms; ` +
      `Reach out ${result.openOutreachMs} ms; Visits ${result.openVisitsMs} ms\n` +
      `  open Check-in ${result.openCheckInMs} ms (≤ ${TARGETS.openCheckInMs}); ` +
      `tap to count ${result.tapMs.join(', ')} ms, median ${median(result.tapMs)} (≤ ${TARGETS.tapMs})\n` +
      `  open People ${result.openPeopleMs} ms; per keystroke ${result.keystrokeMs.join(', ')} ms, ` +
      `max ${Math.max(...result.keystrokeMs)} (≤ ${TARGETS.keystrokeMs}); rows in the page ${result.peopleRows} ` +
      `(≤ ${TARGETS.peopleRows})\n  targets: ${JSON.stringify(result.targets)}`,
  );
}
