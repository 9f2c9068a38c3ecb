// Settings → Data retention and Audit log, and a record's History, against the real server in this process.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRecord } from '../../src/db/records.ts';
import { syncOnce } from '../../src/engine/client.ts';
import { addMember, change, hlc, PASSWORD, setUpOrganisation, uniqueEmail, Client } from '../server/client.ts';
import { databases, useServer } from '../server/helpers.ts';
import { push } from '../server/people.ts';
import { freshDb, renderApp } from './helpers.tsx';
import { realSync, routeFetchTo, whoIs } from './privacy-server.ts';

vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 10_000 };
// 09:30 UTC in summer is 10:30 in London.
const SUMMER = new Date('2026-07-01T09:30:00Z');

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const server = useServer(databases()[0] ?? { name: 'sqlite' });

describe('data retention', () => {
  it('sets the period, says what to fix, previews who is due and erases them only on confirmation', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, [
      change('attendee', 'a1', { displayName: 'Kirsty' }),
      change('attendee', 'a2', { displayName: 'Eilidh' }),
      change('attendee', 'a3', { displayName: 'Morven' }),
      change('note', 'n1', { attendeeId: 'a1', body: 'Doing well.' }),
    ]);
    // Kirsty and Morven were last heard of two years ago; Eilidh came to a group today.
    await server.store.db.updateTable('records').set({ updated_at: '2024-03-05T15:00:00.000Z' }).execute();
    await push(coordinator, [change('checkIn', 's1:a2', { sessionId: 's1', attendeeId: 'a2' })]);
    routeFetchTo(coordinator);
    const db = freshDb();
    await syncOnce({ db });
    const sync = realSync(db);
    await renderApp('/settings', { db, user: await whoIs(coordinator), sync });
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Data protection' }, SLOW);
    await user.click(within(section).getByRole('link', { name: 'Data retention' }));
    expect(await screen.findByText('No retention period is set, so nobody is due.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Keep them until a coordinator erases them' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'List them for erasure after a number of months' }));
    const months = screen.getByRole('spinbutton', { name: 'Months with no activity' });
    await user.type(months, '3');
    await user.click(screen.getByRole('button', { name: 'Save the retention period' }));
    expect(months).toHaveAccessibleDescription(
      'From 6 to 120. Many groups choose 24. Error: Enter a whole number of months from 6 to 120.',
    );
    expect(months).toHaveFocus();
    expect((await coordinator.get('/api/retention/preview')).body.months).toBeNull();

    await user.clear(months);
    await user.type(months, '12');
    await user.click(screen.getByRole('button', { name: 'Save the retention period' }));
    expect(await screen.findByText('Saved: 12 months.', {}, SLOW)).toBeInTheDocument();
    const due = await screen.findByRole('table', {}, SLOW);
    const rows = within(due).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['KirstyTue 5 Mar 2024, 15:00', 'MorvenTue 5 Mar 2024, 15:00']);

    await user.click(screen.getByRole('button', { name: 'Erase these 2 people…' }));
    expect(
      screen.getByText(
        /Erase 2 people and every check-in, text or call, note, visit, booking, referral and research answer kept with them\?/,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Keep them' }));
    expect((await coordinator.get('/api/retention/preview')).body.people).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Erase these 2 people…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, erase 2 people' }));
    expect(await screen.findByText(/2 people have been erased\./, {}, SLOW)).toBeInTheDocument();
    expect(await screen.findByText('Nobody has gone 12 months without activity.', {}, SLOW)).toBeInTheDocument();
    await sync.done();
    await waitFor(async () => expect(await getRecord(db, 'attendee', 'a1')).toBeUndefined());
    expect(await getRecord(db, 'note', 'n1')).toBeUndefined();
    expect(await getRecord(db, 'attendee', 'a2')).toMatchObject({ displayName: 'Eilidh' });
  });

  it('is not offered to facilitators, and turns them away', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const facilitator = await addMember(coordinator, 'facilitator', 'Fiona');
    routeFetchTo(facilitator);
    const { router } = await renderApp('/settings', { user: await whoIs(facilitator) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Data protection' })).not.toBeInTheDocument();
    for (const [path, title] of [
      ['/settings/retention', 'Data retention'],
      ['/settings/audit', 'Audit log'],
    ] as const) {
      await router.navigate(path);
      const heading = await screen.findByRole('heading', { level: 1, name: title }, SLOW);
      expect(heading.parentElement).toHaveTextContent(/Only a coordinator can do this/);
    }
  });
});

