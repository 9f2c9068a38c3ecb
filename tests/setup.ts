// Test setup: DOM matchers, an in-memory IndexedDB so Dexie runs under jsdom and Node, and a steady clock for
// component tests.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { TZDate } from '@date-fns/tz';
import { afterEach, beforeEach, vi } from 'vitest';

// Component tests run two at a time, on a machine that CI keeps busy besides: give findBy… and waitFor fifteen
// seconds, not one (a screen has taken over five there). A wait that succeeds returns as soon as it does.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 15_000 });
}

// Component tests describe a day relative to "now" (a visit that began 100 minutes ago, a session later today).
// Run at a quarter to midnight, that day would straddle two dates: so their clock starts at noon in London on
// today's date and runs on from there in real time. A test that needs another moment sets its own.
//
// TEST_NOW (an ISO instant, e.g. 2026-10-25T00:30:00Z) starts every test's clock at that moment instead, the
// component tests' and the Node tests' alike, to prove the suite passes whatever the time and date:
// `npm run test:clock` runs it at 23:30 and 00:30 London time and on the days the clocks change.
const testNow = process.env.TEST_NOW ? new Date(process.env.TEST_NOW) : undefined;
if (testNow && Number.isNaN(testNow.getTime())) throw new Error(`TEST_NOW is not a date: ${process.env.TEST_NOW}`);

// Under TEST_NOW the clock is set before the test file's own beforeAll hooks too, so that what they do (a sign-in,
// say) happens at the same moment as the tests, not months before them.
if (testNow) {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(testNow);
}

beforeEach(() => {
  if (typeof document === 'undefined' && !testNow) return;
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(testNow ?? noonInLondonToday());
});

// Unmount what a component test rendered (Testing Library only does this itself with Vitest globals on).
// Server tests run in Node without a DOM, so the DOM library is loaded only where there is one.
afterEach(async () => {
  if (typeof document === 'undefined') {
    if (testNow) vi.useRealTimers();
    return;
  }
  const { cleanup } = await import('@testing-library/react');
  cleanup();
  vi.useRealTimers();
});

function noonInLondonToday(): Date {
  const today = new TZDate(Date.now(), 'Europe/London');
  return new TZDate(today.getFullYear(), today.getMonth(), today.getDate(), 12, 0, 0, 'Europe/London');
}
