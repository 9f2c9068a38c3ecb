import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { giveConsent } from '../../src/domain/consent.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// These tests type as a person would, on a machine shared with other test runs: give them time.
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const SLOW = { timeout: 10_000 };

/** The same parent, registered on two tablets at two sessions while both were offline. */
async function twoSams(): Promise<CoorieDb> {
  const db = freshDb();
  await saveRecord(db, 'attendee', 'older', {
    displayName: 'Sam',
    locality: 'Elgin',
    createdAt: '2026-11-01T10:00:00.000Z',
    consent: giveConsent(['notes'], new Date('2026-11-01T10:00:00.000Z')),
  });
  await saveRecord(db, 'attendee', 'newer', {
    displayName: 'sam',
    locality: 'Elgin',
    createdAt: '2026-11-08T10:00:00.000Z',
    cake: 'Victoria sponge',
    contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
  });
  await saveRecord(db, 'attendee', 'other', { displayName: 'Morag', locality: 'Buckie' });
  await saveRecord(db, 'session', 's1', { title: 'Elgin drop-in', startsAt: '2026-11-01T10:00:00.000Z' });
  await saveRecord(db, 'session', 's2', { title: 'Elgin drop-in', startsAt: '2026-11-08T10:00:00.000Z' });
  await saveRecord(db, 'checkIn', 's1:older', { sessionId: 's1', attendeeId: 'older', withBaby: true });
  await saveRecord(db, 'checkIn', 's2:newer', { sessionId: 's2', attendeeId: 'newer', withBaby: false });
  await saveRecord(db, 'note', 'n1', { attendeeId: 'newer', body: 'Tired but smiling.', createdBy: ALEX.id });
  return db;
}

describe('merging a parent registered twice', () => {
  it('flags the pair on the people list', async () => {
    stubNoNetwork();
    await renderApp('/people', { db: await twoSams(), user: ALEX });
    expect(await screen.findByText('One pair of records may be the same person.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review possible duplicates' })).toHaveAttribute(
      'href',
      '/people/duplicates',
    );
  });

  it('shows both records side by side and moves check-ins and notes to the one kept', async () => {
    stubNoNetwork();
    const db = await twoSams();
    await renderApp('/people/duplicates', { db, user: ALEX });
    const user = userEvent.setup();

    const pair = await screen.findByRole('region', { name: 'Pair 1: Sam and sam' }, SLOW);
    expect(within(pair).getByText('Why they may be one person: Same name and area.')).toBeInTheDocument();
    const cards = within(pair).getAllByRole('article');
    expect(cards).toHaveLength(2);
    // Two "Keep this one" buttons, each saying which record it keeps.
    await user.click(within(cards[0] as HTMLElement).getByRole('button', { name: /^Keep this one.*Sam, added/ }));
    const confirm = within(pair).getByRole('group', { name: 'Confirm the merge of pair 1' });
    expect(confirm).toHaveTextContent('1 check-in and 1 note will move.');
    await user.click(within(confirm).getByRole('button', { name: 'Merge' }));

    expect(await screen.findByText('No possible duplicates.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Merged. Sam’s check-ins and notes are now on one record.')).toBeInTheDocument();

    const checkIns = await db.records('checkIn').toArray();
    const live = checkIns.filter((checkIn) => checkIn.deleted !== true);
    expect(live.map((checkIn) => checkIn.id).sort()).toEqual(['s1:older', 's2:older']);
    expect(live.find((checkIn) => checkIn.id === 's2:older')).toMatchObject({ attendeeId: 'older', withBaby: false });
    expect(checkIns.find((checkIn) => checkIn.id === 's2:newer')?.deleted).toBe(true);
    expect((await db.records('note').get('n1'))?.attendeeId).toBe('older');
    const kept = await db.records('attendee').get('older');
    expect(kept).toMatchObject({ cake: 'Victoria sponge', contact: { phone: '07700 900123', okToText: true } });
    expect(await db.records('attendee').get('newer')).toMatchObject({ deleted: true, mergedInto: 'older' });
    // Every write went through the repository, so the merge reaches the other tablets too.
    expect(
      await db.outbox.filter((entry) => entry.kind === 'note' && entry.values.attendeeId === 'older').count(),
    ).toBe(1);
  });

  it('shows the kept record when someone opens the merged one', async () => {
    stubNoNetwork();
    const db = await twoSams();
    await saveRecord(db, 'attendee', 'newer', { deleted: true, mergedInto: 'older' });
    await renderApp('/people/newer', { db, user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Open the kept record' }, SLOW));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sam' }, SLOW)).toBeInTheDocument();
  });
});
