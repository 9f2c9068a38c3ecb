// Issue 12, item 4, people you can call: a coordinator records work phones in Team, and the escalation screen
// and the visit page offer "Call <name>" for them, with no signal too. Against the real server.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setMeta, type SignedInUser, type TeamContact } from '../../src/db/meta.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { formatTime } from '../../src/app/format.ts';
import { startTestServer, type TestServer } from '../engine/harness.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';
import { coordinatorOf, memberOf } from './teamServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function setPhone(browser: { fetch: typeof fetch }, id: string, workPhone: string) {
  const answer = await browser.fetch(`/api/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workPhone }),
  });
  expect(answer.status).toBe(200);
}

describe('work phones', { timeout: 30_000 }, () => {
  it('lets a coordinator record a work phone in Team, refusing what is not a UK number', async () => {
    const coordinator = await coordinatorOf(server.url);
    const isla = await memberOf(coordinator.browser, { name: 'Isla Grant', role: 'visitor', device: 'Phone' });
    coordinator.browser.use();
    await renderApp('/settings/team', { user: coordinator.user });
    const list = await screen.findByRole('list', { name: 'Team members' });
    const row = within(list)
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes('Isla Grant'));
    if (!row) throw new Error('no Isla');
    expect(row).toHaveTextContent('No work phone');
    await userEvent.click(within(row).getByRole('button', { name: 'Work phone for Isla Grant' }));
    const field = within(row).getByLabelText('Isla Grant’s work phone (optional)');
    await userEvent.type(field, '999');
    await userEvent.click(within(row).getByRole('button', { name: 'Save the work phone' }));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Enter a UK phone number'));
    await userEvent.clear(field);
    await userEvent.type(field, '07700 900123');
    await userEvent.click(within(row).getByRole('button', { name: 'Save the work phone' }));
    expect(await screen.findByText('Isla Grant’s work phone is saved.')).toBeInTheDocument();
    const team = (await (await coordinator.browser.fetch('/api/users')).json()) as {
      users: { id: string; workPhone: string | null }[];
    };
    expect(team.users.find((user) => user.id === isla.user.id)?.workPhone).toBe('+447700900123');
    expect(await screen.findByText('Work phone 07700 900123')).toBeInTheDocument();
  });

  it('offers "Call <name>" for each coordinator on the escalation screen, and keeps them for no signal', async () => {
    const coordinator = await coordinatorOf(server.url);
    await setPhone(coordinator.browser, coordinator.user.id, '07700 900456');
    const second = await memberOf(coordinator.browser, { name: 'Zara Bain', role: 'coordinator', device: 'Laptop' });
    const isla = await memberOf(coordinator.browser, { name: 'Isla Grant', role: 'visitor', device: 'Phone' });
    isla.browser.use();
    const db = freshDb();
    const first = await renderApp('/notes/escalation', { db, user: isla.user });
    const call = await screen.findByRole('link', { name: /Call Alex Morrison/ });
    expect(call).toHaveAttribute('href', 'tel:+447700900456');
    expect(screen.getByText(`No work phone recorded for ${second.user.name}`, { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Call Isla/ })).not.toBeInTheDocument();
    first.unmount();

    isla.browser.offline = true;
    await renderApp('/notes/escalation', { db, user: isla.user });
    expect(await screen.findByRole('link', { name: /Call Alex Morrison/ })).toHaveAttribute(
      'href',
      'tel:+447700900456',
    );
  });

  it('names the supporter of a visit and their number on the visit page, with a call button when overdue', async () => {
    const coordinator = await coordinatorOf(server.url);
    const isla = await memberOf(coordinator.browser, { name: 'Isla Grant', role: 'visitor', device: 'Phone' });
    await setPhone(coordinator.browser, isla.user.id, '07700 900123');
    coordinator.browser.use();
    const db = freshDb();
    await setMeta(db, 'contacts', []);
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    await saveRecord(db, 'visit', 'v1', {
      attendeeId: 'a1',
      supporterId: isla.user.id,
      at: ago(100),
      arrivedAt: ago(95),
      kind: 'home visit',
      expectedMinutes: 60,
      status: 'in progress',
    });
    await renderApp('/visits/v1', { db, user: coordinator.user });
    expect(await screen.findByText('Isla Grant: 07700 900123')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Ring Isla Grant now');
    expect(within(alert).getByRole('link', { name: /Call Isla Grant/ })).toHaveAttribute('href', 'tel:+447700900123');
  });
});

const ISLA: SignedInUser = { ...ALEX, id: 'u2', name: 'Isla Grant', email: 'isla@example.org', role: 'visitor' };
const TEAM: TeamContact[] = [
  { id: ALEX.id, name: 'Alex Morrison', role: 'coordinator', workPhone: '+447700900456' },
  { id: 'u3', name: 'Zara Bain', role: 'coordinator', workPhone: null },
  { id: 'u4', name: 'Fiona Ross', role: 'facilitator', workPhone: '+447700900789' },
  { id: 'u2', name: 'Isla Grant', role: 'visitor', workPhone: '+447700900123' },
];

describe('a visit’s buddy', { timeout: 30_000 }, () => {
  it('is the first coordinator unless another colleague is chosen in the visit form', async () => {
    stubNoNetwork();
    const db = freshDb();
    await setMeta(db, 'contacts', TEAM);
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    const first = await renderApp('/visits/new', { db, user: ISLA });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Who is the visit with?'), 'Morag');
    const buddy = screen.getByLabelText('Buddy');
    expect(
      within(buddy)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Alex Morrison (coordinator)', 'Alex Morrison (coordinator)', 'Zara Bain (coordinator)', 'Fiona Ross']);
    await user.type(screen.getByLabelText(/Start time/), '14:30');
    await user.type(screen.getByLabelText(/Where/), 'Buckie');
    await user.click(screen.getByRole('button', { name: 'Schedule visit' }));
    await screen.findByRole('heading', { level: 1, name: 'Home visit with Morag' });
    const [booked] = await db.records('visit').toArray();
    expect(booked).toMatchObject({ supporterId: 'u2', buddyId: ALEX.id });
    expect(await screen.findByText('Alex Morrison: 07700 900456')).toBeInTheDocument();
    first.unmount();

    await renderApp(`/visits/${String(booked?.id)}/edit`, { db, user: ISLA });
    await user.selectOptions(await screen.findByLabelText('Buddy'), 'Fiona Ross');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Fiona Ross: 07700 900789');
    expect(await getRecord(db, 'visit', String(booked?.id))).toMatchObject({ buddyId: 'u4' });
  });

  it('gets the no-signal text, with the time the visitor expects to leave', async () => {
    stubNoNetwork();
    const db = freshDb();
    await setMeta(db, 'contacts', TEAM);
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    await saveRecord(db, 'visit', 'v1', {
      attendeeId: 'a1',
      supporterId: 'u2',
      buddyId: 'u4',
      at: new Date().toISOString(),
      kind: 'home visit',
      where: 'Buckie',
      expectedMinutes: 45,
      status: 'scheduled',
    });
    await db.outbox.clear();
    await renderApp('/visits/v1', { db, user: ISLA });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'I’ve arrived' }));
    const link = await screen.findByRole('link', { name: 'Text Fiona Ross when you expect to leave' });
    const arrivedAt = Date.parse(String((await getRecord(db, 'visit', 'v1'))?.arrivedAt));
    expect(link.getAttribute('href')).toBe(
      `sms:+447700900789?&body=${encodeURIComponent(
        `I'm on a home visit and expect to leave by ${formatTime(arrivedAt + 45 * 60_000)}. I have no signal for Coorie.`,
      )}`,
    );
  });
});

describe('a visit past its start with no arrival', { timeout: 30_000 }, () => {
  it('shows coordinators “Not started or not synced”, and not the supporter, nor before the start', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    await saveRecord(db, 'attendee', 'a2', { displayName: 'Kirsty' });
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    await saveRecord(db, 'visit', 'late', { attendeeId: 'a1', supporterId: 'u2', at: at(-20), status: 'scheduled' });
    await saveRecord(db, 'visit', 'soon', { attendeeId: 'a2', supporterId: 'u2', at: at(60), status: 'scheduled' });
    const first = await renderApp('/visits', { db, user: ALEX });
    expect(await screen.findByRole('link', { name: /with Morag/ })).toHaveTextContent('Not started or not synced');
    expect(screen.getByRole('link', { name: /with Kirsty/ })).toHaveTextContent('Booked');
    first.unmount();
    await renderApp('/visits', { db, user: ISLA });
    expect(await screen.findByRole('link', { name: /with Morag/ })).not.toHaveTextContent('Not started or not synced');
  });
});
