// The page side of sync: the Sync part of Settings, and the triggers that start a sync from the page.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberSignedIn } from '../../src/db/account.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { DbContext } from '../../src/db/hooks.ts';
import { saveRecord } from '../../src/db/records.ts';
import { SettingsScreen } from '../../src/app/settings/SettingsScreen.tsx';
import { createPageSync, type PageSync } from '../../src/app/sync/pageSync.ts';
import { SyncContext } from '../../src/app/sync/SyncContext.ts';
import { ALEX, freshDb, json, stubServer } from './helpers.tsx';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function renderSettings(db: CoorieDb, sync: PageSync) {
  await rememberSignedIn(db, ALEX, 'Hall tablet 1');
  const router = createMemoryRouter([{ path: '/settings', element: <SettingsScreen /> }], {
    initialEntries: ['/settings'],
  });
  render(
    <DbContext.Provider value={db}>
      <SyncContext.Provider value={sync}>
        <RouterProvider router={router} />
      </SyncContext.Provider>
    </DbContext.Provider>,
  );
}

const controls = (): PageSync => ({ start: vi.fn(() => () => {}), requestNow: vi.fn(), requestSoon: vi.fn() });

describe('Sync in Settings', () => {
  it('syncs at once on "Sync now"', async () => {
    const sync = controls();
    await renderSettings(freshDb(), sync);
    await userEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
    expect(sync.requestNow).toHaveBeenCalledTimes(1);
  });

  it('lists changes the server refused, in plain words, and keeps them', async () => {
    // Two days after the refusal, in the same year (a date in another year would show it).
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    const db = freshDb();
    const versions = { title: '1763800000000-0000-aaaaaaaa' };
    await db.rejected.add({
      kind: 'session',
      id: 's1',
      values: { title: 'Drop-in at Rothes' },
      versions,
      code: 'forbidden',
      message: 'forbidden',
      at: Date.UTC(2026, 10, 24, 10, 30),
    });
    await renderSettings(db, controls());
    expect(await screen.findByRole('heading', { name: 'Changes the server refused' })).toBeInTheDocument();
    expect(screen.getByText('Session: Drop-in at Rothes')).toBeInTheDocument();
    expect(screen.getByText('You do not have permission to change this.')).toBeInTheDocument();
    expect(screen.getByText('Refused Tue 24 Nov, 10:30')).toBeInTheDocument();
  });

  it('says when changes are waiting to be sent', async () => {
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    await renderSettings(db, controls());
    expect(await screen.findByText('1 change is waiting to be sent.')).toBeInTheDocument();
  });
});

describe('page sync triggers', () => {
  function stubSyncServer() {
    return stubServer({
      'POST /api/sync/push': (body) =>
        json(200, {
          protocol: 1,
          serverTime: Date.now(),
          results: (body as { changes: unknown[] }).changes.map(() => ({ status: 'applied' })),
        }),
      'GET /api/sync/pull?limit=1000': () =>
        json(200, { protocol: 1, serverTime: Date.now(), changes: [], cursor: 'c1', more: false }),
      'GET /api/sync/pull?limit=1000&cursor=c1': () =>
        json(200, { protocol: 1, serverTime: Date.now(), changes: [], cursor: 'c1', more: false }),
    });
  }

  it('syncs in the page when no service worker controls it: on start, and soon after a write', async () => {
    const calls = stubSyncServer();
    const db = freshDb();
    const sync = createPageSync(db);
    const stop = sync.start();
    try {
      await waitFor(() => expect(calls.some((call) => call.route.startsWith('GET /api/sync/pull'))).toBe(true));
      await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
      await waitFor(() => expect(calls.some((call) => call.route === 'POST /api/sync/push')).toBe(true), {
        timeout: 5_000,
      });
      await waitFor(async () => expect(await db.outbox.count()).toBe(0));
      // Let the run finish its pull before stopping: one still in flight would reach the next test's server.
      await waitFor(async () => expect((await db.meta.get('sync'))?.value).toMatchObject({ phase: 'idle' }));
    } finally {
      stop();
    }
  });

  it('syncs when the signal comes back', async () => {
    const calls = stubSyncServer();
    const db = freshDb();
    const stop = createPageSync(db).start();
    try {
      const pulls = () => calls.filter((call) => call.route.startsWith('GET /api/sync/pull')).length;
      await waitFor(() => expect(pulls()).toBe(1));
      await waitFor(async () => expect((await db.meta.get('sync'))?.value).toMatchObject({ phase: 'idle' }));
      window.dispatchEvent(new Event('online'));
      await waitFor(() => expect(pulls()).toBe(2));
    } finally {
      stop();
    }
  });
});
