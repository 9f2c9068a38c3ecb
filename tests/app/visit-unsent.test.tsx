// A visitor with no signal is told that nobody can see their arrival yet, and offered a text instead
//; the notice goes once the arrival has reached the server.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatTime } from '../../src/app/format.ts';
import type { SignedInUser } from '../../src/db/meta.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const ISLA: SignedInUser = { ...ALEX, id: 'u2', name: 'Isla Grant', email: 'isla@example.org', role: 'visitor' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an arrival not yet sent', { timeout: 20_000 }, () => {
  it('says nobody can see it until there is signal, and offers a text naming no one', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    await saveRecord(db, 'visit', 'v1', {
      attendeeId: 'a1',
      supporterId: 'u2',
      at: new Date().toISOString(),
      kind: 'home visit',
      where: '12 Mill Street, Aberlour',
      expectedMinutes: 45,
      status: 'scheduled',
    });
    // As if the booking had synced: only what happens from here waits in the outbox.
    await db.outbox.clear();
    await renderApp('/visits/v1', { db, user: ISLA });
    expect(screen.queryByText(/^Not sent yet/)).not.toBeInTheDocument();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'I’ve arrived' }));

    const notice = await screen.findByText(/^Not sent yet: nobody else can see that you have arrived/);
    const arrivedAt = Date.parse(String((await getRecord(db, 'visit', 'v1'))?.arrivedAt));
    const link = screen.getByRole('link', { name: 'Text someone when you expect to leave' });
    const body = decodeURIComponent(link.getAttribute('href')?.replace(/^sms:\?&body=/, '') ?? '');
    expect(body).toBe(
      `I'm on a home visit and expect to leave by ${formatTime(arrivedAt + 45 * 60_000)}. I have no signal for Coorie.`,
    );
    expect(notice).not.toHaveTextContent(/Morag|Aberlour/);

    // Sent at last: the server knows, and the notice goes.
    await db.outbox.clear();
    await waitFor(() => expect(screen.queryByText(/^Not sent yet/)).not.toBeInTheDocument());
  });
});
