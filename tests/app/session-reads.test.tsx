// Session detail and Reach out read the sessions of a session's course or venue and the people it names, by
// index and by key (not every session and person on the device): who is expected comes from the run's last
// session and its outreach, and anyone else is still found by name.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

vi.setConfig({ testTimeout: 60_000 });
const SLOW = { timeout: 15_000 };
const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Many people and sessions at other venues, written as a sync's pull writes them; then one venue's run. */
async function seed(db: CoorieDb) {
  const v = (field: string) => ({ [field]: '0001780000000000-0000-seedseedseed1' });
  await db.records('attendee').bulkPut(
    Array.from({ length: 800 }, (_, index) => ({
      id: `p${index}`,
      displayName: `Parent ${String(index).padStart(3, '0')}`,
      _v: v('displayName'),
    })),
  );
  await db.records('session').bulkPut(
    Array.from({ length: 300 }, (_, index) => ({
      id: `elsewhere${index}`,
      title: 'Elsewhere',
      venueId: `other${index % 7}`,
      startsAt: daysFromNow(-index),
      _v: v('title'),
    })),
  );
  await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
  await saveRecord(db, 'attendee', 'ailsa', { displayName: 'Ailsa' });
  await saveRecord(db, 'session', 'last', { title: 'Last week', venueId: 'hall', startsAt: daysFromNow(-7) });
  await saveRecord(db, 'session', 'next', { title: 'This week', venueId: 'hall', startsAt: daysFromNow(1) });
  // Morag came last week; Ailsa said she is coming.
  await saveRecord(db, 'checkIn', 'last:morag', { sessionId: 'last', attendeeId: 'morag', present: true });
  await saveRecord(db, 'outreach', 'o1', {
    sessionId: 'next',
    attendeeId: 'ailsa',
    outcome: 'coming',
    at: daysFromNow(-1),
  });
}

describe('a session among many', () => {
  it('expects the people its run names, and a new "coming" at once', async () => {
    stubNoNetwork();
    const db = freshDb();
    await seed(db);
    await renderApp('/sessions/next', { db, user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'This week' }, SLOW);
    expect(screen.getByText('2 people: Ailsa, Morag')).toBeInTheDocument();

    // A new "coming" shows without the screen going back to loading.
    await saveRecord(db, 'outreach', 'o2', {
      sessionId: 'next',
      attendeeId: 'p799',
      outcome: 'coming',
      at: daysFromNow(-1),
    });
    expect(await screen.findByText('3 people: Ailsa, Morag, Parent 799', {}, SLOW)).toBeInTheDocument();
  });

  it('lists the run’s people to reach out to, and finds anyone else by name', async () => {
    stubNoNetwork();
    const db = freshDb();
    await seed(db);
    await renderApp('/sessions/next/reach-out', { db, user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Reach out' }, SLOW);
    expect(await screen.findByRole('heading', { name: 'Morag' }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Ailsa' })).toBeInTheDocument();
    expect(screen.queryByText('Parent 512')).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Find by name' }), 'Parent 512');
    await user.click(await screen.findByRole('button', { name: 'Add Parent 512' }, SLOW));
    expect(await screen.findByRole('heading', { name: 'Parent 512' }, SLOW)).toBeInTheDocument();
  });
});
