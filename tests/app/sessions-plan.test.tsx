import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRecord, listRecords, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// Screens load lazily and the machine is shared: give them time to appear (this bounds waiting, asserts no timing).
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

type User = ReturnType<typeof userEvent.setup>;

async function fill(user: User, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (value) await user.type(input, value);
}

async function openNewPlan() {
  stubNoNetwork();
  const view = await renderApp('/sessions/new', { user: ALEX });
  await screen.findByRole('heading', { level: 1, name: 'Plan a session' });
  return { ...view, user: userEvent.setup({ delay: null }) };
}

describe('the plan editor', () => {
  it('says what to fix as people type, and saves nothing until it is right', async () => {
    const { db, user } = await openNewPlan();

    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAccessibleDescription('Error: Give the session a title, for example "Tuesday drop-in".');
    await waitFor(() => expect(title).toHaveFocus());

    await user.type(title, 'Tuesday drop-in');
    expect(title).not.toHaveAccessibleDescription(/Error/);

    await fill(user, 'Starts', '11:00');
    await fill(user, 'Ends', '10:30');
    expect(screen.getByLabelText('Ends')).toHaveAccessibleDescription(
      '24-hour clock, like 14:30 Error: The end time must be after the start time, on the same day: a session can’t run past midnight.',
    );
    await fill(user, 'Ends', '12:30');
    expect(screen.getByLabelText('Ends')).not.toHaveAccessibleDescription(/Error/);

    await user.click(screen.getByRole('radio', { name: 'Your own theme' }));
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    expect(screen.getByLabelText('Name your theme')).toHaveAccessibleDescription(
      'Error: Write your own theme, or choose one of the others.',
    );

    await user.selectOptions(screen.getByLabelText('Venue'), 'Add a new venue…');
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    expect(screen.getByLabelText('Name of the new venue')).toHaveAccessibleDescription(
      'Error: Enter the name of the new venue, or choose one above.',
    );

    await user.clear(screen.getByLabelText('Step 2'));
    expect(screen.getByText('Step 2 is empty: write it or remove it.')).toBeVisible();
    expect(await db.records('session').count()).toBe(0);
    expect(await db.records('venue').count()).toBe(0);
  });

  it('saves the whole plan in London time, with a new venue, and opens it', async () => {
    const { db, user, router } = await openNewPlan();
    await fill(user, 'Title', 'Rothes drop-in');
    await fill(user, 'Date', '2027-06-01');
    await fill(user, 'Starts', '10:00');
    await fill(user, 'Ends', '12:00');
    await user.selectOptions(screen.getByLabelText('Venue'), 'Add a new venue…');
    await fill(user, 'Name of the new venue', 'Rothes Hall');
    await user.selectOptions(screen.getByLabelText('Where is it?'), 'Speyside');
    await user.click(screen.getByRole('radio', { name: 'Attachment and bonding' }));

    // The outline comes filled in; change its order, take a step out and add one.
    const outline = screen.getByRole('group', { name: 'Outline' });
    expect(within(outline).getByLabelText('Step 1')).toHaveValue('Welcome');
    await user.click(within(outline).getByRole('button', { name: 'Move Close up' }));
    await user.click(within(outline).getByRole('button', { name: 'Remove Activity' }));
    await user.type(within(outline).getByLabelText('Add a step'), 'Treasure baskets{Enter}');

    await user.click(screen.getByRole('button', { name: 'Add me (Alex Morrison)' }));
    await user.type(screen.getByLabelText('Add a facilitator by name'), 'Isla');
    await user.click(within(screen.getByRole('group', { name: 'Facilitators' })).getByRole('button', { name: 'Add' }));
    await fill(user, 'Childcare', 'Creche in the back room');

    const materials = screen.getByRole('group', { name: 'Things to bring' });
    await user.click(within(materials).getByRole('checkbox', { name: 'Hot drinks' }));
    await user.type(within(materials).getByLabelText('Add something to bring'), 'Muslins{Enter}');

    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rothes drop-in' })).toBeInTheDocument();

    const [venue] = await listRecords(db, 'venue');
    expect(venue).toMatchObject({ name: 'Rothes Hall', locality: 'Speyside', createdBy: ALEX.id });
    const id = router.state.location.pathname.split('/')[2] ?? '';
    expect(await getRecord(db, 'session', id)).toMatchObject({
      title: 'Rothes drop-in',
      // 10am in British Summer Time is 9am UTC.
      startsAt: '2027-06-01T09:00:00.000Z',
      endsAt: '2027-06-01T11:00:00.000Z',
      venueId: venue?.id,
      kind: 'drop-in',
      theme: 'attachment and bonding',
      outline: ['Welcome', 'Check-in round', 'Food and drinks', 'Close', 'Baby-basket time', 'Treasure baskets'],
      facilitators: ['Alex Morrison', 'Isla'],
      childcare: 'Creche in the back room',
      materials: [
        { item: 'Food', done: false },
        { item: 'Hot drinks', done: true },
        { item: 'Baby baskets', done: false },
        { item: 'Stories', done: false },
        { item: 'Muslins', done: false },
      ],
      status: 'planned',
    });
    expect(await screen.findByText(/Rothes Hall, Speyside/)).toHaveTextContent(
      /^Tuesday 1 June( 2027)?, 10:00–12:00 · Rothes Hall, Speyside$/,
    );
  });

  it('makes a course of weekly sessions at the same London time across the clocks going back', async () => {
    const { db, user } = await openNewPlan();
    await fill(user, 'Title', 'Bump to baby');
    await fill(user, 'Date', '2027-10-19');
    await fill(user, 'Starts', '10:00');
    await fill(user, 'Ends', '11:30');
    await user.click(screen.getByRole('radio', { name: 'Course session' }));
    await fill(user, 'Weekly for how many weeks?', '60');
    expect(screen.getByLabelText('Weekly for how many weeks?')).toHaveAccessibleDescription(
      /Error: Enter a number of weeks from 1 to 52\./,
    );
    await fill(user, 'Weekly for how many weeks?', '3');
    await user.click(screen.getByRole('button', { name: 'Plan 3 weeks' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Bump to baby (Week 1 of 3)' })).toBeInTheDocument();
    const weeks = (await listRecords(db, 'session')).sort((a, b) =>
      String(a.startsAt).localeCompare(String(b.startsAt)),
    );
    expect(weeks.map((week) => [week.title, week.startsAt, week.kind])).toEqual([
      ['Bump to baby (Week 1 of 3)', '2027-10-19T09:00:00.000Z', 'course'],
      ['Bump to baby (Week 2 of 3)', '2027-10-26T09:00:00.000Z', 'course'],
      ['Bump to baby (Week 3 of 3)', '2027-11-02T10:00:00.000Z', 'course'],
    ]);
    expect(new Set(weeks.map((week) => week.seriesId)).size).toBe(1);
  });

  it('keeps what was typed through a reload, until it is cancelled on purpose', async () => {
    const { db, user, unmount } = await openNewPlan();
    await user.type(screen.getByLabelText('Title'), 'Forres drop-in');
    await user.click(screen.getByRole('checkbox', { name: 'Stories' }));
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));
    unmount();

    await renderApp('/sessions/new', { db });
    expect(await screen.findByText('Your unsaved changes are back.')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Forres drop-in');
    expect(screen.getByRole('checkbox', { name: 'Stories' })).toBeChecked();

    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { level: 1, name: 'Sessions' });
    expect(await db.drafts.count()).toBe(0);
  });

  it('saves only the fields an edit changed, so another tablet’s change to the rest stands', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'session', 's1', {
      title: 'Keith drop-in',
      startsAt: '2027-03-02T10:00:00.000Z',
      endsAt: '2027-03-02T12:00:00.000Z',
      kind: 'drop-in',
      outline: ['Welcome'],
      materials: [{ item: 'Food', done: true }],
    });
    await renderApp('/sessions/s1/edit', { db, user: ALEX });
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByLabelText('Title')).toHaveValue('Keith drop-in');
    expect(screen.getByLabelText('Starts')).toHaveValue('10:00');
    await fill(user, 'Title', 'Keith Tuesday drop-in');
    const before = await db.outbox.count();
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Keith Tuesday drop-in' });

    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)?.values).toEqual({ title: 'Keith Tuesday drop-in' });
  });
});
