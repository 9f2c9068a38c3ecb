import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRecord } from '../../src/db/records.ts';
import { fitsAge } from '../../src/domain/activity.ts';
import { SAFETY_BASICS, STARTER_ACTIVITIES } from '../../src/domain/library/activities.ts';
import { ALEX, renderApp, stubNoNetwork } from './helpers.tsx';

// The first screen of a file loads its lazy route chunk; on a busy machine that takes more than a second.

afterEach(() => {
  vi.unstubAllGlobals();
});

const titles = () =>
  within(screen.getByRole('list', { name: 'Activity ideas' }))
    .getAllByRole('link')
    .map((link) => link.querySelector('.activity-title')?.textContent);

const sortedTitles = (list: readonly { title: string }[]) =>
  list.map((activity) => activity.title).toSorted((a, b) => a.localeCompare(b, 'en-GB'));

describe('the activity library', { timeout: 20_000 }, () => {
  it('shows every starter idea without writing them into the database', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/activities', { user: ALEX });
    expect(await screen.findByText(`${STARTER_ACTIVITIES.length} ideas`)).toBeInTheDocument();
    expect(STARTER_ACTIVITIES.length).toBeGreaterThanOrEqual(25);
    expect(titles()).toEqual(sortedTitles(STARTER_ACTIVITIES));
    expect(await db.records('activity').count()).toBe(0);
  });

  it('filters by the baby’s age and by kind, together', async () => {
    stubNoNetwork();
    await renderApp('/activities', { user: ALEX });
    const user = userEvent.setup();
    await screen.findByRole('list', { name: 'Activity ideas' });

    fireEvent.change(screen.getByLabelText('Baby’s age in months'), { target: { value: '8' } });
    const forEight = STARTER_ACTIVITIES.filter((activity) => fitsAge(activity, 8));
    expect(screen.getByText(`${forEight.length} ideas for a baby of 8 months`)).toBeInTheDocument();
    expect(titles()).toEqual(sortedTitles(forEight));
    expect(titles()).toContain('Treasure basket');

    await user.click(screen.getByRole('button', { name: 'Newborn' }));
    expect(screen.getByRole('button', { name: 'Newborn' })).toHaveAttribute('aria-pressed', 'true');
    expect(titles()).not.toContain('Treasure basket');
    expect(titles()).toEqual(sortedTitles(STARTER_ACTIVITIES.filter((activity) => fitsAge(activity, 0))));

    await user.click(screen.getByRole('button', { name: 'Story' }));
    expect(titles()).toEqual(
      sortedTitles(STARTER_ACTIVITIES.filter((activity) => fitsAge(activity, 0) && activity.kind === 'story')),
    );

    await user.click(screen.getByRole('button', { name: 'Any age' }));
    await user.click(screen.getByRole('button', { name: 'All kinds' }));
    expect(titles()).toHaveLength(STARTER_ACTIVITIES.length);
  });

  it('puts the safety notes first, in their own box, then ages, materials, how to and why', async () => {
    stubNoNetwork();
    await renderApp('/activities/starter-treasure-basket', { user: ALEX });
    expect(await screen.findByRole('heading', { level: 1, name: 'Treasure basket' })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['⚠ Safety first', 'Materials', 'How to', 'Why it helps']);
    const safety = screen.getByRole('region', { name: /Safety first/ });
    expect(safety).toHaveTextContent(SAFETY_BASICS);
    expect(screen.getByText('5 to 10 months')).toBeInTheDocument();
    expect(screen.getByText('A large pine cone')).toBeInTheDocument();
  });
});

describe('editing a starter idea', { timeout: 20_000 }, () => {
  it('saves the organisation’s copy under the same id, which replaces the original, and can be undone', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/activities/starter-bubbles', { user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Edit for your group' }));
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Bubbles at Rothes');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Bubbles at Rothes' })).toBeInTheDocument();
    expect(screen.getByText('A starter idea, edited for your group')).toBeInTheDocument();
    expect(await getRecord(db, 'activity', 'starter-bubbles')).toMatchObject({
      title: 'Bubbles at Rothes',
      kind: 'sensory play',
      builtIn: true,
    });
    expect(await db.records('activity').count()).toBe(1);

    await user.click(screen.getByRole('link', { name: 'Back to activities' }));
    await screen.findByRole('list', { name: 'Activity ideas' });
    expect(titles()).toContain('Bubbles at Rothes');
    expect(titles()).not.toContain('Bubbles');
    expect(titles()).toHaveLength(STARTER_ACTIVITIES.length);

    await user.click(screen.getByRole('link', { name: /Bubbles at Rothes/ }));
    await user.click(await screen.findByRole('button', { name: 'Go back to the original' }));
    await user.click(screen.getByRole('button', { name: 'Yes, go back to the original' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bubbles' })).toBeInTheDocument();
  });
});

describe('adding your own activity', { timeout: 20_000 }, () => {
  it('says what to fix as people type and when they try to save', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/activities/new', { user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add activity' }));
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Error: Give the activity a name.');
    expect(screen.getByText('Choose the kind of activity.')).toBeVisible();
    expect(screen.getByText('Say how to run it, so that anyone in the team can pick it up.')).toBeVisible();
    expect(
      screen.getByText('Add safety notes: what to check before and during. Every activity needs them.'),
    ).toBeVisible();

    const youngest = screen.getByLabelText(/Youngest age/);
    await user.clear(youngest);
    await user.type(youngest, '18');
    expect(screen.getByText("The oldest age can't be younger than the youngest (18 months).")).toBeVisible();
    await user.clear(youngest);
    await user.type(youngest, '61');
    expect(screen.getByLabelText(/Youngest age/)).toHaveAccessibleDescription(
      '0 for newborns Error: Enter a whole number of months from 0 to 60.',
    );
    expect(await db.records('activity').count()).toBe(0);
  });

  it('saves an activity that then shows in the library as your own', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/activities/new', { user: ALEX });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'Scarf peekaboo');
    await user.selectOptions(screen.getByLabelText('Kind'), 'Sensory play');
    await user.clear(screen.getByLabelText(/Youngest age/));
    await user.type(screen.getByLabelText(/Youngest age/), '4');
    await user.type(screen.getByLabelText(/Materials/), 'Scarf{Enter}Basket');
    await user.type(screen.getByLabelText('How to'), 'Peek out.');
    await user.type(screen.getByLabelText(/Safety notes/), 'Short scarves.');
    await user.click(screen.getByRole('button', { name: 'Add activity' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Scarf peekaboo' })).toBeInTheDocument();
    const [saved] = await db.records('activity').toArray();
    expect(saved).toMatchObject({
      title: 'Scarf peekaboo',
      kind: 'sensory play',
      minAgeMonths: 4,
      maxAgeMonths: 12,
      materials: ['Scarf', 'Basket'],
      builtIn: false,
      createdBy: 'u1',
    });
    await user.click(screen.getByRole('link', { name: 'Back to activities' }));
    expect(await screen.findByRole('link', { name: /Scarf peekaboo/ })).toHaveTextContent('Your own');
    expect(await db.drafts.count()).toBe(0);
  });

  it('keeps what was typed after a reload', async () => {
    stubNoNetwork();
    const first = await renderApp('/activities/new', { user: ALEX });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'Rhyme time');
    await waitFor(async () => expect(await first.db.drafts.count()).toBe(1));
    first.unmount();
    await renderApp('/activities/new', { db: first.db });
    expect(await screen.findByText('Your unsaved changes are back.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Rhyme time');
  });
});
