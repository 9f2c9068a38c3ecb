import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveRecord } from '../../src/db/records.ts';
import { merge } from '../../src/sync/merge.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// The machine running the tests may be busy: wait longer than the default second for the device database.
const WAIT = { timeout: 5000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const SESSION = 's1';

/** Zoë said she is coming; with `everyoneExpected`, Morag and Ailsa did too, so all three show unsearched. */
async function seed(db: CoorieDb, everyoneExpected = true) {
  await saveRecord(db, 'session', SESSION, { title: 'Bumps and babies', startsAt: '2026-11-24T10:00:00.000Z' });
  await saveRecord(db, 'attendee', 'morag', {
    displayName: 'Morag',
    babies: [{ alias: 'Isla', dateOfBirth: '2026-06-01' }],
  });
  await saveRecord(db, 'attendee', 'ailsa', { displayName: 'Ailsa' });
  await saveRecord(db, 'attendee', 'zoe', { displayName: 'Zoë' });
  await saveRecord(db, 'outreach', 'o1', { sessionId: SESSION, attendeeId: 'zoe', outcome: 'coming' });
  if (!everyoneExpected) return;
  for (const id of ['morag', 'ailsa']) {
    await saveRecord(db, 'outreach', `o-${id}`, { sessionId: SESSION, attendeeId: id, outcome: 'coming' });
  }
}

async function openCheckIn(db = freshDb()) {
  stubNoNetwork();
  await seed(db);
  const view = await renderApp(`/sessions/${SESSION}/check-in`, { db, user: ALEX });
  await screen.findByRole('heading', { level: 1, name: 'Check-in' });
  await screen.findByRole('button', { name: 'Check in Morag' });
  return view;
}

const count = () => screen.getByText(/ here · /);

describe('check-in', { timeout: 30_000 }, () => {
  it('shows the room only the people expected and the venue’s regulars, and finds anyone else by name', async () => {
    const db = freshDb();
    // Ailsa came to this venue last week; Morag is known to the organisation but has never been here.
    await saveRecord(db, 'session', 's0', {
      title: 'Last week',
      startsAt: '2026-11-17T10:00:00.000Z',
      venueId: 'hall',
    });
    await saveRecord(db, 'checkIn', 's0:ailsa', { sessionId: 's0', attendeeId: 'ailsa', present: true });
    stubNoNetwork();
    await seed(db, false);
    await saveRecord(db, 'session', SESSION, { venueId: 'hall' });
    await renderApp(`/sessions/${SESSION}/check-in`, { db, user: ALEX });
    const names = (region: string) =>
      within(screen.getByRole('region', { name: region }))
        .queryAllByRole('button')
        .map((button) => button.querySelector('.checkin-name')?.textContent);
    await screen.findByRole('button', { name: 'Check in Ailsa' });
    expect(names('Expected')).toEqual(['Check in Zoë']);
    expect(names('Came here before')).toEqual(['Check in Ailsa']);
    expect(screen.queryByText('Morag')).not.toBeInTheDocument();
    expect(names('Someone else?')).toEqual([]);
    expect(count()).toHaveTextContent('0 here · 0 babies');

    const user = userEvent.setup();
    const search = screen.getByRole('searchbox', { name: 'Find a name' });
    await user.type(search, 'm');
    expect(screen.queryByText('Morag')).not.toBeInTheDocument();
    await user.type(search, 'o');
    expect(names('Someone else?')).toEqual(['Check in Morag']);
    await user.click(screen.getByRole('button', { name: 'Check in Morag' }));
    await screen.findByRole('button', { name: 'Undo check-in for Morag' });
    // Once here, she stays on the list when the search is cleared.
    await user.clear(search);
    await vi.waitFor(
      () => expect(within(screen.getByRole('region', { name: 'Also here' })).getByText('Morag')).toBeInTheDocument(),
      WAIT,
    );
  });

  it('counts as regulars those who came to one of the venue’s last six sessions, and finds the rest by name', async () => {
    const db = freshDb();
    // Seven weekly sessions at the hall before this one: Ailsa came to the oldest only, Morag to the sixth back.
    const weeksBefore = ['11-17', '11-10', '11-03', '10-27', '10-20', '10-13', '10-06'];
    for (const [index, day] of weeksBefore.entries()) {
      const week = index + 1;
      await saveRecord(db, 'session', `w${week}`, {
        title: `Week -${week}`,
        startsAt: `2026-${day}T10:00:00.000Z`,
        venueId: 'hall',
      });
    }
    await saveRecord(db, 'checkIn', 'w7:ailsa', { sessionId: 'w7', attendeeId: 'ailsa', present: true });
    await saveRecord(db, 'checkIn', 'w6:morag', { sessionId: 'w6', attendeeId: 'morag', present: true });
    stubNoNetwork();
    await seed(db, false);
    await saveRecord(db, 'session', SESSION, { venueId: 'hall' });
    await renderApp(`/sessions/${SESSION}/check-in`, { db, user: ALEX });
    const region = await screen.findByRole('region', { name: 'Came here before' });
    expect(await within(region).findByRole('button', { name: 'Check in Morag' })).toBeInTheDocument();
    expect(screen.queryByText('Ailsa')).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Find a name' }), 'ai');
    expect(
      await within(screen.getByRole('region', { name: 'Someone else?' })).findByRole('button', {
        name: 'Check in Ailsa',
      }),
    ).toBeInTheDocument();
  });

  it('checks a person in with one tap and undoes it with another, keeping one record', async () => {
    const { db } = await openCheckIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Check in Morag' }));

    // Morag has a baby born, so "baby present" starts ticked.
    expect(await screen.findByRole('checkbox', { name: 'Morag: Baby present' })).toBeChecked();
    expect(count()).toHaveTextContent('1 here · 1 baby');
    expect(screen.getByText('First visit')).toBeInTheDocument();
    expect(await db.records('checkIn').get(`${SESSION}:morag`)).toMatchObject({
      sessionId: SESSION,
      attendeeId: 'morag',
      present: true,
      firstVisit: true,
      withBaby: true,
      createdBy: ALEX.id,
    });

    await user.click(screen.getByRole('button', { name: 'Undo check-in for Morag' }));
    expect(await screen.findByRole('button', { name: 'Check in Morag' })).toBeInTheDocument();
    expect(count()).toHaveTextContent('0 here · 0 babies');
    const row = await db.records('checkIn').get(`${SESSION}:morag`);
    expect(row?.present).toBe(false);
    expect(row?.deleted).toBeUndefined();
    expect(await db.records('checkIn').count()).toBe(1);
  });

  it('saves the toggles for baby present, childcare used and transport help', async () => {
    const { db } = await openCheckIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Check in Ailsa' }));
    const baby = await screen.findByRole('checkbox', { name: 'Ailsa: Baby present' });
    expect(baby).not.toBeChecked();
    await user.click(baby);
    await user.click(screen.getByRole('checkbox', { name: 'Ailsa: Childcare used' }));
    await user.click(screen.getByRole('checkbox', { name: 'Ailsa: Transport help' }));

    await vi.waitFor(
      async () =>
        expect(await db.records('checkIn').get(`${SESSION}:ailsa`)).toMatchObject({
          withBaby: true,
          childcareUsed: true,
          transportHelp: true,
        }),
      WAIT,
    );
    await vi.waitFor(() => expect(count()).toHaveTextContent('1 here · 1 baby'), WAIT);
    // A person taps again only once they see the tick.
    await vi.waitFor(() => expect(screen.getByRole('checkbox', { name: 'Ailsa: Transport help' })).toBeChecked(), WAIT);
    await user.click(screen.getByRole('checkbox', { name: 'Ailsa: Transport help' }));
    await vi.waitFor(
      async () => expect((await db.records('checkIn').get(`${SESSION}:ailsa`))?.transportHelp).toBe(false),
      WAIT,
    );
  });

  it('filters the list as you type, ignoring case and accents', async () => {
    await openCheckIn();
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Find a name' }), 'zoe');
    expect(screen.getByRole('button', { name: 'Check in Zoë' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check in Morag' })).not.toBeInTheDocument();
    expect(screen.getByText('Nobody else called “zoe”. Add them as a walk-in.')).toBeInTheDocument();
  });

  it('marks a returning person as not a first visit', async () => {
    const db = freshDb();
    await saveRecord(db, 'session', 's0', { title: 'Last week', startsAt: '2026-11-17T10:00:00.000Z' });
    await saveRecord(db, 'checkIn', `s0:ailsa`, { sessionId: 's0', attendeeId: 'ailsa', present: true });
    await openCheckIn(db);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check in Ailsa' }));
    await screen.findByRole('button', { name: 'Undo check-in for Ailsa' });
    expect((await db.records('checkIn').get(`${SESSION}:ailsa`))?.firstVisit).toBe(false);
  });

  it('makes one record when two tablets check in the same person offline', async () => {
    const tabletA = freshDb();
    const tabletB = freshDb();
    await openCheckIn(tabletA);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check in Morag' }));
    await screen.findByRole('button', { name: 'Undo check-in for Morag' });
    cleanup();

    await openCheckIn(tabletB);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check in Morag' }));
    await screen.findByRole('button', { name: 'Undo check-in for Morag' });

    const [a] = await tabletA.outbox.where('kind').equals('checkIn').toArray();
    const [b] = await tabletB.outbox.where('kind').equals('checkIn').toArray();
    expect(a?.id).toBe(`${SESSION}:morag`);
    expect(b?.id).toBe(a?.id);
    const merged = merge(merge(undefined, { values: a!.values, versions: a!.versions }).record, {
      values: b!.values,
      versions: b!.versions,
    });
    expect(merged.record.values).toMatchObject({ sessionId: SESSION, attendeeId: 'morag', present: true });
  });
});
