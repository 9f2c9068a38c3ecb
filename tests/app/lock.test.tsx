// The app lock as people meet it: choosing a PIN at first sign-in, the lock on launch and after a spell idle,
// wrong PINs and the wipe, "Forgot PIN?", Lock now and Change PIN in Settings, and sync carrying on behind it.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageSync } from '../../src/app/sync/pageSync.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { todayAhead } from '../../src/db/today.ts';
import { ALEX, freshDb, json, renderApp, stubNoNetwork, stubServer, TEST_PIN } from './helpers.tsx';

// The machine running the tests may be busy: wait longer than the default second for the device database.

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const LOCKED = { level: 1, name: 'Coorie is locked' } as const;
const TODAY = { level: 1, name: 'Today' } as const;

async function pressKeys(user: ReturnType<typeof userEvent.setup>, pin: string) {
  for (const digit of pin) await user.click(screen.getByRole('button', { name: digit }));
}

/** What the lock and choose-PIN screens must never show: the app behind them, or who uses it. */
function expectNothingBehind() {
  expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument();
  expect(document.body).not.toHaveTextContent(ALEX.name);
  expect(document.body).not.toHaveTextContent('Amy');
}

describe('choosing a PIN', { timeout: 30_000 }, () => {
  it('is asked for straight after signing in on a device with no PIN, before the shell opens', async () => {
    stubServer({ 'POST /api/auth/sign-in': () => json(200, { user: ALEX }) });
    const { db } = await renderApp('/sign-in', { lock: 'no-pin' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email address'), ALEX.email);
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText("This device's name"), 'Hall tablet 1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose a PIN for this computer' }),
    ).toBeInTheDocument();
    expectNothingBehind();

    const pin = screen.getByLabelText('PIN');
    const again = screen.getByLabelText('Type the PIN again');
    await user.click(screen.getByRole('button', { name: 'Use this PIN' }));
    expect(pin).toHaveAccessibleDescription(expect.stringContaining('Error: Choose a PIN of 4 to 6 digits'));
    expect(pin).toHaveFocus();

    await user.type(pin, '1234');
    await user.type(again, '1234');
    await user.click(screen.getByRole('button', { name: 'Use this PIN' }));
    expect(pin).toHaveAccessibleDescription(expect.stringContaining('That PIN is too easy to guess'));

    await user.clear(pin);
    await user.type(pin, '739215');
    await user.clear(again);
    await user.type(again, '739251');
    await user.click(screen.getByRole('button', { name: 'Use this PIN' }));
    expect(again).toHaveAccessibleDescription('Error: The two PINs are different. Type the same PIN twice');
    expect(await getMeta(db, 'pin')).toBeUndefined();

    await user.clear(again);
    await user.type(again, '739215');
    await user.click(screen.getByRole('button', { name: 'Use this PIN' }));
    expect(await screen.findByRole('heading', TODAY)).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('739215');
  });

  it('is asked for again when someone else signs in on a device that holds another person’s PIN', async () => {
    stubNoNetwork();
    await renderApp('/', { user: { ...ALEX, id: 'u2', name: 'Fiona' }, lock: 'as-is', db: await withAlexPin() });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose a PIN for this computer' }),
    ).toBeInTheDocument();
  });
});

async function withAlexPin() {
  const db = freshDb();
  const { seedPin } = await import('./helpers.tsx');
  await seedPin(db, ALEX.id);
  return db;
}

