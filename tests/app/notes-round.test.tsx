import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { giveConsent } from '../../src/domain/consent.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// These tests type as a person would, on a machine shared with other test runs: give them time.
vi.setConfig({ testTimeout: 30_000 });

/** Puts text in a field the way a tablet's keyboard suggestion or a paste does: one change, not a key at a time. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const SLOW = { timeout: 10_000 };

/** A drop-in where three parents came (one not yet asked about notes) and one was expected but did not come. */
async function afterTheDropIn(): Promise<CoorieDb> {
  const db = freshDb();
  const consent = giveConsent(['notes'], new Date());
  await saveRecord(db, 'session', 's1', { title: 'Rothes drop-in', startsAt: '2026-11-24T10:00:00.000Z' });
  await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag', consent });
  await saveRecord(db, 'attendee', 'a2', { displayName: 'Kirsty' });
  await saveRecord(db, 'attendee', 'a3', { displayName: 'Aileen', consent });
  await saveRecord(db, 'attendee', 'a4', { displayName: 'Zoe', consent });
  for (const id of ['a1', 'a2', 'a3']) await saveRecord(db, 'checkIn', `s1:${id}`, { sessionId: 's1', attendeeId: id });
  await saveRecord(db, 'checkIn', 's1:a4', { sessionId: 's1', attendeeId: 'a4', present: false });
  return db;
}

describe('notes after a session', () => {
  it('moves through the people checked in: "Next person" saves, "Skip" moves on', async () => {
    stubNoNetwork();
    const db = await afterTheDropIn();
    await renderApp('/sessions/s1/notes', { db, user: ALEX });
    const user = userEvent.setup();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Notes after Rothes drop-in' }, SLOW),
    ).toBeInTheDocument();
    const everyone = screen.getByRole('navigation', { name: 'Everyone checked in' });
    expect(
      within(everyone)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['AileenNo note yet', 'KirstyNo note yet', 'MoragNo note yet']);

    expect(screen.getByText('Person 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Aileen' })).toBeInTheDocument();
    await fill(user, await screen.findByLabelText('Note', {}, SLOW), 'Settling in well.');
    await user.click(screen.getByRole('button', { name: 'Next person' }));

    // Kirsty has not been asked about notes: the gate shows, and Skip moves on without writing anything.
    expect(await screen.findByRole('heading', { level: 2, name: 'Kirsty' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Person 2 of 3')).toBeInTheDocument();
    expect(screen.getByText('Kirsty has not been asked about notes yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skip' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Morag' }, SLOW)).toBeInTheDocument();
    const body = await screen.findByLabelText('Note', {}, SLOW);
    expect(body).toHaveValue('');
    await fill(user, body, 'Quiet today.');
    await user.click(screen.getByRole('button', { name: 'Save and finish' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'That’s everyone' }, SLOW)).toBeInTheDocument();
    expect(await screen.findByText('2 of 3 people have a note from this session.', {}, SLOW)).toBeInTheDocument();
    const notes = await db.records('note').toArray();
    expect(notes.map((note) => [note.attendeeId, note.sessionId, note.context, note.body]).sort()).toEqual([
      ['a1', 's1', 'group', 'Quiet today.'],
      ['a3', 's1', 'group', 'Settling in well.'],
    ]);
    expect(within(everyone).getByRole('link', { name: /Kirsty/ })).toHaveTextContent('No note yet');
    expect(within(everyone).getByRole('link', { name: /Morag/ })).toHaveTextContent('Note written');
  });

  it('says so when nobody was checked in', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'session', 's1', { title: 'Keith drop-in', startsAt: '2026-11-24T10:00:00.000Z' });
    await renderApp('/sessions/s1/notes', { db, user: ALEX });
    expect(await screen.findByText('No one was checked in to this session.', {}, SLOW)).toBeInTheDocument();
  });
});
