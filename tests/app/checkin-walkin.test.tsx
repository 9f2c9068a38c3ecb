import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveRecord } from '../../src/db/records.ts';
import { CONSENT_WORDING } from '../../src/domain/consent.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// The machine running the tests may be busy: wait longer than the default second for the device database.
const WAIT = { timeout: 5000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const SESSION = 's1';

async function openCheckIn(db: CoorieDb = freshDb()) {
  stubNoNetwork();
  if (!(await db.records('session').get(SESSION))) {
    await saveRecord(db, 'session', SESSION, { title: 'Bumps and babies', startsAt: '2026-11-24T10:00:00.000Z' });
    await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag', locality: 'Elgin' });
    // Only the people expected are on show without a search: Morag said she is coming.
    await saveRecord(db, 'outreach', 'o-morag', { sessionId: SESSION, attendeeId: 'morag', outcome: 'coming' });
  }
  const view = await renderApp(`/sessions/${SESSION}/check-in`, { db, user: ALEX });
  await screen.findByRole('button', { name: 'Check in Morag' });
  return view;
}

describe('adding a walk-in', { timeout: 30_000 }, () => {
  it('says what to fix: a name, and an answer to the consent question', async () => {
    const { db } = await openCheckIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a walk-in' }));
    const name = screen.getByRole('textbox', { name: 'Name or alias' });
    expect(name).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Add and check in' }));

    expect(name).toHaveAccessibleDescription(expect.stringContaining('Enter a first name or an alias'));
    expect(name).toHaveFocus();
    expect(screen.getByText('Ask the question, then choose yes or no')).toBeInTheDocument();

    await user.click(name);
    await user.paste('x'.repeat(81));
    expect(name).toHaveAccessibleDescription(expect.stringContaining('Use 80 characters or fewer'));
    await user.clear(name);
    await user.type(name, 'Kirsty');
    expect(name).not.toHaveAttribute('aria-invalid');

    await user.click(screen.getByRole('radio', { name: 'I know the date' }));
    await user.click(screen.getByRole('button', { name: 'Add and check in' }));
    expect(screen.getByLabelText('Date of birth, or due date')).toHaveAccessibleDescription(
      expect.stringContaining('Enter the date of birth or due date'),
    );
    expect(await db.records('attendee').count()).toBe(1);
  });

  it('adds the person with consent and a rough baby age, and checks them in at once', async () => {
    const { db } = await openCheckIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a walk-in' }));
    await user.type(screen.getByRole('textbox', { name: 'Name or alias' }), 'Kirsty');
    await user.click(screen.getByRole('radio', { name: 'Under 3 months' }));
    await user.click(screen.getByRole('radio', { name: 'Yes, they are happy' }));
    await user.click(screen.getByRole('button', { name: 'Add and check in' }));

    expect(await screen.findByRole('button', { name: 'Undo check-in for Kirsty' })).toBeInTheDocument();
    expect(screen.getByText('1 here · 1 baby')).toBeInTheDocument();
    expect(await screen.findByText('Kirsty added and checked in.')).toHaveAttribute('role', 'status');
    const [kirsty] = await db.records('attendee').where('displayName').equals('Kirsty').toArray();
    expect(kirsty?.consent).toMatchObject({ what: ['notes'], wordingVersion: CONSENT_WORDING.version });
    // Stored as said, with the day it was said: no invented date of birth.
    expect(kirsty?.babies).toEqual([
      { alias: '', ageBand: 'under-3-months', ageBandOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    expect(await db.records('checkIn').get(`${SESSION}:${kirsty?.id}`)).toMatchObject({
      present: true,
      firstVisit: true,
    });
  });

  it('records a walk-in who says no to notes without any consent', async () => {
    const { db } = await openCheckIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a walk-in' }));
    await user.type(screen.getByRole('textbox', { name: 'Name or alias' }), 'Jo');
    await user.click(screen.getByRole('radio', { name: 'No, or not now' }));
    expect(screen.getByText('No notes can be written about them until they say yes on their profile.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add and check in' }));
    await screen.findByRole('button', { name: 'Undo check-in for Jo' });
    const [jo] = await db.records('attendee').where('displayName').equals('Jo').toArray();
    expect(jo?.consent).toBeUndefined();
    expect(jo?.babies).toBeUndefined();
  });

  it('offers to check in someone already known with the same name instead', async () => {
    const { db } = await openCheckIn();
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Find a name' }), 'morag ');
    await user.click(screen.getByRole('button', { name: 'Add a walk-in' }));
    expect(screen.getByRole('textbox', { name: 'Name or alias' })).toHaveValue('morag');
    await user.click(screen.getByRole('button', { name: 'Check in Morag instead' }));
    expect(await screen.findByRole('button', { name: 'Undo check-in for Morag' })).toBeInTheDocument();
    expect(await db.records('attendee').count()).toBe(1);
  });

  it('keeps a half-typed walk-in after a reload', async () => {
    const db = freshDb();
    await openCheckIn(db);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a walk-in' }));
    await user.type(screen.getByRole('textbox', { name: 'Name or alias' }), 'Fiona');
    await user.click(screen.getByRole('radio', { name: '6–12 months' }));
    // The draft is saved as it changes: wait for the one with the age, not merely for a draft.
    await vi.waitFor(async () => expect(JSON.stringify(await db.drafts.toArray())).toContain('6-12-months'), WAIT);
    cleanup();

    await openCheckIn(db);
    expect(await screen.findByRole('textbox', { name: 'Name or alias' })).toHaveValue('Fiona');
    expect(screen.getByRole('radio', { name: '6–12 months' })).toBeChecked();
  });
});
