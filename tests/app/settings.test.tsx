import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMeta } from '../../src/db/meta.ts';
import { ALEX, json, renderApp, stubServer } from './helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  // jsdom has no StorageManager; take away the one a test gave it.
  Reflect.deleteProperty(navigator, 'storage');
});

function stubStorage(persisted: boolean) {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { persisted: async () => false, persist: async () => persisted },
  });
}

describe('settings', () => {
  it('shows who is signed in, on which device, and the app version', async () => {
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    await renderApp('/settings', { user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(await screen.findByText('Alex Morrison (alex@example.org)')).toBeInTheDocument();
    expect(screen.getByText('Hall tablet 1')).toBeInTheDocument();
    expect(screen.getByText('Coordinator')).toBeInTheDocument();
    expect(screen.getByText(/^Coorie version \d+\.\d+\.\d+$/)).toBeInTheDocument();
  });

  it('asks the browser to keep the data once signed in, and says it will', async () => {
    stubStorage(true);
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    const { db } = await renderApp('/settings', { user: ALEX });
    expect(await screen.findByText("This computer will keep Coorie's data.")).toBeInTheDocument();
    expect(await getMeta(db, 'persisted')).toBe('granted');
  });

  it('warns that the browser may clear the data when it will not promise to keep it', async () => {
    stubStorage(false);
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    const { db } = await renderApp('/settings', { user: ALEX });
    expect(
      await screen.findByText(
        "The browser may clear Coorie's data if space runs low: install Coorie to the home screen.",
      ),
    ).toBeInTheDocument();
    await vi.waitFor(async () => expect(await getMeta(db, 'persisted')).toBe('denied'));
  });

  // Signing out (send first, warn with the count, then wipe) is tested in team-signout.test.tsx.
});
