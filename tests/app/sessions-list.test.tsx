import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// Screens load lazily and the machine is shared: give them time to appear (this bounds waiting, asserts no timing).
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

// Wednesday 25 November 2026, midday in London. Only the date is faked: Dexie's timers run as usual.
const NOW = new Date('2026-11-25T12:00:00Z');

async function withSessions() {
  const db = freshDb();
  const session = (id: string, title: string, startsAt: string) =>
    saveRecord(db, 'session', id, { title, startsAt, kind: 'drop-in', status: 'planned' });
  await session('last-week', 'Keith drop-in', '2026-11-17T10:00:00Z');
  await session('earlier', 'Buckie drop-in', '2026-11-10T10:00:00Z');
  await session('this-morning', 'Elgin drop-in', '2026-11-25T10:00:00Z');
  await session('friday', 'Forres drop-in', '2026-11-27T13:30:00Z');
  await session('next-week', 'Lossie drop-in', '2026-12-01T10:00:00Z');
  return db;
}

describe('the sessions list', () => {
  it('shows what is coming up first, soonest first, and past sessions below, latest first', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    stubNoNetwork();
    await renderApp('/sessions', { db: await withSessions(), user: ALEX });
    const upcoming = await screen.findByRole('list', { name: 'Coming up' });
    expect(
      within(upcoming)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Elgin drop-inWed 25 Nov, 10:00 · Drop-in',
      'Forres drop-inFri 27 Nov, 13:30 · Drop-in',
      'Lossie drop-inTue 1 Dec, 10:00 · Drop-in',
    ]);
    const past = screen.getByRole('list', { name: 'Past sessions' });
    expect(
      within(past)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Keith drop-inTue 17 Nov, 10:00 · Drop-in', 'Buckie drop-inTue 10 Nov, 10:00 · Drop-in']);
    expect(within(upcoming).getByRole('link', { name: /Forres drop-in/ })).toHaveAttribute('href', '/sessions/friday');
    expect(screen.getByRole('link', { name: 'Plan a session' })).toHaveAttribute('href', '/sessions/new');
  });

  it('shows a week from Monday to Sunday, and the weeks either side', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    stubNoNetwork();
    await renderApp('/sessions', { db: await withSessions(), user: ALEX });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Week' }));
    expect(screen.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('heading', { level: 2, name: 'Mon 23 Nov – Sun 29 Nov' })).toBeInTheDocument();

    const wednesday = screen.getByRole('heading', { level: 3, name: /Wednesday 25 November/ }).closest('li');
    expect(wednesday).toHaveTextContent('Today');
    expect(within(wednesday as HTMLElement).getByRole('link', { name: /Elgin drop-in/ })).toHaveTextContent('10:00');
    const friday = screen.getByRole('heading', { level: 3, name: 'Friday 27 November' }).closest('li');
    expect(within(friday as HTMLElement).getByRole('link', { name: /Forres drop-in/ })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Lossie drop-in/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next week' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Mon 30 Nov – Sun 6 Dec' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Lossie drop-in/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Mon 16 Nov – Sun 22 Nov' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Keith drop-in/ })).toBeInTheDocument();
  });
});
