import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInUser } from '../../src/db/meta.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const MORAG: SignedInUser = { ...ALEX, id: 'u2', name: 'Morag', email: 'morag@example.org', role: 'facilitator' };
const ISLA: SignedInUser = { ...ALEX, id: 'u3', name: 'Isla', email: 'isla@example.org', role: 'visitor' };
const NOW = new Date('2026-11-24T10:00:00.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  stubNoNetwork();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function seed() {
  const db = freshDb();
  await saveRecord(db, 'attendee', 'a1', { displayName: 'Kirsty' });
  await saveRecord(db, 'partner', 'p-hub', { name: 'Moray Wellbeing Hub', type: 'wellbeing hub' });
  await saveRecord(db, 'partner', 'p-hv', { name: 'Elgin Health Visiting Team', type: 'health visiting team' });
  return db;
}

describe('referring or signposting a person', { timeout: 30_000 }, () => {
  it('opens from their page, says what to fix, and saves with consent and a follow-up date', async () => {
    const db = await seed();
    await renderApp('/people/a1', { db, user: MORAG });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Refer or signpost' }));
    await screen.findByRole('heading', { level: 1, name: 'Refer or signpost Kirsty' });

    await user.click(screen.getByRole('button', { name: 'Save referral' }));
    expect(await screen.findByText('Choose who you are referring or signposting them to.')).toBeVisible();
    expect(screen.getByText(/Ask them first: tick this once they have said yes/)).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'To whom' })).toHaveFocus();
    expect(await db.records('referral').count()).toBe(0);

    await user.selectOptions(screen.getByRole('combobox', { name: 'To whom' }), 'Moray Wellbeing Hub');
    await user.type(screen.getByRole('textbox', { name: 'Why (optional)' }), 'Money worries since the birth');
    await user.click(screen.getByRole('checkbox', { name: 'Kirsty said yes to this' }));
    await user.click(screen.getByRole('button', { name: 'Save referral' }));

    expect(await screen.findByText('Saved. “Did they get there?” comes up on Today on Tue 8 Dec.')).toBeVisible();
    const [saved] = await db.records('referral').toArray();
    expect(saved).toMatchObject({
      attendeeId: 'a1',
      partnerId: 'p-hub',
      toName: 'Moray Wellbeing Hub',
      type: 'referral',
      consentGiven: true,
      consentWording: 'Happy for us to pass on their first name and number',
      followUpDue: '2026-12-08',
      createdBy: 'u2',
    });
    const section = screen.getByRole('region', { name: 'Referrals and signposting' });
    expect(await within(section).findByText('Referred to Moray Wellbeing Hub')).toBeVisible();
    expect(within(section).getByText('Money worries since the birth')).toBeVisible();

    // The outcome, from the profile.
    await user.click(within(section).getByRole('button', { name: 'Got there' }));
    await waitFor(async () =>
      expect(await getRecord(db, 'referral', saved?.id ?? '')).toMatchObject({ outcome: 'got there' }),
    );
    await waitFor(() => expect(within(section).queryByRole('button', { name: 'Got there' })).toBeNull());
    expect(within(section).getByText('Got there')).toBeVisible();
  });

  it('offers the partners referred to lately at a tap, the latest chosen already', async () => {
    const db = await seed();
    await saveRecord(db, 'referral', 'r0', {
      attendeeId: 'a1',
      partnerId: 'p-hv',
      madeAt: '2026-11-20T10:00:00Z',
    });
    await renderApp('/people/a1/refer', { db, user: MORAG });
    const user = userEvent.setup();
    const recent = await screen.findByRole('group', { name: 'Referred to lately' });
    expect(within(recent).getByRole('radio', { name: 'Elgin Health Visiting Team' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /Signposting/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Kirsty said yes to this' }));
    await user.click(screen.getByRole('button', { name: 'Save referral' }));
    await waitFor(async () => expect(await db.records('referral').count()).toBe(2));
    const made = (await db.records('referral').toArray()).find((row) => row.id !== 'r0');
    expect(made).toMatchObject({ partnerId: 'p-hv', type: 'signposting' });
  });
});

describe('follow-ups on Today', { timeout: 30_000 }, () => {
  async function withDue() {
    const db = await seed();
    const base = {
      attendeeId: 'a1',
      partnerId: 'p-hub',
      madeAt: '2026-11-10T10:00:00Z',
      toName: 'Moray Wellbeing Hub',
    };
    await saveRecord(db, 'referral', 'r-due', { ...base, followUpDue: '2026-11-24' }, { userId: 'u2' });
    await saveRecord(db, 'referral', 'r-later', { ...base, followUpDue: '2026-11-30' }, { userId: 'u2' });
    await saveRecord(
      db,
      'referral',
      'r-done',
      { ...base, followUpDue: '2026-11-20', outcome: 'declined' },
      {
        userId: 'u2',
      },
    );
    return db;
  }

  it('shows its author the referrals due, and records how it went in one tap', async () => {
    const db = await withDue();
    await renderApp('/', { db, user: MORAG });
    const user = userEvent.setup();
    const section = await screen.findByRole('region', { name: 'Did they get there?' });
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    expect(within(section).getByText('Referred to Moray Wellbeing Hub')).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Didn’t get there' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Did they get there?' })).toBeNull());
    expect(await getRecord(db, 'referral', 'r-due')).toMatchObject({ outcome: "didn't get there" });
  });

  it('shows them to coordinators but not to another volunteer', async () => {
    const db = await withDue();
    const view = await renderApp('/', { db, user: ISLA });
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await screen.findByRole('link', { name: 'Find a local service or helpline' });
    expect(screen.queryByRole('region', { name: 'Did they get there?' })).toBeNull();
    view.unmount();
    await renderApp('/', { db, user: ALEX });
    expect(await screen.findByRole('region', { name: 'Did they get there?' })).toBeVisible();
  });
});

