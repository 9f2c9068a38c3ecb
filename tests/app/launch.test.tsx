// A launch as the page makes it (src/app/launch.tsx): what decides the first screen is read in one go and that
// screen loaded before the first render, so that the screen draws in that render; and what the launch read is
// for that render only, never for a screen that opens later.
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { launchApp } from '../../src/app/launch.tsx';
import { rememberSignedIn } from '../../src/db/account.ts';
import { DbContext, LaunchContext, type Launch } from '../../src/db/hooks.ts';
import { setKiosk, useKiosk } from '../../src/db/kiosk.ts';
import { readLaunch } from '../../src/db/launch.ts';
import { lockApp } from '../../src/db/lock.ts';
import type { KioskState } from '../../src/db/meta.ts';
import { ALEX, freshDb, json, seedPin, stubNoNetwork, stubServer } from './helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

/** Renders the app as main.tsx does, opened at `path`. */
async function launchAt(path: string, db = freshDb()) {
  window.history.replaceState(null, '', path);
  render(await launchApp(db, null, path));
  return db;
}

describe('a launch', { timeout: 30_000 }, () => {
  it('draws the lock in its first render on a device signed in with a PIN, and nothing behind it', async () => {
    stubNoNetwork();
    const db = freshDb();
    await rememberSignedIn(db, ALEX, 'Hall tablet 1');
    await seedPin(db, ALEX.id);
    // As a relaunch finds it: the PIN was chosen on an earlier launch.
    await lockApp(db);
    await launchAt('/', db);

    // No waiting: the first render drew the lock, before any screen's own read of the device database answered.
    expect(screen.getByRole('heading', { level: 1, name: 'Coorie is locked' })).toBeInTheDocument();
    expect(screen.getByLabelText('PIN')).toBeEnabled();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(ALEX.name);
  });

  it('opens the sign-in screen on a device nobody is signed in on', async () => {
    // It waits on the server's word whether it needs setting up (useSetupStatus), so not for the first render.
    stubServer({ 'GET /api/setup': () => json(200, { firstRun: false, demo: false, openRegistration: false }) });
    await launchAt('/');
    expect(await screen.findByLabelText('Email address')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('asks for a PIN in its first render when whoever is signed in has not chosen one', async () => {
    stubNoNetwork();
    const db = freshDb();
    await rememberSignedIn(db, ALEX, 'Hall tablet 1');
    await launchAt('/', db);
    expect(screen.getByRole('heading', { level: 1, name: 'Choose a PIN for this computer' })).toBeInTheDocument();
  });
});

describe('what a launch read', () => {
  const KIOSK: KioskState = { sessionId: 's1', startedAt: '2026-11-30T10:00:00.000Z' };

  async function renderKiosk(drawn: boolean) {
    const db = freshDb();
    const launch: Launch = { read: await readLaunch(db), drawn };
    // Since the launch read it, the kiosk has been turned on (in another tab, say).
    await setKiosk(db, KIOSK);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <DbContext.Provider value={db}>
        <LaunchContext value={launch}>{children}</LaunchContext>
      </DbContext.Provider>
    );
    return renderHook(() => useKiosk(), { wrapper });
  }

  it('is where the first render starts, until the database answers', async () => {
    const { result } = await renderKiosk(false);
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).toEqual(KIOSK));
  });

  it('is not used once the launch has drawn: a screen opened later waits for the database', async () => {
    const { result } = await renderKiosk(true);
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual(KIOSK));
  });

  it('is nobody signed in, no kiosk and the lock closed on a new device', async () => {
    const read = await readLaunch(freshDb());
    expect(read).toEqual({
      user: null,
      kiosk: null,
      lock: { pin: null, locked: true, failures: 0, wipe: null },
    });
  });
});
