// A coordinator's Today: "Call <name>" for the supporter and buddy of an overdue visit, and colleagues' visits
// whose start has passed with no arrival shown as not started or not synced (not alerted), each one tap from a call.
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInUser } from '../../src/db/meta.ts';
import { setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const WAIT = { timeout: 10_000 };
// Tuesday 24 November 2026, 11:00 in Scotland.
const NOW = new Date('2026-11-24T11:00:00.000Z');
const ISLA: SignedInUser = { ...ALEX, id: 'u2', name: 'Isla', email: 'isla@example.org', role: 'visitor' };
const TEAM = [
  { id: 'u1', name: 'Alex', role: 'coordinator' as const, workPhone: '+447700900001' },
  { id: 'u2', name: 'Isla', role: 'visitor' as const, workPhone: '+447700900002' },
  { id: 'u3', name: 'Eilidh', role: 'facilitator' as const, workPhone: '+447700900003' },
  { id: 'u4', name: 'Rhona', role: 'visitor' as const, workPhone: null },
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  stubNoNetwork();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function openToday(user: SignedInUser) {
  const db = freshDb();
  await setMeta(db, 'contacts', TEAM);
  await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
  await saveRecord(db, 'attendee', 'ailsa', { displayName: 'Ailsa' });
  await saveRecord(db, 'attendee', 'kirsty', { displayName: 'Kirsty' });
  // Isla arrived at 08:00 for an hour, buddy Eilidh: overdue.
  await saveRecord(
    db,
    'visit',
    'v-over',
    {
      attendeeId: 'morag',
      supporterId: 'u2',
      buddyId: 'u3',
      at: '2026-11-24T08:00:00.000Z',
      arrivedAt: '2026-11-24T08:00:00.000Z',
      expectedMinutes: 60,
    },
    { userId: 'u2' },
  );
  // Rhona was booked for 10:00; no arrival has reached this device.
  await saveRecord(
    db,
    'visit',
    'v-quiet',
    { attendeeId: 'ailsa', supporterId: 'u4', buddyId: 'u1', at: '2026-11-24T10:00:00.000Z', expectedMinutes: 60 },
    { userId: 'u1' },
  );
  // Isla's afternoon visit has not started yet, as planned.
  await saveRecord(
    db,
    'visit',
    'v-later',
    { attendeeId: 'kirsty', supporterId: 'u2', at: '2026-11-24T14:00:00.000Z', expectedMinutes: 60 },
    { userId: 'u1' },
  );
  await renderApp('/', { db, user });
  await screen.findByRole('heading', { level: 1, name: 'Today' }, WAIT);
}

describe("a coordinator's Today", { timeout: 30_000 }, () => {
  it('offers a call to the supporter and the buddy of an overdue visit', async () => {
    await openToday(ALEX);
    const alert = await screen.findByRole('alert', { name: 'Not heard back: visits overdue' }, WAIT);
    const calls = await within(alert).findByRole('list', { name: 'Who to call about the visit to Morag' }, WAIT);
    expect(within(calls).getByRole('link', { name: /^Call Isla/ })).toHaveAttribute('href', 'tel:+447700900002');
    expect(within(calls).getByRole('link', { name: /^Call Eilidh/ })).toHaveAttribute('href', 'tel:+447700900003');
  });

  it('shows a colleague’s visit whose start has passed with no arrival as not started or not synced', async () => {
    await openToday(ALEX);
    const quiet = await screen.findByRole('region', { name: 'Visits not started or not synced' }, WAIT);
    expect(within(quiet).getByRole('link', { name: 'Visit to Ailsa' })).toHaveAttribute('href', '/visits/v-quiet');
    expect(within(quiet).getByText('Booked for 10:00: not started or not synced')).toBeInTheDocument();
    // Rhona has no work phone; Alex is the buddy and is not offered a call to himself.
    expect(
      await within(quiet).findByText(
        'No work phone recorded for Rhona: ask your coordinator to add one in Team.',
        {},
        WAIT,
      ),
    ).toBeInTheDocument();
    expect(within(quiet).queryByRole('link', { name: /^Call Alex/ })).not.toBeInTheDocument();
    // Not an alert, and the afternoon's visit is still simply planned.
    expect(within(quiet).queryByText(/Kirsty/)).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('alert', { name: 'Not heard back: visits overdue' })).queryByText(/Ailsa/),
    ).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Visits' })).getByText('Planned for 14:00')).toBeInTheDocument();
  });
});

describe("a visitor's Today", { timeout: 30_000 }, () => {
  it('offers no call to themselves about their own overdue visit, and no list of colleagues’ visits', async () => {
    await openToday(ISLA);
    const alert = await screen.findByRole('alert', { name: 'Not heard back: visits overdue' }, WAIT);
    expect(within(alert).getByText(/Your visit\./)).toBeInTheDocument();
    expect(within(alert).queryByRole('link', { name: /^Call/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Visits not started or not synced' })).not.toBeInTheDocument();
  });
});
