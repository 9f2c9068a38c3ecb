// The screens benchmark (issue 13): 5,000 people, 2,000 sessions and 20,000 check-ins on one tablet, written
// straight into the app's IndexedDB (bench/screensSeed.ts), and the CPU slowed 4× (CDP) as a stand-in for a
// mid-range tablet. Timed inside the page, each to the next frame after the change is drawn:
//   - open Check-in for today's group at a busy venue (hundreds of regulars) until its count and rows show;
//   - a tap on "Check in …" until the count reads one more;
//   - People: open until the list shows, then each keystroke of a search until the list has changed (the search
//     typed three times, each key's median kept);
//   - how many rows People keeps in the page;
//   - Today with a year of notes (a few hundred words each, some with follow-ups or concerns, most long done)
//     and visits, and session detail, Reach out and Visits, each opened until its content shows.
// Each screen is opened nine times, each from the screen before it, and the median kept.
// The same again on another tablet holding about 100 records in the same proportions: each screen at the full
// size should take at most twice its time there (`…Within2xOf100`), so that no screen grows with the data.
// BENCH_ONLY=screens runs only this one (and writes its figures into bench/results.json); BENCH_SCREENS_SCALE=0.1
// seeds a tenth of everything, for a quick look while developing.
import type { CDPSession, Page } from 'playwright-core';
import { startProfile } from './browser.ts';
import {
  SCREEN_SESSION as SESSION,
  screenCounts,
  screenCountsOf,
  seedScreens,
  type ScreenCounts,
} from './screensSeed.ts';

export const SCREEN_COUNTS = screenCounts(Number(process.env.BENCH_SCREENS_SCALE ?? 1));
/** The small tablet's: about 100 people, sessions, check-ins, notes and visits in all. */
export const SMALL_SCREEN_COUNTS = screenCountsOf(100);
const TARGETS = { tapMs: 150, openCheckInMs: 500, keystrokeMs: 50, peopleRows: 100, todayMs: 300, overSmall: 2 };

/** BENCH_PROFILE=<name>: each timed navigation's CPU profile, in <name>-<n>-<screen>.cpuprofile. */
let profiler: CDPSession | undefined;
let profiled = 0;

async function profiledAs<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!profiler) return work();
  const profiling = await startProfile(profiler);
  const result = await work();
  await profiling.stop(`${process.env.BENCH_PROFILE}-${++profiled}-${name}.cpuprofile`);
  return result;
}

/** Navigates inside the app (as a link does, no reload) and times until `ready()` holds, at the next frame. */
async function navigateMs(page: Page, path: string, ready: string): Promise<number> {
  const screen = path.split('/').filter(Boolean).pop() ?? 'today';
  return profiledAs(screen, () => navigateOnce(page, path, ready));
}

async function navigateOnce(page: Page, path: string, ready: string): Promise<number> {
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

/** A screen's address, and the check (a function's source, run in the page) that it is drawn. */
interface Opening {
  path: string;
  ready: string;
}

/**
 * How many times each screen is opened. One opening of People took from 17 to 93 ms on the 100-record tablet in a
 * single run (a frame, a collection or the favicon's fetch falls inside it or not): the median of three did not
 * hold still on a busy machine, that of five moved People's ratio to the small tablet across 2× from run to run.
 */
const OPENINGS = 9;

/**
 * The ms to open `screen` OPENINGS times, each from `from` (opened and drawn first, not timed); the first opening
 * goes from wherever the page is when that is already `from`.
 */
async function openedRepeatedly(page: Page, screen: Opening, from: Opening): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < OPENINGS; run++) {
    if (run > 0 || new URL(page.url()).pathname !== from.path) await navigateOnce(page, from.path, from.ready);
    times.push(await navigateMs(page, screen.path, screen.ready));
  }
  return times;
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

/**
 * How many times the search is typed. Each key's time is the median of its typings: one typing's slowest key was a
 * pause of the page's own (a collection) as often as the key's work, at 56–84 ms among keys of 10–30.
 */
const TYPINGS = 3;

/**
 * Types `text` into People's search one key at a time, TYPINGS times, the search emptied between; each key timed
 * until the list has changed and drawn. Answers each typing's times, key by key.
 */
async function typingsMs(page: Page, text: string): Promise<number[][]> {
  const typings: number[][] = [];
  for (let typing = 0; typing < TYPINGS; typing++) typings.push(await keystrokesMs(page, text));
  return typings;
}

