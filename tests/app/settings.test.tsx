import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, json, renderApp, stubNoNetwork, stubServer } from './helpers.tsx';

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
    expect(await screen.findByText("This tablet will keep Coorie's data.")).toBeInTheDocument();
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

  it('signs out, keeping the changes that wait to sync', async () => {
    const calls = stubServer({
      'GET /api/me': () => json(200, { user: ALEX }),
      'POST /api/auth/sign-out': () => json(204),
    });
    const { db } = await renderApp('/settings', { user: ALEX });
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeInTheDocument();
    expect(calls.map((call) => call.route)).toContain('POST /api/auth/sign-out');
    expect(await getMeta(db, 'user')).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('does not pretend to sign out when the server cannot hear it', async () => {
    stubNoNetwork();
    await renderApp('/settings', { user: ALEX });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Coorie can't reach the server to sign you out. Try again when this tablet is online.",
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });
});
