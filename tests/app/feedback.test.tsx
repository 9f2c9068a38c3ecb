import { cleanup, configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { getKiosk } from '../../src/db/kiosk.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// The machine running the tests may be busy: wait longer than the default second for the device database.
configure({ asyncUtilTimeout: 5000 });
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
  await user.type(await screen.findByLabelText('Kiosk code'), '2468');
  await user.type(screen.getByLabelText('Type the code again'), '2468');
  await user.click(screen.getByRole('button', { name: 'Hand to parents' }));
  await screen.findByRole('heading', { level: 1, name: 'How was today?' });
  return { ...view, user };
}

describe('the feedback kiosk', { timeout: 30_000 }, () => {
  it('asks for the same 4 to 6 digit code twice before handing over', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'session', SESSION, { title: 'Bumps and babies', startsAt: '2026-11-24T10:00:00.000Z' });
    await renderApp(`/sessions/${SESSION}/feedback`, { db, user: ALEX });
    const user = userEvent.setup();
    const code = await screen.findByLabelText('Kiosk code');
    await user.type(code, '12a');
    await user.tab();
    expect(code).toHaveAccessibleDescription(expect.stringContaining('Use digits only'));
    await user.clear(code);
    await user.type(code, '1234');
    await user.type(screen.getByLabelText('Type the code again'), '1235');
    await user.click(screen.getByRole('button', { name: 'Hand to parents' }));
    expect(screen.getByLabelText('Type the code again')).toHaveAccessibleDescription(
      expect.stringContaining('The two codes are different'),
    );
    expect(await getKiosk(db)).toBeNull();
  });

  it('hides the app and keeps every other address in the kiosk, even after a reload', async () => {
    const { db, router } = await startKiosk();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument();
    const kiosk = await getKiosk(db);
    expect(kiosk).toMatchObject({ sessionId: SESSION });
    expect(JSON.stringify(kiosk)).not.toContain('2468');

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

  it('stays locked with a wrong code and unlocks with the right one', async () => {
    const { db, user } = await startKiosk();
    await user.click(screen.getByRole('radio', { name: 'Mostly' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await user.click(await screen.findByRole('button', { name: 'Next person' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    const code = screen.getByLabelText('Facilitator: kiosk code');
    await user.type(code, '1111');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('That code is not right. The kiosk stays on.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'How was today?' })).toBeInTheDocument();
    expect(await getKiosk(db)).not.toBeNull();

    await user.type(screen.getByLabelText('Facilitator: kiosk code'), '2468');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('1 answer so far.', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(await getKiosk(db)).toBeNull();
  });
});