/** Types `text` into an emptied search one key at a time; each key timed until the list has changed and drawn. */
async function keystrokesMs(page: Page, text: string): Promise<number[]> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('#people-search');
    if (!input) throw new Error('No search box');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    if (input.value !== '') {
      setValue?.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (document.querySelector('.people-notes [role="status"].visually-hidden')?.textContent) await frame();
      await frame();
    }
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

/** One tablet's figures, in ms (each screen's opening the median of OPENINGS). */
export interface ScreenTimes {
  counts: ScreenCounts;
  openTodayMs: number;
  openTodayRunsMs: number[];
  openSessionMs: number;
  openOutreachMs: number;
  openVisitsMs: number;
  openCheckInMs: number;
  tapMs: number[];
  openPeopleMs: number;
  openPeopleRunsMs: number[];
  /** Each key's median over the typings, and each typing's times. */
  keystrokeMs: number[];
  keystrokeTypingsMs: number[][];
  peopleRows: number;
}

/** The full size's figures, the small tablet's, and each screen's time at the full size over its time there. */
export interface ScreensBench extends ScreenTimes {
  small: ScreenTimes;
  overSmall: Record<Screen, number>;
  targets: Record<string, boolean>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Today is shown with its content, not "Loading": its sections (follow-ups and concerns, when a year of notes
 * has some due) are drawn in the same render. The cold-start bench waits for the same.
 */
export const TODAY_READY = `() => !!document.querySelector('.screen.today h1')`;
/** Session detail: the plan with who is expected (not "Loading"). */
const SESSION_READY = `() => !!document.querySelector('#plan-heading')`;
/** Reach out: the people to contact and the search. */
const OUTREACH_READY = `() => !!document.querySelector('#person-search') && !!document.querySelector('#add-heading')`;
/** Visits: the groups drawn, the done ones among them. */
const VISITS_READY = `() => [...document.querySelectorAll('h2')].some((h) => h.textContent?.startsWith('Done and cancelled'))`;

/** Seeds `counts` and times each screen on a signed-in page, offline (no sync meanwhile), with the CPU slowed 4×. */
export async function benchScreens(page: Page, userId: string, counts: ScreenCounts, taps = 5): Promise<ScreenTimes> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active) && navigator.serviceWorker.controller !== null;
  });
  await page.context().setOffline(true);
  await seedScreens(page, userId, counts);
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
  if (process.env.BENCH_PROFILE) profiler = cdp;
  try {
    // Each screen opened nine times from the one before it, as a tap on its link, and the median taken: a single
    // opening is at the mercy of whatever else a busy machine did at that moment. Today first, from People (a
    // screen that reads nothing Today does).
    const people: Opening = {
      path: '/people',
      ready: `() => !!document.querySelector('#people-search') && !!document.querySelector('ul[aria-label="People"] li')`,
    };
    const today: Opening = { path: '/', ready: TODAY_READY };
    const session: Opening = { path: `/sessions/${SESSION}`, ready: SESSION_READY };
    const outreach: Opening = { path: `/sessions/${SESSION}/reach-out`, ready: OUTREACH_READY };
    const visits: Opening = { path: '/visits', ready: VISITS_READY };
    const checkIn: Opening = {
      path: `/sessions/${SESSION}/check-in`,
      ready: `() => !!document.querySelector('.checkin-count') && !!document.querySelector('.checkin-tap')`,
    };
    const todayTimes = await openedRepeatedly(page, today, people);
    const openToday = median(todayTimes);
    const openSession = median(await openedRepeatedly(page, session, today));
    const openOutreach = median(await openedRepeatedly(page, outreach, session));
    const openVisits = median(await openedRepeatedly(page, visits, outreach));
    const openCheckIn = median(await openedRepeatedly(page, checkIn, visits));
    const taps_: number[] = [];
    for (let tap = 0; tap < taps; tap++) taps_.push(await tapMs(page));
    const peopleTimes = await openedRepeatedly(page, people, checkIn);
    const openPeople = median(peopleTimes);
    const typings = await profiledAs('keystrokes', () => typingsMs(page, 'Parent 4000'));
    const keys = (typings[0] ?? []).map((_, key) => median(typings.map((typing) => typing[key] ?? 0)));
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
      counts,
      openTodayMs: Math.round(openToday),
      openTodayRunsMs: todayTimes.map(Math.round),
      openSessionMs: Math.round(openSession),
      openOutreachMs: Math.round(openOutreach),
      openVisitsMs: Math.round(openVisits),
      openCheckInMs: Math.round(openCheckIn),
      tapMs: taps_.map(Math.round),
      openPeopleMs: Math.round(openPeople),
      openPeopleRunsMs: peopleTimes.map(Math.round),
      keystrokeMs: keys.map(Math.round),
      keystrokeTypingsMs: typings.map((typing) => typing.map(Math.round)),
      peopleRows,
    };
  } finally {
    profiler = undefined;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

type Screen = 'today' | 'session' | 'outreach' | 'visits' | 'checkIn' | 'tap' | 'people' | 'keystroke';

/** Each screen's figure: taps and keystrokes by their median, the usual cost (the slowest key is held to 50 ms). */
function screenFigures(times: ScreenTimes): Record<Screen, number> {
  return {
    today: times.openTodayMs,
    session: times.openSessionMs,
    outreach: times.openOutreachMs,
    visits: times.openVisitsMs,
    checkIn: times.openCheckInMs,
    tap: median(times.tapMs),
    people: times.openPeopleMs,
    keystroke: median(times.keystrokeMs),
  };
}

/** The full size's figures with their targets, beside the small tablet's: `<screen>Within2xOf100` for each screen. */
export function compareScreens(full: ScreenTimes, small: ScreenTimes): ScreensBench {
  const large = screenFigures(full);
  const little = screenFigures(small);
  // A screen drawn within a millisecond at 100 records is counted as one, not divided by nothing.
  const overSmall = Object.fromEntries(
    Object.entries(large).map(([screen, ms]) => [screen, ms / Math.max(1, little[screen as Screen])]),
  ) as Record<Screen, number>;
  return {
    ...full,
    small,
    overSmall,
    targets: {
      todayWithin300ms: full.openTodayMs <= TARGETS.todayMs,
      tapWithin150ms: large.tap <= TARGETS.tapMs,
      openCheckInWithin500ms: full.openCheckInMs <= TARGETS.openCheckInMs,
      keystrokeWithin50ms: Math.max(...full.keystrokeMs) <= TARGETS.keystrokeMs,
      peopleRowsAtMost100: full.peopleRows <= TARGETS.peopleRows,
      ...Object.fromEntries(
        Object.entries(overSmall).map(([screen, ratio]) => [`${screen}Within2xOf100`, ratio <= TARGETS.overSmall]),
      ),
    },
  };
}

const describe = (counts: ScreenCounts) =>
  `${counts.people} people, ${counts.sessions} sessions, ${counts.checkIns} check-ins, ` +
  `${counts.notes} notes and ${counts.visits} visits`;

export function printScreens(result: ScreensBench): void {
  const small = result.small;
  const ratios = Object.entries(result.overSmall)
    .map(([screen, ratio]) => `${screen} ${ratio.toFixed(1)}×`)
    .join(', ');
  console.log(
    `(vii) Screens with ${describe(result.counts)} over a year, CPU 4× slower:\n` +
      `  open Today ${result.openTodayRunsMs.join(', ')} ms, median ${result.openTodayMs} (≤ ${TARGETS.todayMs}); session detail ${result.openSessionMs} ms; ` +
      `Reach out ${result.openOutreachMs} ms; Visits ${result.openVisitsMs} ms\n` +
      `  open Check-in ${result.openCheckInMs} ms (≤ ${TARGETS.openCheckInMs}); ` +
      `tap to count ${result.tapMs.join(', ')} ms, median ${median(result.tapMs)} (≤ ${TARGETS.tapMs})\n` +
      `  open People ${result.openPeopleRunsMs.join(', ')} ms, median ${result.openPeopleMs}; per keystroke (typed ${TYPINGS} times: ` +
      `${result.keystrokeTypingsMs.map((typing) => typing.join(', ')).join('; ')} ms), each key's median ${result.keystrokeMs.join(', ')} ms, ` +
      `max ${Math.max(...result.keystrokeMs)} (≤ ${TARGETS.keystrokeMs}); rows in the page ${result.peopleRows} ` +
      `(≤ ${TARGETS.peopleRows})\n` +
      `  the same with ${describe(small.counts)}: Today ${small.openTodayRunsMs.join(', ')} ms, median ` +
      `${small.openTodayMs}; session detail ${small.openSessionMs} ms; Reach out ${small.openOutreachMs} ms; ` +
      `Visits ${small.openVisitsMs} ms; Check-in ${small.openCheckInMs} ms; tap to count ${small.tapMs.join(', ')} ms; ` +
      `People ${small.openPeopleRunsMs.join(', ')} ms, median ${small.openPeopleMs}; per keystroke ${small.keystrokeMs.join(', ')} ms\n` +
      `  full size over 100 records (≤ ${TARGETS.overSmall}×; taps and keystrokes by their median): ${ratios}\n` +
      `  targets: ${JSON.stringify(result.targets)}`,
  );
}
