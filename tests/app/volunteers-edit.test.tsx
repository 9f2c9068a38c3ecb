// Correcting a volunteer's entries: a coordinator changes a training renewal date (the page and Today follow),
// a member removes hours after confirming (the total drops), and a colleague sees no Change or Remove.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarDate, CALENDAR, londonDate } from '../../src/domain/london.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { setMeta, type SignedInUser } from '../../src/db/meta.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { addSupervision, removeVolunteerEntry } from '../../src/db/volunteers.ts';
import { supervisionNoteId } from '../../src/domain/supervisionNote.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const MORAG: SignedInUser = { ...ALEX, id: 'u2', name: 'Morag Reid', email: 'morag@example.org', role: 'facilitator' };
const ISLA: SignedInUser = { ...ALEX, id: 'u3', name: 'Isla Grant', email: 'isla@example.org', role: 'visitor' };
const day = (offset: number) =>
  addDays(calendarDate(londonDate(new Date())), offset, { in: CALENDAR })
    .toISOString()
    .slice(0, 10);
const typed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

afterEach(() => {
  vi.unstubAllGlobals();
});

async function seed(): Promise<CoorieDb> {
  const db = freshDb();
  await setMeta(db, 'contacts', [
    { id: 'u1', name: 'Alex Morrison', role: 'coordinator', workPhone: null },
    { id: 'u2', name: 'Morag Reid', role: 'facilitator', workPhone: null },
    { id: 'u3', name: 'Isla Grant', role: 'visitor', workPhone: null },
  ]);
  await saveRecord(db, 'pvg', 'pvg:u2', { memberId: 'u2', status: 'member', renewBy: day(400) });
  await saveRecord(db, 'hours', 'h1', { memberId: 'u2', on: day(-2), hours: 1.25, what: 'Phone round' });
  await saveRecord(db, 'hours', 'h2', { memberId: 'u2', on: day(-3), hours: 2, what: 'Training others' });
  // Typed wrongly: the renewal is really due in ten days, not in two years.
  await saveRecord(db, 'training', 't1', {
    memberId: 'u2',
    name: 'Safeguarding',
    completedOn: day(-350),
    renewBy: day(700),
  });
  return db;
}

describe('Changing and removing volunteer entries', () => {
  it("lets a coordinator correct a training renewal date, and Today's due list follows", async () => {
    stubNoNetwork();
    const db = await seed();
    await renderApp('/settings/team/u2/volunteering', { db, user: ALEX });
    const user = userEvent.setup();
    const courses = await screen.findByRole('list', { name: 'Training completed' });
    expect(within(courses).getByText('Safeguarding').parentElement).not.toHaveTextContent('Due for renewal');

    await user.click(within(courses).getByRole('button', { name: 'Change Safeguarding' }));
    const form = within(courses).getByRole('form', { name: 'Change Safeguarding' });
    expect(within(form).getByLabelText('Course')).toHaveValue('Safeguarding');
    const renew = within(form).getByLabelText('Renew by (optional)');
    expect(renew).toHaveValue(typed(day(700)));
    await user.clear(renew);
    await user.type(renew, typed(day(10)));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(within(courses).getByText('Safeguarding').parentElement).toHaveTextContent('Due for renewal'),
    );
    expect(within(courses).queryByRole('form')).not.toBeInTheDocument();
    expect(within(courses).getAllByRole('listitem')).toHaveLength(1);
    expect((await getRecord(db, 'training', 't1'))?.renewBy).toBe(day(10));

    cleanup();
    await renderApp('/', { db, user: ALEX });
    const section = await screen.findByRole('region', { name: 'Due for volunteers' });
    expect(within(section).getByText(/Safeguarding/)).toBeInTheDocument();
  });

  it('lets a member remove hours after confirming, and the total drops', async () => {
    stubNoNetwork();
    const db = await seed();
    await renderApp('/settings/volunteering', { db, user: MORAG });
    const user = userEvent.setup();
    const total = await screen.findByRole('row', { name: /^Total/ });
    await waitFor(() => expect(within(total).getAllByRole('cell').at(-1)).toHaveTextContent('3.25 hours'));

    const entries = screen.getByRole('list', { name: 'Other hours entered' });
    const remove = within(entries).getByRole('button', { name: /^Remove hours, 2 hours on/ });
    expect(remove).toHaveClass('button-secondary');
    await user.click(remove);
    const confirm = within(entries).getByRole('group', { name: /^Remove hours, 2 hours on/ });
    // Keeping it leaves it alone.
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(within(entries).getAllByRole('listitem')).toHaveLength(2);

    await user.click(within(entries).getByRole('button', { name: /^Remove hours, 2 hours on/ }));
    await user.click(within(entries).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(within(total).getAllByRole('cell').at(-1)).toHaveTextContent('1.25 hours'));
    expect(within(entries).getAllByRole('listitem')).toHaveLength(1);
    expect(within(entries).queryByText('Training others')).not.toBeInTheDocument();
    expect(screen.getByText('Hours removed.')).toBeInTheDocument();
    expect((await db.records('hours').get('h2'))?.deleted).toBe(true);
  });

  it('shows a colleague no Change or Remove', async () => {
    stubNoNetwork();
    const db = await seed();
    await renderApp('/settings/team/u2/volunteering', { db, user: ISLA });
    expect(await screen.findByText(/seen only by them and the coordinators/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Change|Remove)/ })).not.toBeInTheDocument();
  });
});

describe('Removing a supervision session', () => {
  it('takes what was said in it along, on a device that holds it', async () => {
    const db = freshDb();
    const writer = { userId: 'u1' };
    const values = { memberId: 'u2', supervisorId: 'u1', on: day(-7), content: 'Finding the home visits heavy going.' };
    const id = await addSupervision(db, values, writer);
    const noteId = supervisionNoteId(id);
    expect(await getRecord(db, 'supervisionNote', noteId)).toMatchObject({ supervisionId: id });

    await removeVolunteerEntry(db, 'supervision', id, writer);

    // Both gone from what the device shows, and both marked deleted in its tables, for the server to hear of.
    expect(await getRecord(db, 'supervision', id)).toBeUndefined();
    expect(await getRecord(db, 'supervisionNote', noteId)).toBeUndefined();
    expect(await db.records('supervision').get(id)).toMatchObject({ deleted: true });
    expect(await db.records('supervisionNote').get(noteId)).toMatchObject({ deleted: true });
    const queued = await db.outbox.toArray();
    expect(queued.filter((entry) => entry.values.deleted === true).map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(['supervision', 'supervisionNote']),
    );
  });
});
