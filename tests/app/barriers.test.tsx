import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// Screens load lazily and the machine is shared: give them time to appear (this bounds waiting, asserts no timing).
vi.setConfig({ testTimeout: 30_000 });
const WAIT = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A drop-in a week ahead with two crèche places, a facilitator, and Morag and Isla saying they are coming. */
async function seed(db: CoorieDb, session: Record<string, unknown> = {}) {
  await saveRecord(db, 'session', 's1', {
    title: 'Forres drop-in',
    kind: 'drop-in',
    status: 'planned',
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000 + 7_200_000).toISOString(),
    facilitators: ['Alex Morrison'],
    crechePlaces: 2,
    busTimes: 'Stagecoach 10 from Elgin 9:40, back 12:15',
    ...Object.fromEntries(Object.entries(session).filter(([, value]) => value !== undefined)),
  });
  await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag', dietary: ['vegan'], cake: 'Victoria sponge' });
  await saveRecord(db, 'attendee', 'isla', {
    displayName: 'Isla',
    dietary: ['vegan', 'nut allergy'],
    cake: 'victoria sponge',
  });
  await saveRecord(db, 'attendee', 'zoe', { displayName: 'Zoë', cake: 'Carrot cake' });
  for (const id of ['morag', 'isla']) {
    await saveRecord(db, 'outreach', `o-${id}`, { sessionId: 's1', attendeeId: id, outcome: 'coming' });
  }
}

async function openSession(db: CoorieDb) {
  stubNoNetwork();
  await renderApp('/sessions/s1', { db, user: ALEX });
  await screen.findByRole('heading', { level: 1, name: 'Forres drop-in' }, WAIT);
  return screen.getByRole('region', { name: 'Crèche and transport' });
}

describe('crèche and transport on a session', () => {
  it('books crèche places and lifts or taxis for people expected, and counts them against what is offered', async () => {
    const db = freshDb();
    await seed(db);
    const section = await openSession(db);
    const user = userEvent.setup({ delay: null });
    expect(within(section).getByText('0 of 2 places booked')).toBeInTheDocument();
    expect(within(section).getByText('Nobody needs one yet')).toBeInTheDocument();
    expect(within(section).getByText('Stagecoach 10 from Elgin 9:40, back 12:15')).toBeInTheDocument();

    // Adding nobody says what to fix.
    await user.click(within(section).getByRole('button', { name: 'Add' }));
    expect(within(section).getByRole('combobox', { name: 'Plan for' })).toHaveAccessibleDescription(
      'Choose a person to plan a crèche place or transport for.',
    );

    await user.selectOptions(within(section).getByRole('combobox', { name: 'Plan for' }), 'Isla');
    await user.click(within(section).getByRole('button', { name: 'Add' }));
    await user.click(await within(section).findByRole('checkbox', { name: 'Crèche place booked for Isla' }, WAIT));
    await user.click(within(section).getByRole('radio', { name: 'A taxi' }));
    await user.click(await within(section).findByRole('checkbox', { name: 'Arranged for Isla' }, WAIT));
    await user.type(
      within(section).getByRole('textbox', { name: 'Who drives, or which firm, and when' }),
      'Moray Cabs 9:30',
    );
    await user.tab();

    await waitFor(async () =>
      expect(await getRecord(db, 'booking', 's1:isla')).toMatchObject({
        sessionId: 's1',
        attendeeId: 'isla',
        crecheBooked: true,
        travel: 'taxi',
        travelArranged: true,
        travelNote: 'Moray Cabs 9:30',
      }),
    );
    expect(within(section).getByText('1 of 2 places booked')).toBeInTheDocument();
    expect(within(section).getByText('1 of 1 arranged')).toBeInTheDocument();
    // Isla is planned for: only Morag is left to choose.
    const options = within(within(section).getByRole('combobox', { name: 'Plan for' })).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Choose someone', 'Morag']);
  });

  it('warns when more crèche places are booked than offered', async () => {
    const db = freshDb();
    await seed(db, { crechePlaces: 1 });
    for (const id of ['morag', 'isla']) {
      await saveRecord(db, 'booking', `s1:${id}`, { sessionId: 's1', attendeeId: id, crecheBooked: true });
    }
    const section = await openSession(db);
    expect(await within(section).findByText('2 of 1 place booked', {}, WAIT)).toBeInTheDocument();
    expect(within(section).getByText(/1 more booked than there are places/)).toBeInTheDocument();
  });

  it('never shows the bookings on the room-facing check-in screen', async () => {
    const db = freshDb();
    await seed(db);
    await saveRecord(db, 'booking', 's1:isla', {
      sessionId: 's1',
      attendeeId: 'isla',
      crecheBooked: true,
      travel: 'taxi',
      travelNote: 'Moray Cabs 9:30',
    });
    stubNoNetwork();
    await renderApp('/sessions/s1/check-in', { db, user: ALEX });
    await screen.findByRole('button', { name: 'Check in Isla' }, WAIT);
    expect(screen.queryByText(/Moray Cabs|taxi|crèche/i)).not.toBeInTheDocument();
  });
});

