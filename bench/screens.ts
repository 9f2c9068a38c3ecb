// The screens benchmark (issue 13): 5,000 people, 2,000 sessions and 20,000 check-ins on one tablet, written
// straight into the app's IndexedDB in the shape the repository writes, and the CPU slowed 4× (CDP) as a
// stand-in for a mid-range tablet. Timed inside the page, each to the next frame after the change is drawn:
//   - open Check-in for today's group at a busy venue (hundreds of regulars) until its count and rows show;
//   - a tap on "Check in …" until the count reads one more;
//   - People: open until the list shows, then each keystroke of a search until the list has changed;
//   - how many rows People keeps in the page.
// BENCH_ONLY=screens runs only this one.
import type { Page } from 'playwright-core';

export const SCREEN_COUNTS = { people: 5_000, sessions: 2_000, checkIns: 20_000, venues: 10 };
const TARGETS = { tapMs: 150, openCheckInMs: 500, keystrokeMs: 50, peopleRows: 100 };
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
          row(`bo${i}`, { sessionId: session, attendeeId: `bp${i * 101}`, outcome: 'coming', createdAt }, i),
        ),
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
  openCheckInMs: number;
  tapMs: number[];
  openPeopleMs: number;
  keystrokeMs: number[];
  peopleRows: number;
  targets: Record<string, boolean>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

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
  await navigateMs(page, '/', `() => true`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
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
      openCheckInMs: Math.round(openCheckIn),
      tapMs: taps_.map(Math.round),
      openPeopleMs: Math.round(openPeople),
      keystrokeMs: keys.map(Math.round),
      peopleRows,
      targets: {
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
    `(vii) Screens with ${counts.people} people, ${counts.sessions} sessions, ${counts.checkIns} check-ins, CPU 4× slower:\n` +
      `  open Check-in ${result.openCheckInMs} ms (≤ ${TARGETS.openCheckInMs}); ` +
      `tap to count ${result.tapMs.join(', ')} ms, median ${median(result.tapMs)} (≤ ${TARGETS.tapMs})\n` +
      `  open People ${result.openPeopleMs} ms; per keystroke ${result.keystrokeMs.join(', ')} ms, ` +
      `max ${Math.max(...result.keystrokeMs)} (≤ ${TARGETS.keystrokeMs}); rows in the page ${result.peopleRows} ` +
      `(≤ ${TARGETS.peopleRows})\n  targets: ${JSON.stringify(result.targets)}`,
  );
}