describe('the lock', { timeout: 30_000 }, () => {
  it('shows first on launch, with nothing of the app behind it, and opens with the PIN on the keypad', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    await renderApp('/people', { db, user: ALEX, lock: 'locked' });
    expect(await screen.findByRole('heading', LOCKED)).toBeInTheDocument();
    expectNothingBehind();
    expect(document.title).toBe('Locked — Coorie');

    const user = userEvent.setup();
    const keypad = screen.getByRole('group', { name: 'Keypad' });
    expect(keypad).toBeInTheDocument();
    await pressKeys(user, TEST_PIN.slice(0, 3) + '9');
    await user.click(screen.getByRole('button', { name: 'Delete last digit' }));
    await pressKeys(user, TEST_PIN.slice(3));
    expect(screen.getByLabelText('PIN')).toHaveValue(TEST_PIN);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /Amy/ })).toBeInTheDocument();
  });

  it('opens onto Today drawn complete, with nothing "Loading…" between the lock and Today', async () => {
    stubNoNetwork();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T11:00:00.000Z'));
    const db = freshDb();
    await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
    await saveRecord(db, 'note', 'n-urgent', { attendeeId: 'morag', body: 'x', concern: 'urgent' }, { userId: 'u2' });
    // A tablet that has synced before (its first download is over).
    await setMeta(db, 'sync', { phase: 'idle', lastSuccess: Date.now() - 3_600_000 });
    await renderApp('/', { db, user: ALEX, lock: 'locked' });
    await screen.findByRole('heading', LOCKED);
    // Everything drawn from here on: the lock, then Today, and never a "Loading…" in between.
    const drawn: string[] = [];
    const observer = new MutationObserver(() => drawn.push(document.body.textContent ?? ''));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const user = userEvent.setup();
    await user.keyboard(`${TEST_PIN}{Enter}`);
    expect(await screen.findByText('1 urgent concern waits for a coordinator.')).toBeInTheDocument();
    observer.disconnect();
    expect(drawn.some((text) => text.includes('Loading…'))).toBe(false);
    const firstToday = drawn.find((text) => !text.includes('Coorie is locked') && text.includes('Today'));
    expect(firstToday).toContain('1 urgent concern waits for a coordinator.');
    // Drawn once: what was read ahead is not kept for a later visit to Today, which reads afresh.
    expect(todayAhead(db, '2026-11-24')).toBeUndefined();
  });

  it('reads Today while the PIN is typed, and again should a record arrive before Unlock', async () => {
    stubNoNetwork();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T11:00:00.000Z'));
    const db = freshDb();
    await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
    await setMeta(db, 'sync', { phase: 'idle', lastSuccess: Date.now() - 3_600_000 });
    await renderApp('/', { db, user: ALEX, lock: 'locked' });
    await screen.findByRole('heading', LOCKED);
    const user = userEvent.setup();
    await user.keyboard(TEST_PIN);
    // A sync under the lock brings a concern after the PIN is typed, before Unlock.
    await saveRecord(db, 'note', 'n-urgent', { attendeeId: 'morag', body: 'x', concern: 'urgent' }, { userId: 'u2' });
    const drawn: string[] = [];
    const observer = new MutationObserver(() => drawn.push(document.body.textContent ?? ''));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    await user.keyboard('{Enter}');
    expect(await screen.findByText('1 urgent concern waits for a coordinator.')).toBeInTheDocument();
    observer.disconnect();
    const firstToday = drawn.find((text) => !text.includes('Coorie is locked') && text.includes('Today'));
    expect(firstToday).toContain('1 urgent concern waits for a coordinator.');
  });

  it('can be unlocked by typing, without finding the field first', async () => {
    stubNoNetwork();
    await renderApp('/', { user: ALEX, lock: 'locked' });
    await screen.findByRole('heading', LOCKED);
    const user = userEvent.setup();
    await user.keyboard(`${TEST_PIN}{Enter}`);
    expect(await screen.findByRole('heading', TODAY)).toBeInTheDocument();
  });

  it('locks after five minutes with nobody using the tablet, but not while someone is', async () => {
    stubNoNetwork();
    // Only the clock and the interval that looks at it are under the test's hand; the database runs as ever.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    document.title = '';
    await renderApp('/', { user: ALEX });
    expect(await screen.findByRole('heading', TODAY)).toBeInTheDocument();
    // The heading is in the page as soon as its render is committed; the effects of that render (the idle watch
    // among them, and the page title) run a moment later, and on a busy machine the clock below must not move first.
    await waitFor(() => expect(document.title).toBe('Today — Coorie'));
    const tap = () => act(() => void window.dispatchEvent(new Event('pointerdown')));
    tap();
    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    tap();
    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    expect(screen.getByRole('heading', TODAY)).toBeInTheDocument();
    // Past the five minutes by more than one look at the clock (every 15 seconds), whenever that look falls.
    act(() => {
      vi.advanceTimersByTime(75_000);
    });
    // Locking is a database write and a render of the lock screen: longer than five seconds on a busy machine.
    expect(await screen.findByRole('heading', LOCKED, { timeout: 15_000 })).toBeInTheDocument();
    expectNothingBehind();
  });

  it('says how many tries are left after a few wrong PINs, and wipes the tablet at the tenth', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    await renderApp('/', { db, user: ALEX, lock: 'locked' });
    await screen.findByRole('heading', LOCKED);
    const user = userEvent.setup();
    // As a person would: the next PIN once the last one has been checked ("Checking…" is back to "Unlock").
    const tryPin = async (pin: string) => {
      const unlock = await screen.findByRole('button', { name: 'Unlock' });
      await user.type(screen.getByLabelText('PIN'), pin);
      await user.click(unlock);
    };
    await tryPin('1111');
    expect(await screen.findByText('That PIN is not right. Try again.')).toBeInTheDocument();
    expect(screen.getByLabelText('PIN')).toHaveValue('');
    await tryPin('2222');
    await tryPin('3333');
    expect(
      await screen.findByText('That PIN is not right. 7 tries left before Coorie wipes its data from this computer.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('PIN')).toHaveAccessibleDescription(expect.stringContaining('7 tries left'));

    await setMeta(db, 'pinFailures', 8);
    await tryPin('4444');
    expect(await screen.findByText(/1 try left before Coorie wipes its data from this computer/)).toBeInTheDocument();
    await tryPin('5555');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeInTheDocument();
    expect(
      await screen.findByText(/entered wrongly 10 times in a row, so Coorie wiped its data and signed out/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/You signed out/)).not.toBeInTheDocument();
    expect(await db.records('attendee').count()).toBe(0);
    expect(await getMeta(db, 'user')).toBeUndefined();
  });

  it('offers "Forgot PIN? Sign out", warning of the changes that would be lost, then wipes', async () => {
    stubNoNetwork();
    const db = freshDb();
    await renderApp('/', { db, user: ALEX, lock: 'locked' });
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    await saveRecord(db, 'attendee', 'a2', { displayName: 'Beth' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Forgot PIN? Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Forgot your PIN?' })).toBeInTheDocument();
    expect(
      await screen.findByText(/2 changes on this computer have not been synced yet and will be lost/),
    ).toBeInTheDocument();
    expectNothingBehind();

    await user.click(screen.getByRole('button', { name: 'Back to the lock' }));
    await user.click(await screen.findByRole('button', { name: 'Forgot PIN? Sign out' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out and wipe Coorie from this computer' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeInTheDocument();
    expect(await db.records('attendee').count()).toBe(0);
    expect(await getMeta(db, 'signedOut')).toMatchObject({ reason: 'signed-out-offline' });
  });

  it('lets sync carry on while it shows: a change saved before locking reaches the server', async () => {
    const calls = stubServer({
      'GET /api/me': () => json(200, { user: ALEX }),
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
    const db = freshDb();
    await renderApp('/', { db, user: ALEX, lock: 'locked', sync: createPageSync(db) });
    expect(await screen.findByRole('heading', LOCKED)).toBeInTheDocument();
    await waitFor(() => expect(calls.some((call) => call.route.startsWith('GET /api/sync/pull'))).toBe(true));

    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    expect(await db.outbox.count()).toBe(1);
    await waitFor(async () => expect(await db.outbox.count()).toBe(0), { timeout: 10_000 });
    const pushed = calls.find((call) => call.route === 'POST /api/sync/push')?.body as { changes: { id: string }[] };
    expect(pushed.changes.map((change) => change.id)).toEqual(['a1']);
    expect(screen.getByRole('heading', LOCKED)).toBeInTheDocument();
  });
});

describe('the lock in Settings', { timeout: 30_000 }, () => {
  it('locks at once on "Lock now"', async () => {
    stubNoNetwork();
    await renderApp('/settings', { user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Lock now' }));
    expect(await screen.findByRole('heading', LOCKED)).toBeInTheDocument();
    expectNothingBehind();
  });

  it('changes the PIN once the current one is given', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/settings', { user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Change PIN' }));
    await screen.findByRole('heading', { level: 1, name: 'Change PIN' });
    await user.type(screen.getByLabelText('Current PIN'), '1111');
    await user.type(screen.getByLabelText('New PIN'), '739215');
    await user.type(screen.getByLabelText('Type the new PIN again'), '739215');
    await user.click(screen.getByRole('button', { name: 'Change PIN' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Current PIN')).toHaveAccessibleDescription(
        'Error: That PIN is not right. Try again.',
      ),
    );
    expect(await getMeta(db, 'pinFailures')).toBe(1);

    await user.clear(screen.getByLabelText('Current PIN'));
    await user.type(screen.getByLabelText('Current PIN'), TEST_PIN);
    await user.click(screen.getByRole('button', { name: 'Change PIN' }));
    expect(await screen.findByText(/Your PIN has been changed/)).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Back to Settings' }));
    await user.click(await screen.findByRole('button', { name: 'Lock now' }));
    await screen.findByRole('heading', LOCKED);
    await user.keyboard('739215{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });
});
