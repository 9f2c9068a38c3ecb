import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMeta, type SignedInUser } from '../../src/db/meta.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { formatTime } from '../../src/app/format.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const ISLA: SignedInUser = { ...ALEX, id: 'u2', name: 'Isla Grant', email: 'isla@example.org', role: 'visitor' };

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

// The first screen of a file loads its lazy route chunk; on a busy machine that takes more than a second.

afterEach(() => {
  vi.unstubAllGlobals();
});

async function withPeople(db: CoorieDb = freshDb()) {
  await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag', locality: 'Buckie' });
  await saveRecord(db, 'attendee', 'a2', { displayName: 'Kirsty' });
  return db;
}

describe('scheduling a visit', { timeout: 20_000 }, () => {
  it('says what to fix as people type and when they try to save', async () => {
    stubNoNetwork();
    const db = await withPeople();
    await renderApp('/visits/new', { db, user: ISLA });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Schedule a visit' });

    await user.click(screen.getByRole('button', { name: 'Schedule visit' }));
    expect(screen.getByLabelText('Who is the visit with?')).toHaveAccessibleDescription(
      'Error: Choose who the visit is with.',
    );
    expect(screen.getByLabelText('Who is the visit with?')).toHaveFocus();
    expect(screen.getByText("Say where you'll be, so that someone can find you if you don't check out.")).toBeVisible();
    expect(screen.getByText('Enter the time the visit starts, like 14:30.')).toBeVisible();

    const minutes = screen.getByLabelText('Expected length in minutes');
    expect(minutes).toHaveValue(60);
    await user.clear(minutes);
    await user.type(minutes, '3');
    expect(screen.getByText('Enter a whole number of minutes from 5 to 600.')).toBeVisible();
    await user.type(minutes, '0');
    expect(screen.queryByText('Enter a whole number of minutes from 5 to 600.')).not.toBeInTheDocument();

    // A phone call has no place to find someone at.
    await user.click(screen.getByRole('radio', { name: '1-2-1 over the phone' }));
    expect(screen.queryByText(/Say where you'll be/)).not.toBeInTheDocument();
    expect(await db.records('visit').count()).toBe(0);
  });

  it('saves the visit for the supporter and opens it', async () => {
    stubNoNetwork();
    const db = await withPeople();
    await renderApp('/visits/new', { db, user: ISLA });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Who is the visit with?'), 'Morag (Buckie)');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '2026-11-24');
    await user.type(screen.getByLabelText(/Start time/), '14:30');
    await user.type(screen.getByLabelText(/Where/), 'Cluny Square, Buckie');
    await user.click(screen.getByRole('button', { name: 'Schedule visit' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Home visit with Morag' })).toBeInTheDocument();
    const [visit] = await db.records('visit').toArray();
    expect(visit).toMatchObject({
      attendeeId: 'a1',
      supporterId: 'u2',
      kind: 'home visit',
      at: '2026-11-24T14:30:00.000Z',
      where: 'Cluny Square, Buckie',
      expectedMinutes: 60,
      status: 'scheduled',
    });
    expect((await db.outbox.toArray()).filter((entry) => entry.id === visit?.id)).toHaveLength(1);
    expect(await db.drafts.count()).toBe(0);
  });

  it('keeps what was typed when the form is left by mistake', async () => {
    stubNoNetwork();
    const db = await withPeople();
    const first = await renderApp('/visits/new', { db, user: ISLA });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Where/), 'Forres');
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));
    first.unmount();

    await renderApp('/visits/new', { db });
    expect(await screen.findByText('Your unsaved changes are back.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Where/)).toHaveValue('Forres');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(screen.getByLabelText(/Where/)).toHaveValue('');
  });
});

describe('the lone-worker check-in', { timeout: 20_000 }, () => {
  it('takes back an arrival tapped by mistake, so no alert can come of it, and syncs it as a change', async () => {
    stubNoNetwork();
    const db = await withPeople();
    await saveRecord(db, 'visit', 'v1', {
      attendeeId: 'a1',
      supporterId: 'u2',
      at: new Date(Date.now() + 3 * 60 * 60_000).toISOString(),
      kind: 'home visit',
      expectedMinutes: 45,
      status: 'scheduled',
    });
    await renderApp('/visits/v1', { db, user: ISLA });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'I’ve arrived' }));
    await user.click(await screen.findByRole('button', { name: 'Not arrived yet: undo “I’ve arrived”' }));

    expect(await screen.findByRole('button', { name: 'I’ve arrived' })).toBeInTheDocument();
    expect(screen.queryByText(/^Arrived at/)).not.toBeInTheDocument();
    expect(await getRecord(db, 'visit', 'v1')).toMatchObject({ arrivedAt: null, status: 'scheduled' });
    const queued = await db.outbox.toArray();
    expect(queued.at(-1)?.values).toEqual({ arrivedAt: null, status: 'scheduled' });
  });

  it('marks arrival, shows the expected finish, then marks the supporter safe', async () => {
    stubNoNetwork();
    const db = await withPeople();
    const at = new Date().toISOString();
    await saveRecord(db, 'visit', 'v1', {
      attendeeId: 'a1',
      supporterId: 'u2',
      at,
      kind: 'home visit',
      where: 'Buckie',
      expectedMinutes: 45,
      status: 'scheduled',
    });
    await renderApp('/visits/v1', { db, user: ISLA });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'I’ve arrived' }));

    const arrived = await screen.findByText(/^Arrived at/);
    const visit = await getRecord(db, 'visit', 'v1');
    expect(visit).toMatchObject({ status: 'in progress' });
    const arrivedAt = new Date(String(visit?.arrivedAt));
    expect(arrived).toHaveTextContent(
      `Arrived at ${formatTime(arrivedAt)}. Expected to finish by ${formatTime(arrivedAt.getTime() + 45 * 60_000)}.`,
    );

    await user.click(screen.getByRole('button', { name: 'Staying longer: add 15 minutes' }));
    await waitFor(async () => expect((await getRecord(db, 'visit', 'v1'))?.expectedMinutes).toBe(60));

    await user.click(screen.getByRole('button', { name: 'I’ve left safely' }));
    expect(await screen.findByText(/^Left safely at \d\d:\d\d\.$/)).toBeInTheDocument();
    expect(await getRecord(db, 'visit', 'v1')).toMatchObject({ status: 'done', leftAt: expect.any(String) });
    expect(screen.queryByRole('button', { name: 'I’ve left safely' })).not.toBeInTheDocument();
  });

  it('puts an overdue visit in an alert that says how late it is', async () => {
    stubNoNetwork();
    const db = await withPeople();
    await saveRecord(db, 'visit', 'v1', {
      attendeeId: 'a1',
      supporterId: 'u2',
      at: minutesAgo(85),
      arrivedAt: minutesAgo(80),
      kind: 'home visit',
      expectedMinutes: 60,
      status: 'in progress',
    });
    await renderApp('/visits/v1', { db, user: ISLA });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Not yet marked safe — 20 minutes past the expected finish \(\d\d:\d\d\)/,
    );
  });

  it('is not overdue within the 15 minutes of grace', async () => {
    stubNoNetwork();
    const db = await withPeople();
    await saveRecord(db, 'visit', 'v1', {
      attendeeId: 'a1',
      supporterId: 'u2',
      at: minutesAgo(75),
      arrivedAt: minutesAgo(70),
      kind: 'home visit',
      expectedMinutes: 60,
      status: 'in progress',
    });
    await renderApp('/visits/v1', { db, user: ISLA });
    expect(await screen.findByRole('button', { name: 'I’ve left safely' })).toBeInTheDocument();
    expect(screen.queryByText(/Not yet marked safe/)).not.toBeInTheDocument();
  });

  it("counts the organisation's own grace period, on the visit page and in the list", async () => {
    stubNoNetwork();
    const db = await withPeople();
    await setMeta(db, 'alertPeriods', { urgentRepeatMinutes: 15, visitGraceMinutes: 45, teamAlertMinutes: 15 });
    await saveRecord(db, 'visit', 'v1', {
      attendeeId: 'a1',
      supporterId: 'u2',
      at: minutesAgo(100),
      arrivedAt: minutesAgo(100),
      kind: 'home visit',
      expectedMinutes: 60,
      status: 'in progress',
    });
    await renderApp('/visits/v1', { db, user: ISLA });
    expect(await screen.findByRole('button', { name: 'I’ve left safely' })).toBeInTheDocument();
    expect(screen.queryByText(/Not yet marked safe/)).not.toBeInTheDocument();
    cleanup();

    await setMeta(db, 'alertPeriods', { urgentRepeatMinutes: 15, visitGraceMinutes: 30, teamAlertMinutes: 15 });
    await renderApp('/visits', { db, user: ALEX });
    const overdue = await screen.findByRole('list', { name: /Not yet marked safe/ });
    expect(within(overdue).getByRole('link', { name: /Home visit with Morag/ })).toHaveTextContent(
      'Not yet marked safe — 40 minutes past',
    );
  });
});