describe('partners', { timeout: 30_000 }, () => {
  it('lets a coordinator add one, saying what to fix', async () => {
    const db = freshDb();
    await renderApp('/settings', { db, user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Partners' }));
    await screen.findByText('No partners yet.');
    await user.click(screen.getByRole('link', { name: 'Add a partner' }));
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'not an address');
    await user.click(screen.getByRole('button', { name: 'Add partner' }));
    expect(await screen.findByText('Enter the name of the organisation.')).toBeVisible();
    expect(screen.getByText('Choose what kind of organisation it is.')).toBeVisible();
    expect(screen.getByText('Enter an email address like team@example.org.')).toBeVisible();

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Elgin Foodbank');
    await user.click(screen.getByRole('radio', { name: 'Foodbank' }));
    await user.clear(screen.getByRole('textbox', { name: 'Email' }));
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'help@elginfoodbank.org');
    await user.type(screen.getByRole('textbox', { name: 'Who to ask for' }), 'Jean, coordinator, 01343 555555');
    await user.click(screen.getByRole('button', { name: 'Add partner' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Elgin Foodbank' })).toBeVisible();
    expect(screen.getByText('Jean, coordinator, 01343 555555')).toBeVisible();
    expect(await db.records('partner').toArray()).toEqual([
      expect.objectContaining({ name: 'Elgin Foodbank', type: 'foodbank', email: 'help@elginfoodbank.org' }),
    ]);
  });

  it('lets a facilitator read the list but not change it', async () => {
    const db = await seed();
    await renderApp('/settings/partners', { db, user: MORAG });
    expect(await screen.findByRole('heading', { level: 2, name: 'Moray Wellbeing Hub' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Add a partner' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Edit/ })).toBeNull();
  });
});

describe('the way in from a note', { timeout: 30_000 }, () => {
  it('offers a referral from the note form and from the urgent concern screen', async () => {
    const db = await seed();
    const view = await renderApp('/people/a1/notes/new', { db, user: MORAG });
    expect(await screen.findByRole('link', { name: 'Refer or signpost Kirsty' })).toHaveAttribute(
      'href',
      '/people/a1/refer',
    );
    view.unmount();
    await renderApp(`/notes/escalation?back=${encodeURIComponent('/people/a1/notes/new')}`, { db, user: MORAG });
    expect(await screen.findByRole('link', { name: 'Record a referral for them' })).toHaveAttribute(
      'href',
      '/people/a1/refer',
    );
  });
});

describe('referrals in the reports', { timeout: 30_000 }, () => {
  it('shows referrals by partner and outcome, small numbers as "<5"', async () => {
    const db = await seed();
    await saveRecord(db, 'session', 's1', { title: 'Drop-in', startsAt: '2026-11-17T10:00:00Z' });
    const made = (id: string, partnerId: string, outcome?: string) =>
      saveRecord(db, 'referral', id, {
        attendeeId: 'a1',
        partnerId,
        madeAt: '2026-11-18T10:00:00Z',
        ...(outcome ? { outcome } : {}),
      });
    for (let i = 0; i < 6; i++) await made(`hub${i}`, 'p-hub', 'got there');
    await made('hv', 'p-hv', 'declined');
    await renderApp('/reports?view=barriers&from=2026-11-01&to=2026-11-24', { db, user: ALEX });
    const figure = await screen.findByRole('region', { name: 'Referrals and signposting by partner' });
    const row = (name: string) =>
      within(figure)
        .getAllByRole('row')
        .find((r) => within(r).queryByRole('rowheader', { name }));
    await waitFor(() => expect(row('Moray Wellbeing Hub')).toBeDefined());
    const cells = (name: string) =>
      within(row(name) as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells('Elgin Health Visiting Team')).toEqual(['<5', '0', '0', '<5', '0', '0']);
    expect(cells('Moray Wellbeing Hub')).toEqual(['6', '6', '0', '0', '0', '0']);
  });
});