describe('the plan', () => {
  it('sets the crèche places, the bus times and the cake session, and says what to fix', async () => {
    const db = freshDb();
    await seed(db, { crechePlaces: undefined });
    stubNoNetwork();
    await renderApp('/sessions/s1/edit', { db, user: ALEX });
    const user = userEvent.setup({ delay: null });
    const places = await screen.findByRole('textbox', { name: 'Crèche places offered' }, WAIT);
    await user.type(places, 'six');
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    expect(places).toHaveAccessibleDescription(/Enter the crèche places as a whole number, like 6\./);
    await user.clear(places);
    await user.type(places, '6');
    const buses = screen.getByRole('textbox', { name: 'Bus times to the venue' });
    await user.clear(buses);
    await user.type(buses, '31 from Forres 9:50');
    await user.click(screen.getByRole('checkbox', { name: 'Bring the cakes to this session' }));
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    await waitFor(async () =>
      expect(await getRecord(db, 'session', 's1')).toMatchObject({
        crechePlaces: 6,
        busTimes: '31 from Forres 9:50',
        cakeSession: true,
      }),
    );
  });
});

describe('food, drinks and cakes', () => {
  it('lists food and drinks for those expected and the facilitators, and dietary needs as counts only', async () => {
    const db = freshDb();
    await seed(db);
    await openSession(db);
    const food = screen.getByRole('region', { name: 'Food and drinks' });
    // Two expected and one facilitator: three adults.
    expect(within(food).getByText(/For 3 adults: 2 expected and 1 facilitator/)).toBeInTheDocument();
    expect(within(food).getByRole('row', { name: 'Tea bags 6 bags' })).toBeInTheDocument();
    expect(within(food).getByRole('row', { name: 'Milk 2 pints' })).toBeInTheDocument();
    const needs = within(food).getByRole('list', { name: /Dietary needs/ });
    expect(
      within(needs)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Vegan: 2', 'Nut allergy: 1']);
    expect(within(food).queryByText(/Morag|Isla/)).not.toBeInTheDocument();
    // Not the cake session: no baker's list.
    expect(within(food).queryByRole('link', { name: /baker/ })).not.toBeInTheDocument();
  });

  it('prints the baker’s list for the cake session: the cakes of those expected, counted, with no names', async () => {
    const db = freshDb();
    await seed(db, { cakeSession: true });
    await openSession(db);
    const food = screen.getByRole('region', { name: 'Food and drinks' });
    await userEvent
      .setup({ delay: null })
      .click(within(food).getByRole('link', { name: 'The cakes: print the list for the baker' }));
    await screen.findByRole('heading', { level: 1, name: 'Cakes for the baker' }, WAIT);
    const list = screen.getByRole('list', { name: 'Cakes to bring' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['2 × Victoria sponge']);
    expect(screen.queryByText(/Morag|Isla|Zoë|Carrot/)).not.toBeInTheDocument();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Print the list' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('asks the cake question with one tap after checking in someone who has not said, and not otherwise', async () => {
    const db = freshDb();
    await seed(db);
    await saveRecord(db, 'attendee', 'ailsa', { displayName: 'Ailsa' });
    await saveRecord(db, 'outreach', 'o-ailsa', { sessionId: 's1', attendeeId: 'ailsa', outcome: 'coming' });
    stubNoNetwork();
    await renderApp('/sessions/s1/check-in', { db, user: ALEX });
    const user = userEvent.setup({ delay: null });

    // Morag said long ago: checking her in asks nothing.
    await user.click(await screen.findByRole('button', { name: 'Check in Morag' }, WAIT));
    await screen.findByRole('button', { name: /Undo check-in for Morag/ }, WAIT);
    expect(screen.queryByRole('region', { name: /were a cake/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Check in Ailsa' }));
    const prompt = await screen.findByRole('region', { name: 'If Ailsa were a cake, what cake would they be?' }, WAIT);
    // Typing nothing for another cake says what to do.
    await user.click(within(prompt).getByRole('button', { name: 'Save' }));
    expect(within(prompt).getByRole('textbox', { name: 'Another cake' })).toHaveAccessibleDescription(
      'Type the cake, or tap one of the cakes above.',
    );
    await user.click(within(prompt).getByRole('button', { name: 'Lemon drizzle' }));
    await waitFor(async () => expect((await getRecord(db, 'attendee', 'ailsa'))?.cake).toBe('Lemon drizzle'));
    await waitFor(() => expect(screen.queryByRole('region', { name: /were a cake/ })).not.toBeInTheDocument());
    expect(await getRecord(db, 'checkIn', 's1:ailsa')).toMatchObject({ present: true });
  });
});

describe('dietary needs on a person', () => {
  it('are chosen on the person form and shown on their profile', async () => {
    const db = freshDb();
    await seed(db);
    stubNoNetwork();
    await renderApp('/people/zoe/edit', { db, user: ALEX });
    const user = userEvent.setup({ delay: null });
    const group = await screen.findByRole('group', { name: 'Dietary needs' }, WAIT);
    await user.click(within(group).getByRole('checkbox', { name: 'Gluten-free' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Halal' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () =>
      expect((await getRecord(db, 'attendee', 'zoe'))?.dietary).toEqual(['gluten-free', 'halal']),
    );
    expect(await screen.findByText('Gluten-free, Halal', {}, WAIT)).toBeInTheDocument();
  });
});