describe('the visits list', { timeout: 20_000 }, () => {
  async function team() {
    const db = await withPeople();
    await saveRecord(db, 'visit', 'late', {
      attendeeId: 'a1',
      supporterId: 'u9',
      at: minutesAgo(100),
      arrivedAt: minutesAgo(95),
      kind: 'home visit',
      expectedMinutes: 60,
      status: 'in progress',
    });
    await saveRecord(db, 'visit', 'soon', {
      attendeeId: 'a2',
      supporterId: 'u2',
      at: new Date(Date.now() + 86_400_000).toISOString(),
      kind: 'phone',
      status: 'scheduled',
    });
    return db;
  }

  it('shows coordinators everyone’s overdue visits first, standing out', async () => {
    stubNoNetwork();
    const db = await team();
    await renderApp('/visits', { db, user: ALEX });
    const overdue = await screen.findByRole('list', { name: /Not yet marked safe/ });
    expect(within(overdue).getByRole('link', { name: /Home visit with Morag/ })).toHaveTextContent(
      'Not yet marked safe — 35 minutes past',
    );
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['Not yet marked safe (1)', 'Coming up (1)']);
  });

  it('says plainly when a visit is not on this tablet, with a way back', async () => {
    stubNoNetwork();
    const db = await team();
    await renderApp('/visits/gone', { db, user: ALEX });
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit not found' })).toBeInTheDocument();
    expect(screen.getByText('It may have been cancelled on another device.', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to visits' })).toHaveAttribute('href', '/visits');
  });

  it('links coordinators, and only them, to a visit’s history on the server', async () => {
    stubNoNetwork();
    const db = await team();
    await renderApp('/visits/soon', { db, user: ALEX });
    expect(await screen.findByRole('link', { name: 'History of this visit' })).toHaveAttribute(
      'href',
      '/records/visit/soon/history',
    );
    cleanup();
    await renderApp('/visits/soon', { db, user: ISLA });
    // "You" shows once the signed-in supporter is known, as the coordinator's link would.
    expect(await screen.findByText('You')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'History of this visit' })).not.toBeInTheDocument();
  });

  it('shows a home-visit supporter their own visits first', async () => {
    stubNoNetwork();
    const db = await team();
    await renderApp('/visits', { db, user: ISLA });
    await screen.findByRole('list', { name: /Your visits coming up/ });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['Your visits coming up (1)', 'Team visits (1)']);
    expect(screen.getByRole('link', { name: /1-2-1 over the phone with Kirsty/ })).toHaveAttribute(
      'href',
      '/visits/soon',
    );
  });
});
