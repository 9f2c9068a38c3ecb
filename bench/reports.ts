// The Reports benchmark: a year of a busy organisation's records on one tablet (50,000 check-ins at 2,500
// sessions, 5,000 people, 20,000 notes), written straight into the app's IndexedDB in the shape the repository
// writes; then, in the same browser, the raw time to read those records back (getAll of every table the
// reports use) against the time from tapping "Reports" until the year's figures and first chart are on screen.
// Target: ready within 3 times the raw read.
import type { Page } from 'playwright-core';

export const REPORT_COUNTS = { checkIns: 50_000, people: 5_000, notes: 20_000, sessions: 2_500, venues: 10 };

/** Writes the year's records into the signed-in page's database, in one transaction per table. */
async function seedYear(page: Page, userId: string): Promise<void> {
  await page.evaluate(
    async ({ counts, userId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('coorie');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const now = Date.now();
      const version = (index: number) =>
        `${String(now - 60_000).padStart(13, '0')}-${(index % 65_536).toString(16).padStart(4, '0')}-benchreport1`;
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
      const localities = ['Elgin', 'Lossiemouth', 'Forres', 'Buckie', 'Keith', 'Speyside'];
      const heard = ['health visitor', 'friend', 'social media', 'GP', 'baby group', ''];
      const focus = ['anxiety', 'mood', 'confidence', 'self-esteem', 'loneliness', 'sense of identity'];
      const concerns = ['none', 'none', 'none', 'keep an eye', 'talk to coordinator', 'urgent'];
      const day = 86_400_000;
      const createdAt = new Date(now - 400 * day).toISOString();

      const venues = Array.from({ length: counts.venues }, (_, i) =>
        row(
          `bv${i}`,
          { name: `Venue ${i + 1}`, locality: localities[i % localities.length], createdAt, createdBy: userId },
          i,
        ),
      );
      const sessions = Array.from({ length: counts.sessions }, (_, i) => {
        const startsAt = new Date(now - (1 + Math.floor((i * 360) / counts.sessions)) * day).toISOString();
        return row(
          `bs${i}`,
          {
            title: `Group ${i + 1}`,
            startsAt,
            venueId: `bv${i % counts.venues}`,
            kind: i % 3 === 0 ? 'course' : 'drop-in',
            facilitators: [`Facilitator ${i % 7}`],
            status: 'done',
            createdAt,
            createdBy: userId,
          },
          i,
        );
      });
      const people = Array.from({ length: counts.people }, (_, i) =>
        row(
          `bp${i}`,
          {
            displayName: `Parent ${i + 1}`,
            locality: localities[i % localities.length],
            heardVia: heard[i % heard.length],
            babies: [
              { alias: `Baby ${i + 1}`, dateOfBirth: new Date(now - (i % 300) * day).toISOString().slice(0, 10) },
            ],
            createdAt,
            createdBy: userId,
          },
          i,
        ),
      );
      const perSession = counts.checkIns / counts.sessions;
      const checkIns = Array.from({ length: counts.checkIns }, (_, i) => {
        const session = Math.floor(i / perSession);
        const person = (session * 7 + (i % perSession) * 13) % counts.people;
        return row(
          `bs${session}:bp${person}`,
          {
            sessionId: `bs${session}`,
            attendeeId: `bp${person}`,
            present: true,
            withBaby: i % 2 === 0,
            childcareUsed: i % 9 === 0,
            transportHelp: i % 11 === 0,
            createdAt,
            createdBy: userId,
          },
          i,
        );
      });
      const notes = Array.from({ length: counts.notes }, (_, i) =>
        row(
          `bn${i}`,
          {
            attendeeId: `bp${i % counts.people}`,
            sessionId: `bs${i % counts.sessions}`,
            context: 'group',
            body: 'Settled well today; talked about sleep and feeling more confident getting out.',
            focusAreas: [focus[i % focus.length], focus[(i + 2) % focus.length]],
            concern: concerns[i % concerns.length],
            ...(i % 4 === 0
              ? { ons4: { satisfied: i % 11, worthwhile: (i + 3) % 11, happy: (i + 5) % 11, anxious: (i + 7) % 11 } }
              : {}),
            ...(i % 5 === 0
              ? { followUpDue: new Date(now - (i % 300) * day).toISOString().slice(0, 10), followUpDone: i % 10 === 0 }
              : {}),
            visibility: 'private',
            createdAt: new Date(now - (i % 360) * day).toISOString(),
            createdBy: userId,
          },
          i,
        ),
      );
      await put('venue', venues);
      await put('session', sessions);
      await put('attendee', people);
      await put('checkIn', checkIns);
      await put('note', notes);
      db.close();
    },
    { counts: REPORT_COUNTS, userId },
  );
}

/** One plain getAll read of every table the reports read, in one transaction. */
async function rawReadMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('coorie');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tables = ['session', 'venue', 'attendee', 'checkIn', 'outreach', 'note'];
    const start = performance.now();
    const tx = db.transaction(tables);
    await Promise.all(
      tables.map(
        (name) =>
          new Promise((resolve, reject) => {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    const ms = performance.now() - start;
    db.close();
    return ms;
  });
}

/** From the tap on "Reports" until the year's figures and the first chart are drawn, timed inside the page. */
async function reportReadyMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Sections"] a')].find(
      (a) => a.textContent?.trim() === 'Reports',
    );
    if (!link) throw new Error('No Reports link');
    const start = performance.now();
    link.click();
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('[data-ready="true"] [data-chart] svg .recharts-bar-rectangle')
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });
    return performance.now() - start;
  });
}

async function openToday(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
}

export interface ReportBench {
  rawReadMs: number;
  reportReadyMs: number;
  ratio: number;
}

/** Runs on a signed-in page (offline, so that no sync runs meanwhile). */
export async function benchReports(page: Page, userId: string): Promise<ReportBench> {
  // Offline once the service worker serves the app, as on a tablet in a hall with no signal.
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active) && navigator.serviceWorker.controller !== null;
  });
  await page.context().setOffline(true);
  await seedYear(page, userId);
  // Reload so the app reads the seeded database afresh, then open Reports once so that its code is loaded:
  // the figure is the time to read and count, not to fetch JavaScript.
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  await reportReadyMs(page);
  await openToday(page);
  // Taken in turns, so that a busy machine slows both alike; the medians are compared.
  const raw: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run < 3; run++) {
    raw.push(await rawReadMs(page));
    ready.push(await reportReadyMs(page));
    await openToday(page);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
  const rawRead = median(raw);
  const reportReady = median(ready);
  return { rawReadMs: Math.round(rawRead), reportReadyMs: Math.round(reportReady), ratio: reportReady / rawRead };
}