describe('the audit log', () => {
  it('lists who did what and when in UK time, in words, newest first, with older entries on request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const minute = (n: number) => vi.setSystemTime(SUMMER.getTime() + n * 60_000);
    minute(0);
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, [change('attendee', 'a1', { displayName: 'Kirsty' })]);
    minute(1);
    await coordinator.get('/api/people/a1/export');
    minute(2);
    const email = uniqueEmail('isla');
    await coordinator.post('/api/users', { name: 'Isla', email, role: 'visitor', password: PASSWORD });
    minute(3);
    await new Client(server.app).post('/api/auth/sign-in', { email, password: 'not her password', device: 'Phone' });
    routeFetchTo(coordinator);
    const db = freshDb();
    await syncOnce({ db });
    await renderApp('/settings/audit', { db, user: await whoIs(coordinator) });

    const table = await screen.findByRole('table', {}, SLOW);
    // The name of a person comes from this tablet's own records.
    expect(await within(table).findByRole('link', { name: 'Kirsty' }, SLOW)).toHaveAttribute('href', '/people/a1');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Wed 1 Jul 2026, 10:33', 'Isla', 'Failed sign-in', '', `As ${email}: wrong password`],
      [
        'Wed 1 Jul 2026, 10:32',
        'Ailsa',
        'Added a team member',
        'A team member’s account',
        'As home-visit peer supporter',
      ],
      ['Wed 1 Jul 2026, 10:31', 'Ailsa', 'Exported everything about a person', 'Kirsty', ''],
    ]);
    expect(screen.queryByRole('button', { name: 'Show older entries' })).not.toBeInTheDocument();
  });

  it('shows fifty at a time', async () => {
    const coordinator = await setUpOrganisation(server.app);
    for (let round = 0; round < 26; round++) {
      await coordinator.call('PUT', '/api/organisation/retention', { months: 12 });
      await coordinator.call('PUT', '/api/organisation/retention', { months: null });
    }
    routeFetchTo(coordinator);
    await renderApp('/settings/audit', { user: await whoIs(coordinator) });
    const table = await screen.findByRole('table', {}, SLOW);
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(within(table).getAllByText('Changed the retention period')).toHaveLength(50);
    const all = (await coordinator.get('/api/audit?limit=1000')).body.entries.length;
    expect(all).toBeGreaterThan(51);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show older entries' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(all + 1));
    expect(screen.queryByRole('button', { name: 'Show older entries' })).not.toBeInTheDocument();
  });
});

describe('a record’s history', () => {
  it('shows a coordinator who changed which details of a person, and when', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SUMMER);
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Morag');
    await push(visitor, [change('attendee', 'a1', { displayName: 'Kirsty', createdAt: SUMMER.toISOString() })]);
    const { users } = (await coordinator.get('/api/users')).body as { users: { name: string; email: string }[] };
    vi.setSystemTime(new Date('2026-12-01T09:30:00Z'));
    // Five months on her sign-in has ended (a session lasts at most 90 days), so she signs in again.
    const ailsa = users.find((user) => user.name === 'Ailsa');
    const signedIn = await coordinator.post('/api/auth/sign-in', {
      email: ailsa?.email,
      password: PASSWORD,
      device: 'Office laptop',
    });
    expect(signedIn.status).toBe(200);
    await push(coordinator, [
      change(
        'attendee',
        'a1',
        {
          cake: 'scone',
          contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
        },
        hlc(),
      ),
    ]);
    routeFetchTo(coordinator);
    const db = freshDb();
    await syncOnce({ db });
    await renderApp('/people/a1', { db, user: await whoIs(coordinator) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'History of Kirsty’s record' }, SLOW));

    expect(await screen.findByRole('heading', { level: 1, name: 'History of Kirsty’s record' }, SLOW));
    const table = await screen.findByRole('table', {}, SLOW);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Wed 1 Jul 2026, 10:30', 'Morag', 'Created: name and created'],
      // Winter: 09:30 UTC is 09:30 in London.
      ['Tue 1 Dec 2026, 09:30', 'Ailsa', 'Changed cake and contact details'],
    ]);
    // The values themselves (a phone number here) stay on their own screens.
    expect(screen.queryByText(/07700/)).not.toBeInTheDocument();
  });
});
