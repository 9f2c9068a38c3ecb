import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { getKiosk } from '../../src/db/kiosk.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork, TEST_PIN } from './helpers.tsx';

// The machine running the tests may be busy: wait longer than the default second for the device database.
const WAIT = { timeout: 5000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const SESSION = 's1';

async function startKiosk(db: CoorieDb = freshDb()) {
  stubNoNetwork();
  await saveRecord(db, 'session', SESSION, { title: 'Bumps and babies', startsAt: '2026-11-24T10:00:00.000Z' });
  const view = await renderApp(`/sessions/${SESSION}/feedback`, { db, user: ALEX });
  const user = userEvent.setup();
  await screen.findByRole('heading', { level: 1, name: 'Feedback kiosk' });
  await user.click(await screen.findByRole('button', { name: 'Hand to parents' }));
  await screen.findByRole('heading', { level: 1, name: 'How was today?' });
  return { ...view, user };
}

describe('the feedback kiosk', { timeout: 30_000 }, () => {
  it('hands over in one tap, saying that the app PIN unlocks it: there is no separate code to choose', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'session', SESSION, { title: 'Bumps and babies', startsAt: '2026-11-24T10:00:00.000Z' });
    await renderApp(`/sessions/${SESSION}/feedback`, { db, user: ALEX });
    expect(await screen.findByText(/unlock it with your PIN/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/code/i)).not.toBeInTheDocument();
    expect(await getKiosk(db)).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Hand to parents' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'How was today?' })).toBeInTheDocument();
    expect(await getKiosk(db)).toMatchObject({ sessionId: SESSION });
  });

  it('hides the app and keeps every other address in the kiosk, even after a reload', async () => {
    const { db, router } = await startKiosk();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument();
    const kiosk = await getKiosk(db);
    // Nothing secret is kept with the kiosk: the app PIN's hash stays where the lock keeps it.
    expect(kiosk).toEqual({ sessionId: SESSION, startedAt: expect.any(String) });

    await router.navigate('/people');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/kiosk'), WAIT);
    expect(await screen.findByRole('heading', { level: 1, name: 'How was today?' })).toBeInTheDocument();
    await router.navigate(-1);
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/kiosk'), WAIT);
    expect(await screen.findByRole('heading', { level: 1, name: 'How was today?' })).toBeInTheDocument();

    cleanup();
    await renderApp('/', { db });
    expect(await screen.findByRole('heading', { level: 1, name: 'How was today?' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument();
  });

  it('saves anonymous feedback, thanks the parent and starts afresh for the next one', async () => {
    const { db, user } = await startKiosk();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Tap a face or an answer first, then Send.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Very welcome' }));
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.type(screen.getByLabelText('Anything else you would like to tell us? (optional)'), 'Lovely soup');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you' })).toBeInTheDocument();
    const saved = await db.records('feedback').toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      sessionId: SESSION,
      feltWelcome: 5,
      wouldComeAgain: true,
      comment: 'Lovely soup',
    });
    expect(saved[0]).not.toHaveProperty('attendeeId');

    await user.click(screen.getByRole('button', { name: 'Next person' }));
    await screen.findByRole('heading', { level: 1, name: 'How was today?' });
    await vi.waitFor(() => expect(screen.getByRole('radio', { name: 'Very welcome' })).not.toBeChecked(), WAIT);
    expect(screen.getByLabelText('Anything else you would like to tell us? (optional)')).toHaveValue('');
  });

  it('stays locked with a wrong PIN and unlocks with the app PIN', async () => {
    const { db, user } = await startKiosk();
    await user.click(screen.getByRole('radio', { name: 'Mostly' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await user.click(await screen.findByRole('button', { name: 'Next person' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('Type your PIN, then Unlock.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Facilitator: your PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('That PIN is not right. Try again. The kiosk stays on.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'How was today?' })).toBeInTheDocument();
    expect(await getKiosk(db)).not.toBeNull();

    await user.type(screen.getByLabelText('Facilitator: your PIN'), TEST_PIN);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('1 answer so far.', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(await getKiosk(db)).toBeNull();
    expect(await getMeta(db, 'pinFailures')).toBe(0);
  });

  it('counts wrong PINs towards the same wipe as the lock, saying how many tries are left', async () => {
    const { db, user } = await startKiosk();
    await setMeta(db, 'pinFailures', 7);
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    await user.type(screen.getByLabelText('Facilitator: your PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(
      await screen.findByText(
        'That PIN is not right. 2 tries left before Coorie wipes its data from this computer. The kiosk stays on.',
      ),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Facilitator: your PIN'), '2222');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText(/1 try left before Coorie wipes its data from this computer/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Facilitator: your PIN'), '3333');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' }, WAIT)).toBeInTheDocument();
    expect(await screen.findByText(/entered wrongly 10 times in a row/)).toBeInTheDocument();
    expect(await db.records('feedback').count()).toBe(0);
    expect(await db.records('session').count()).toBe(0);
    expect(await getKiosk(db)).toBeNull();
  });
});
