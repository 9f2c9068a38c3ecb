import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, json, renderApp, stubServer } from './helpers.tsx';

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

async function openShell() {
  stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
  const app = await renderApp('/', { user: ALEX });
  await screen.findByRole('heading', { level: 1, name: 'Today' });
  return app;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the sync status in the header', () => {
  it('says the work is saved on this tablet when nothing is waiting', async () => {
    await openShell();
    expect(await screen.findByText('Saved on this device')).toBeInTheDocument();
  });

  it('is a polite live region, so changes are announced without interrupting', async () => {
    await openShell();
    const region = (await screen.findByText('Saved on this device')).closest('[aria-live]');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveAttribute('role', 'status');
  });

  it('says so when the tablet goes offline, and recovers when it comes back', async () => {
    await openShell();
    setOnline(false);
    expect(await screen.findByText('Offline — saved on this device')).toBeInTheDocument();
    setOnline(true);
    expect(await screen.findByText('Saved on this device')).toBeInTheDocument();
  });

  it('counts the changes waiting to sync as they are saved', async () => {
    const { db } = await openShell();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    expect(await screen.findByText('1 change waiting to sync')).toBeInTheDocument();
    await saveRecord(db, 'attendee', 'a2', { displayName: 'Isla' });
    await saveRecord(db, 'session', 's1', { title: 'Forres drop-in', startsAt: '2026-03-03T10:00:00Z' });
    expect(await screen.findByText('3 changes waiting to sync')).toBeInTheDocument();
  });

  it('tells the time of the last sync on the London clock, in summer time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-01T15:00:00Z'));
    const { db } = await openShell();
    await setMeta(db, 'sync', { phase: 'idle', lastSuccess: Date.parse('2026-07-01T09:42:00Z') });
    expect(await screen.findByText('Last synced 10:42')).toBeInTheDocument();
  });

  it('tells the time of the last sync in winter, and the day when it was not today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-15T15:00:00Z'));
    const { db } = await openShell();
    await setMeta(db, 'sync', { phase: 'idle', lastSuccess: Date.parse('2026-01-15T10:42:00Z') });
    expect(await screen.findByText('Last synced 10:42')).toBeInTheDocument();
    await setMeta(db, 'sync', { phase: 'idle', lastSuccess: Date.parse('2026-01-13T22:05:00Z') });
    expect(await screen.findByText('Last synced Tue 13 Jan, 22:05')).toBeInTheDocument();
  });

  it('shows the sync error in the words the sync engine wrote', async () => {
    const { db } = await openShell();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    await setMeta(db, 'sync', { phase: 'error', lastError: "Couldn't reach the server. Coorie will try again." });
    expect(await screen.findByText("Couldn't reach the server. Coorie will try again.")).toBeInTheDocument();
    expect(screen.getByText('1 change waiting to sync')).toBeInTheDocument();
  });

  it('shows the progress of a long first download', async () => {
    const { db } = await openShell();
    await setMeta(db, 'sync', { phase: 'pulling', downloaded: 200, total: 1500 });
    expect(await screen.findByText('Downloading 200 of 1,500 records')).toBeInTheDocument();
    await setMeta(db, 'sync', { phase: 'pulling', downloaded: 2400, total: 12000 });
    expect(await screen.findByText('Downloading 2,400 of 12,000 records')).toBeInTheDocument();
  });

  it('does not count out a short download', async () => {
    const { db } = await openShell();
    await setMeta(db, 'sync', { phase: 'pulling', downloaded: 3, total: 12 });
    expect(await screen.findByText('Syncing…')).toBeInTheDocument();
  });
});
