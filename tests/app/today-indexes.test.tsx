// Today and Visits with a year behind them: what the screens read comes through indexes that hold only what
// they may show (follow-ups still to do, concerns, visits under way or unfinished), so old notes and visits cost
// them nothing; and a device whose database was made before those indexes existed gets them on opening.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoorieDb } from '../../src/db/database.ts';
import { setMeta } from '../../src/db/meta.ts';
import { rowToRecord, saveRecord } from '../../src/db/records.ts';
import { readToday } from '../../src/db/today.ts';
import { KIND_INDEXES, KIND_NAMES } from '../../src/domain/indexes.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const WAIT = { timeout: 5000 };
// Tuesday 24 November 2026, 11:00 in Scotland.
const NOW = new Date('2026-11-24T11:00:00.000Z');
const TODAY = '2026-11-24';
const DAY = 86_400_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  stubNoNetwork();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** A year of history, none of which Today should show: done follow-ups, old picked-up concerns, finished visits. */
async function seedYear(db: CoorieDb) {
  await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
  await saveRecord(db, 'attendee', 'ailsa', { displayName: 'Ailsa' });
  for (let day = 20; day < 365; day += 3) {
    const at = daysAgo(day);
    await saveRecord(db, 'note', `done-${day}`, {
      attendeeId: 'morag',
      body: 'A long chat about sleep.',
      followUp: 'Ring back',
      followUpDue: at.slice(0, 10),
      followUpDone: true,
      createdAt: at,
    });
    await saveRecord(db, 'note', `plain-${day}`, { attendeeId: 'ailsa', body: 'Came with her sister.', createdAt: at });
    await saveRecord(db, 'note', `old-concern-${day}`, {
      attendeeId: 'morag',
      body: 'x',
      concern: 'talk to coordinator',
      concernPickedUpBy: 'Iona',
      createdAt: at,
    });
    await saveRecord(db, 'visit', `left-${day}`, {
      attendeeId: 'ailsa',
      supporterId: ALEX.id,
      at,
      arrivedAt: at,
      leftAt: new Date(Date.parse(at) + 3_600_000).toISOString(),
      expectedMinutes: 60,
    });
  }
}

/** What Today has to show among that year. */
async function seedNow(db: CoorieDb) {
  await saveRecord(db, 'note', 'due', {
    attendeeId: 'ailsa',
    body: 'x',
    followUp: 'Send the buggy walk times',
    followUpDue: '2026-11-20',
    createdAt: daysAgo(10),
  });
  await saveRecord(db, 'note', 'old-urgent', {
    attendeeId: 'morag',
    body: 'x',
    concern: 'urgent',
    createdAt: daysAgo(200),
  });
  await saveRecord(db, 'note', 'recent-picked', {
    attendeeId: 'morag',
    body: 'x',
    concern: 'urgent',
    concernPickedUpBy: 'Iona',
    createdAt: daysAgo(3),
  });
  // Arrived a month ago and never said "left safely": still under way, and overdue.
  await saveRecord(db, 'visit', 'forgotten', {
    attendeeId: 'ailsa',
    supporterId: ALEX.id,
    at: daysAgo(30),
    arrivedAt: daysAgo(30),
    expectedMinutes: 60,
  });
}

