// Today calls a visit overdue by the organisation's own visit grace period (Settings → Alert periods), kept on
// the device from GET /api/organisation/alert-periods, and by the default of 15 minutes until it has heard it.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const WAIT = { timeout: 10_000 };
const PERIODS = { urgentRepeatMinutes: 10, visitGraceMinutes: 45, teamAlertMinutes: 20 };
const DEFAULTS = { urgentRepeatMinutes: 15, visitGraceMinutes: 15, teamAlertMinutes: 15 };

// Morag's visit: arrived 09:30 for an hour, so expected to finish at 10:30.
async function seed(db: CoorieDb) {
  await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
  await saveRecord(
    db,
    'visit',
    'v1',
    {
      attendeeId: 'morag',
      supporterId: 'u1',
      at: '2026-11-24T09:30:00.000Z',
      arrivedAt: '2026-11-24T09:30:00.000Z',
      expectedMinutes: 60,
    },
    { userId: 'u1' },
  );
}

async function openTodayAt(iso: string, prepare: (db: CoorieDb) => Promise<void>) {
  vi.setSystemTime(new Date(iso));
  const db = freshDb();
  await seed(db);
  await prepare(db);
  await renderApp('/', { db, user: ALEX });
  await screen.findByRole('heading', { level: 1, name: 'Today' }, WAIT);
  return db;
}

const overdueAlert = () => screen.queryByRole('alert', { name: 'Not heard back: visits overdue' });

async function expectUnderWay() {
  const visits = await screen.findByRole('region', { name: 'Visits' }, WAIT);
  expect(within(visits).getByRole('link', { name: 'Visit to Morag' })).toBeInTheDocument();
  expect(overdueAlert()).toBeNull();
}

async function expectOverdue() {
  const alert = await screen.findByRole('alert', { name: 'Not heard back: visits overdue' }, WAIT);
  expect(within(alert).getByRole('link', { name: 'Visit to Morag' })).toBeInTheDocument();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("Today and the organisation's visit grace period", { timeout: 30_000 }, () => {
  it('is not overdue 30 minutes past the expected finish when the grace is 45', async () => {
    stubNoNetwork();
    await openTodayAt('2026-11-24T11:00:00.000Z', (db) => setMeta(db, 'alertPeriods', PERIODS));
    await expectUnderWay();
  });

  it('is not yet overdue at exactly 45 minutes past the expected finish', async () => {
    stubNoNetwork();
    await openTodayAt('2026-11-24T11:15:00.000Z', (db) => setMeta(db, 'alertPeriods', PERIODS));
    await expectUnderWay();
  });

  it('is overdue once the grace has passed', async () => {
    stubNoNetwork();
    await openTodayAt('2026-11-24T11:16:00.000Z', (db) => setMeta(db, 'alertPeriods', PERIODS));
    await expectOverdue();
  });

  it('counts the default 15 minutes on a device that has never heard the periods', async () => {
    stubNoNetwork();
    await openTodayAt('2026-11-24T11:00:00.000Z', async () => undefined);
    await expectOverdue();
  });

  it('fetches the periods when it opens online, keeps them, and takes the alert back under the longer grace', async () => {
    const fetch = vi.fn(async (path: string) => {
      if (path === '/api/organisation/alert-periods') {
        return new Response(JSON.stringify({ periods: PERIODS, defaults: DEFAULTS }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      }
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    const db = await openTodayAt('2026-11-24T11:00:00.000Z', async () => undefined);
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/organisation/alert-periods', expect.anything()), WAIT);
    await waitFor(async () => expect(await getMeta(db, 'alertPeriods')).toEqual(PERIODS), WAIT);
    await waitFor(() => expect(overdueAlert()).toBeNull(), WAIT);
    await expectUnderWay();
  });

  it('keeps what it has when the server sends an answer it does not understand', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ periods: { ...PERIODS, visitGraceMinutes: 'soon' }, defaults: DEFAULTS }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const db = await openTodayAt('2026-11-24T11:16:00.000Z', (db) => setMeta(db, 'alertPeriods', PERIODS));
    await expectOverdue();
    expect(await getMeta(db, 'alertPeriods')).toEqual(PERIODS);
  });
});
