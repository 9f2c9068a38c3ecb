import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { setMeta, type SignedInUser } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// The machine running the tests may be busy: wait longer than the default second for the device database.
const WAIT = { timeout: 5000 };

// Tuesday 24 November 2026, 11:00 in Scotland.
const NOW = new Date('2026-11-24T11:00:00.000Z');
const FIONA: SignedInUser = { ...ALEX, id: 'u2', name: 'Fiona', email: 'fiona@example.org', role: 'facilitator' };

beforeEach(() => {
  // Only the clock is fixed: IndexedDB and React keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  stubNoNetwork();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function seed(db: CoorieDb) {
  const by = (userId: string) => ({ userId });
  await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
  await saveRecord(db, 'attendee', 'ailsa', { displayName: 'Ailsa' });
  await saveRecord(db, 'session', 's-today', { title: 'Bumps and babies', startsAt: '2026-11-24T10:00:00.000Z' });
  await saveRecord(db, 'session', 's-thu', { title: 'Buckie drop-in', startsAt: '2026-11-26T13:30:00.000Z' });
  await saveRecord(db, 'session', 's-next', { title: 'Next week', startsAt: '2026-12-01T10:00:00.000Z' });
  await saveRecord(
    db,
    'note',
    'n-late',
    {
      attendeeId: 'morag',
      body: 'x',
      followUp: 'Ring about the health visitor',
      followUpDue: '2026-11-20',
    },
    by('u2'),
  );
  await saveRecord(
    db,
    'note',
    'n-today',
    {
      attendeeId: 'ailsa',
      body: 'x',
      followUp: 'Send the buggy walk times',
      followUpDue: '2026-11-24',
    },
    by('u1'),
  );
  await saveRecord(db, 'note', 'n-later', { attendeeId: 'ailsa', body: 'x', followUpDue: '2026-11-30' }, by('u2'));
  await saveRecord(db, 'note', 'n-urgent', { attendeeId: 'morag', body: 'x', concern: 'urgent' }, by('u2'));
  await saveRecord(
    db,
    'visit',
    'v-over',
    {
      attendeeId: 'morag',
      supporterId: 'u2',
      at: '2026-11-24T08:00:00.000Z',
      arrivedAt: '2026-11-24T08:00:00.000Z',
      expectedMinutes: 60,
    },
    by('u2'),
  );
  await saveRecord(
    db,
    'visit',
    'v-now',
    {
      attendeeId: 'ailsa',
      supporterId: 'u1',
      at: '2026-11-24T10:30:00.000Z',
      arrivedAt: '2026-11-24T10:30:00.000Z',
      expectedMinutes: 60,
    },
    by('u1'),
  );
}

async function openToday(user: SignedInUser) {
  const db = freshDb();
  await seed(db);
  const view = await renderApp('/', { db, user });
  await screen.findByRole('heading', { level: 2, name: 'Sessions today' });
  return view;
}

const region = (name: string) => screen.getByRole('region', { name });

describe('Today', { timeout: 30_000 }, () => {
  it("shows today's and this week's sessions, each one tap from its check-in", async () => {
    await openToday(ALEX);
    expect(screen.getByText('Tuesday 24 November')).toBeInTheDocument();
    const today = region('Sessions today');
    expect(within(today).getByRole('link', { name: 'Bumps and babies' })).toHaveAttribute('href', '/sessions/s-today');
    expect(within(today).getByRole('link', { name: 'Check in at Bumps and babies' })).toHaveAttribute(
      'href',
      '/sessions/s-today/check-in',
    );
    const week = region('Later this week');
    expect(within(week).getByText('Thu 26 Nov, 13:30')).toBeInTheDocument();
    // Check-in is offered around a session's time, not days before it.
    expect(within(week).queryByRole('link', { name: /Check in/ })).not.toBeInTheDocument();
    expect(screen.queryByText('Next week')).not.toBeInTheDocument();
  });

  it("stops offering the morning's check-in in the evening: finished, with attendance still recordable", async () => {
    vi.setSystemTime(new Date('2026-11-24T21:30:00.000Z'));
    await openToday(ALEX);
    const today = region('Sessions today');
    expect(within(today).queryByRole('link', { name: 'Check in at Bumps and babies' })).not.toBeInTheDocument();
    expect(within(today).getByText('Finished')).toBeInTheDocument();
    expect(within(today).getByRole('link', { name: 'Record attendance late at Bumps and babies' })).toHaveAttribute(
      'href',
      '/sessions/s-today/check-in',
    );
  });

  it('makes an overdue visit stand out for a coordinator, with visits in progress below', async () => {
    await openToday(ALEX);
    const alert = screen.getByRole('alert', { name: 'Not heard back: visits overdue' });
    expect(within(alert).getByRole('link', { name: 'Visit to Morag' })).toHaveAttribute('href', '/visits/v-over');
    expect(within(alert).getByText('Arrived 08:00, expected to leave by 09:00')).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Open visit to Morag' })).toBeInTheDocument();
    expect(within(region('Visits')).getByText('In progress: arrived 10:30, back by 11:30')).toBeInTheDocument();
  });

  it('lists follow-ups due, the overdue ones marked, and lets them be marked done', async () => {
    const { db } = await openToday(ALEX);
    const followUps = region('Follow-ups due');
    const items = within(followUps).getAllByRole('listitem');
    expect(items.map((item) => within(item).getAllByRole('link')[0]?.textContent)).toEqual(['Morag', 'Ailsa']);
    expect(within(items[0]!).getByText('Overdue: was due Fri 20 Nov')).toBeInTheDocument();
    expect(within(items[1]!).getByText('Due today')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('link', { name: 'Morag' })).toHaveAttribute('href', '/people/morag');

    await userEvent.setup().click(within(followUps).getByRole('button', { name: 'Done with Ailsa’s follow-up' }));
    await vi.waitFor(() => expect(within(region('Follow-ups due')).queryByText('Ailsa')).not.toBeInTheDocument(), WAIT);
    expect((await db.records('note').get('n-today'))?.followUpDone).toBe(true);
  });

  it('shows the ten most overdue follow-ups of a busy fortnight, and all of them on a tap', async () => {
    const db = freshDb();
    await seed(db);
    // Eleven more, due on 1 to 11 November: with the two seeded, thirteen are due.
    for (let day = 1; day <= 11; day++) {
      const due = `2026-11-${String(day).padStart(2, '0')}`;
      await saveRecord(db, 'note', `n-${day}`, { attendeeId: 'morag', body: 'x', followUpDue: due }, { userId: 'u1' });
    }
    await renderApp('/', { db, user: ALEX });
    await screen.findByRole('heading', { level: 2, name: 'Sessions today' });
    const followUps = region('Follow-ups due');
    const dueLines = () =>
      within(followUps)
        .getAllByRole('listitem')
        .map((item) => within(item).getByText(/due /i).textContent);
    expect(dueLines()).toHaveLength(10);
    expect(dueLines()[0]).toBe('Overdue: was due Sun 1 Nov');
    expect(dueLines()[9]).toBe('Overdue: was due Tue 10 Nov');

    const user = userEvent.setup();
    const more = within(followUps).getByRole('button', { name: 'Show all 13 follow-ups' });
    await user.click(more);
    expect(dueLines()).toHaveLength(13);
    expect(dueLines().at(-1)).toBe('Due today');
    // The same button, where the finger and the focus still are, goes back to the first ten.
    expect(more).toHaveFocus();
    await user.click(within(followUps).getByRole('button', { name: 'Show the first 10' }));
    expect(dueLines()).toHaveLength(10);
  });

  it('lets a coordinator pick up a concern nobody has, and it leaves the list', async () => {
    const { db } = await openToday(ALEX);
    const concerns = region('Concerns nobody has picked up');
    // The room may see this screen: how many, not who, until a tap.
    expect(within(concerns).getByText('1 urgent concern waits for a coordinator.')).toBeVisible();
    expect(within(concerns).getByText('Morag')).not.toBeVisible();
    const user = userEvent.setup();
    await user.click(within(concerns).getByText('Show who'));
    expect(within(concerns).getByText('Urgent')).toBeVisible();
    await user.click(within(concerns).getByRole('button', { name: 'I’ll pick this up for Morag' }));
    expect(await within(concerns).findByText('No concerns waiting for a coordinator.')).toBeInTheDocument();
    expect((await db.records('note').get('n-urgent'))?.concernPickedUpBy).toBe('Alex Morrison');
    expect(within(concerns).getByText('Picked up lately: Alex Morrison')).toBeInTheDocument();
  });

  it('shows a facilitator only their own follow-ups and visits, and no concerns list', async () => {
    await openToday(FIONA);
    expect(
      within(region('Follow-ups due'))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Morag']);
    expect(screen.getByRole('alert', { name: 'Not heard back: visits overdue' })).toHaveTextContent('Your visit.');
    expect(screen.queryByRole('region', { name: 'Visits' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Concerns nobody has picked up' })).not.toBeInTheDocument();
  });

  it('says so kindly when there is nothing on', async () => {
    await renderApp('/', { user: ALEX });
    expect(await screen.findByText('Nothing planned for today.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find a local service or helpline' })).toHaveAttribute(
      'href',
      '/signposting',
    );
  });

  it('does not say nothing is planned above a referral whose follow-up is due', async () => {
    const db = freshDb();
    await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
    await saveRecord(
      db,
      'referral',
      'r-due',
      { attendeeId: 'morag', toName: 'Moray Wellbeing Hub', madeAt: '2026-11-10T10:00:00Z', followUpDue: '2026-11-24' },
      { userId: ALEX.id },
    );
    await renderApp('/', { db, user: ALEX });
    expect(await screen.findByRole('heading', { name: 'Did they get there?' }, WAIT)).toBeInTheDocument();
    expect(screen.queryByText('Nothing planned for today.')).not.toBeInTheDocument();
  });

  it('does not say nothing is planned above a coordinator’s volunteer renewals, only where none are shown', async () => {
    const db = freshDb();
    await setMeta(db, 'contacts', [{ id: 'u3', name: 'Isla Grant', role: 'visitor', workPhone: null }]);
    await saveRecord(db, 'pvg', 'pvg:u3', { memberId: 'u3', status: 'lapsed' });
    const { unmount } = await renderApp('/', { db, user: ALEX });
    expect(await screen.findByRole('heading', { name: 'Due for volunteers' }, WAIT)).toBeInTheDocument();
    expect(screen.queryByText('Nothing planned for today.')).not.toBeInTheDocument();
    unmount();

    // A facilitator is not shown the team's renewals: for them the day is still empty.
    await renderApp('/', { db, user: FIONA });
    expect(await screen.findByText('Nothing planned for today.', undefined, WAIT)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Due for volunteers' })).not.toBeInTheDocument();
  });

  it('updates at once when a session is added', async () => {
    const { db } = await openToday(ALEX);
    await saveRecord(db, 'session', 's-late', { title: 'Evening group', startsAt: '2026-11-24T18:00:00.000Z' });
    expect(await within(region('Sessions today')).findByRole('link', { name: 'Evening group' })).toBeInTheDocument();
  });
});