describe('Today with a year of notes and visits', { timeout: 60_000 }, () => {
  it('reads only the notes and visits it may show', async () => {
    const db = freshDb();
    await seedYear(db);
    await seedNow(db);
    expect(await db.records('note').count()).toBeGreaterThan(300);

    const data = await readToday(db, NOW, TODAY);
    expect(data.notes.map((note) => note.id).sort()).toEqual(['due', 'old-urgent', 'recent-picked']);
    expect(data.visits.map((visit) => visit.id)).toEqual(['forgotten']);
    expect([...data.attendees.keys()].sort()).toEqual(['ailsa', 'morag']);
  });

  it('shows them, and a follow-up marked done or a visit ended leaves what it reads', async () => {
    const db = freshDb();
    await seedYear(db);
    await seedNow(db);
    await renderApp('/', { db, user: ALEX });

    const followUps = await screen.findByRole('region', { name: 'Follow-ups due' }, WAIT);
    expect(within(followUps).getAllByRole('listitem')).toHaveLength(1);
    const concerns = screen.getByRole('region', { name: 'Concerns nobody has picked up' });
    expect(within(concerns).getByText('1 urgent concern waits for a coordinator.')).toBeInTheDocument();
    expect(within(concerns).getByText('Picked up lately: Iona')).toBeInTheDocument();
    expect(screen.getByRole('alert', { name: 'Not heard back: visits overdue' })).toBeInTheDocument();

    await userEvent.setup().click(within(followUps).getByRole('button', { name: 'Done with Ailsa’s follow-up' }));
    await vi.waitFor(
      () => expect(within(screen.getByRole('region', { name: 'Follow-ups due' })).queryByText('Ailsa')).toBeNull(),
      WAIT,
    );
    await saveRecord(db, 'visit', 'forgotten', { leftAt: NOW.toISOString() });
    await vi.waitFor(
      () => expect(screen.queryByRole('alert', { name: 'Not heard back: visits overdue' })).toBeNull(),
      WAIT,
    );
    const data = await readToday(db, NOW, TODAY);
    expect(data.notes.map((note) => note.id).sort()).toEqual(['old-urgent', 'recent-picked']);
    expect(data.visits).toEqual([]);
  });

  it('follows the people it shows after opening their notes: a name changed shows at once', async () => {
    const db = freshDb();
    await seedYear(db);
    await seedNow(db);
    await renderApp('/', { db, user: ALEX });
    const followUps = await screen.findByRole('region', { name: 'Follow-ups due' }, WAIT);
    expect(within(followUps).getByText('Ailsa')).toBeInTheDocument();

    await saveRecord(db, 'attendee', 'ailsa', { displayName: 'Ailsa R' });
    await vi.waitFor(
      () => expect(within(screen.getByRole('region', { name: 'Follow-ups due' })).getByText('Ailsa R')).toBeVisible(),
      WAIT,
    );
  });

  it('waits for a first download to end before showing anything, so a concern not yet arrived is not missed', async () => {
    const db = freshDb();
    await seedNow(db);
    await setMeta(db, 'sync', { phase: 'pulling', downloaded: 3_000, total: 12_000 });
    await renderApp('/', { db, user: ALEX });

    const ready = await screen.findByRole('region', { name: 'Getting this device ready' }, WAIT);
    expect(within(ready).getByRole('progressbar', { name: 'Getting this device ready' })).toHaveAttribute(
      'value',
      '3000',
    );
    expect(screen.queryByRole('region', { name: 'Concerns nobody has picked up' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Follow-ups due' })).toBeNull();

    await setMeta(db, 'sync', { phase: 'idle', lastSuccess: NOW.getTime() });
    const concerns = await screen.findByRole('region', { name: 'Concerns nobody has picked up' }, WAIT);
    expect(within(concerns).getByText('1 urgent concern waits for a coordinator.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Getting this device ready' })).toBeNull();
  });

  it('shows what it holds while a later sync downloads, or when a first download stopped part way', async () => {
    const db = freshDb();
    await seedNow(db);
    await setMeta(db, 'sync', { phase: 'pulling', downloaded: 3_000, total: 12_000, lastSuccess: NOW.getTime() - DAY });
    await renderApp('/', { db, user: ALEX });
    expect(await screen.findByRole('region', { name: 'Follow-ups due' }, WAIT)).toBeVisible();

    await setMeta(db, 'sync', { phase: 'error', lastError: 'No signal', downloaded: 3_000, total: 12_000 });
    expect(await screen.findByRole('region', { name: 'Follow-ups due' }, WAIT)).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Getting this device ready' })).toBeNull();
  });

  it('shows a concern picked up, then lowered and raised again, as nobody having picked it up', async () => {
    const db = freshDb();
    await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
    // Written long ago, so Today reads it only while nobody has picked it up.
    await saveRecord(db, 'note', 'raised', {
      attendeeId: 'morag',
      body: 'x',
      concern: 'urgent',
      createdAt: daysAgo(200),
    });
    await saveRecord(db, 'note', 'raised', { concernPickedUpBy: 'Iona' });
    expect((await readToday(db, NOW, TODAY)).notes).toEqual([]);

    await saveRecord(db, 'note', 'raised', { concern: 'none' });
    await saveRecord(db, 'note', 'raised', { concern: 'urgent' });
    const data = await readToday(db, NOW, TODAY);
    expect(data.notes.map((note) => note.id)).toEqual(['raised']);
    expect(data.notes[0]?.concernPickedUpBy).toBe('Iona');

    await renderApp('/', { db, user: ALEX });
    const concerns = await screen.findByRole('region', { name: 'Concerns nobody has picked up' }, WAIT);
    expect(within(concerns).getByText('1 urgent concern waits for a coordinator.')).toBeInTheDocument();
    expect(within(concerns).queryByText(/Picked up lately/)).toBeNull();
  });

  it('reads every note’s concern again only once a note is written, and misses no concern raised since', async () => {
    const db = freshDb();
    await seedYear(db);
    await seedNow(db);
    const readsOfConcerns = vi.spyOn(db.noteConcerns, 'toArray');
    const { router } = await renderApp('/', { db, user: ALEX });
    const concerns = () => screen.getByRole('region', { name: 'Concerns nobody has picked up' });
    await vi.waitFor(
      () => expect(within(concerns()).getByText('1 urgent concern waits for a coordinator.')).toBeVisible(),
      WAIT,
    );
    const reads = readsOfConcerns.mock.calls.length;
    expect(reads).toBeGreaterThan(0);

    // Away and back with nothing written: the year of concerns is not read again.
    await router.navigate('/people');
    await screen.findByRole('heading', { level: 1, name: 'People' }, WAIT);
    await router.navigate('/');
    await vi.waitFor(
      () => expect(within(concerns()).getByText('1 urgent concern waits for a coordinator.')).toBeVisible(),
      WAIT,
    );
    // A person renamed while Today shows the kept read: Today still follows the people it shows.
    await saveRecord(db, 'attendee', 'ailsa', { displayName: 'Ailsa R' });
    await vi.waitFor(
      () => expect(within(screen.getByRole('region', { name: 'Follow-ups due' })).getByText('Ailsa R')).toBeVisible(),
      WAIT,
    );
    expect(readsOfConcerns.mock.calls.length).toBe(reads);

    // An urgent concern written elsewhere (a sync, another tab) while Today is open shows at once.
    await saveRecord(db, 'note', 'new-urgent', { attendeeId: 'ailsa', body: 'x', concern: 'urgent' });
    await vi.waitFor(
      () => expect(within(concerns()).getByText('2 urgent concerns wait for a coordinator.')).toBeVisible(),
      WAIT,
    );

    // And one written while Today is not on screen shows when it opens again.
    await router.navigate('/people');
    await screen.findByRole('heading', { level: 1, name: 'People' }, WAIT);
    await saveRecord(db, 'note', 'talk', { attendeeId: 'morag', body: 'x', concern: 'talk to coordinator' });
    await router.navigate('/');
    await vi.waitFor(
      () =>
        expect(
          within(concerns()).getByText('2 urgent concerns and 1 to talk about wait for a coordinator.'),
        ).toBeVisible(),
      WAIT,
    );
  });

  it('gives the rows of a database made before these indexes their keys when it opens', async () => {
    const name = `test-${crypto.randomUUID()}`;
    // The database as version 2 of Coorie made it: the first indexes and the drafts, rows without derived keys.
    const old = new Dexie(name);
    const stores: Record<string, string> = { outbox: '++seq, [kind+id]', rejected: '++seq, [kind+id]', meta: 'key' };
    for (const kind of KIND_NAMES) stores[kind] = ['id', ...KIND_INDEXES[kind]].join(', ');
    old.version(1).stores(stores);
    old.version(2).stores({ drafts: 'key' });
    const v = { followUpDue: '1', attendeeId: '1' };
    await old.table('attendee').put({ id: 'ailsa', displayName: 'Ailsa', _v: { displayName: '1' } });
    await old.table('note').bulkPut([
      { id: 'due', attendeeId: 'ailsa', followUpDue: '2026-11-23', _v: v },
      { id: 'done', attendeeId: 'ailsa', followUpDue: '2026-11-23', followUpDone: true, _v: v },
      { id: 'worry', attendeeId: 'ailsa', concern: 'urgent', _v: { concern: '1', attendeeId: '1' } },
      { id: 'fine', attendeeId: 'ailsa', concern: 'none', _v: { concern: '1', attendeeId: '1' } },
    ]);
    await old.table('visit').put({ id: 'open', attendeeId: 'ailsa', at: daysAgo(2), arrivedAt: daysAgo(2), _v: v });
    old.close();

    const db = new CoorieDb(name);
    const data = await readToday(db, NOW, TODAY);
    expect(data.notes.map((note) => note.id)).toEqual(['due', 'worry']);
    expect(data.visits.map((visit) => visit.id)).toEqual(['open']);
    // Each note's concern in the table Today finds them by, filled from the notes already there.
    expect((await db.noteConcerns.toArray()).map(({ id, concern }) => ({ id, concern }))).toEqual([
      { id: 'fine', concern: 'none' },
      { id: 'worry', concern: 'urgent' },
    ]);
    expect(await db.records('visit').where('_i.unfinished').aboveOrEqual('').primaryKeys()).toEqual(['open']);
    // The keys are the device's own: a record read back for sync carries only its fields.
    const row = await db.records('note').get('due');
    expect(row && Object.keys(rowToRecord(row).values).sort()).toEqual(['attendeeId', 'followUpDue', 'id']);
    db.close();
  });
});

describe('Visits with a year behind it', { timeout: 60_000 }, () => {
  it('lists every visit not yet finished and the latest 20 done, read through indexes', async () => {
    const db = freshDb();
    await seedYear(db);
    await seedNow(db);
    await saveRecord(db, 'visit', 'booked', {
      attendeeId: 'morag',
      supporterId: ALEX.id,
      at: new Date(NOW.getTime() + 2 * DAY).toISOString(),
      expectedMinutes: 60,
    });
    await renderApp('/visits', { db, user: ALEX });
    const done = await screen.findByRole('heading', { level: 2, name: 'Done and cancelled (20)' }, WAIT);
    expect(screen.getByRole('heading', { level: 2, name: 'Not yet marked safe (1)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Coming up (1)' })).toBeInTheDocument();
    // Each with the name of the person it was with, read by key.
    const list = screen.getByRole('list', { name: done.textContent ?? '' });
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Ailsa');
  });
});
