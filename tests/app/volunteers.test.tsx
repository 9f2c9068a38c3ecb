// A volunteer's page, offline from the device's records: PVG (warned, never blocked), hours counted from
// sessions and visits, training due, supervision with its private note; and who gets which forms.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarDate, CALENDAR, londonDate } from '../../src/domain/london.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { setMeta, type SignedInUser } from '../../src/db/meta.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const MORAG: SignedInUser = { ...ALEX, id: 'u2', name: 'Morag Reid', email: 'morag@example.org', role: 'facilitator' };
const today = () => londonDate(new Date());
const day = (offset: number) => addDays(calendarDate(today()), offset, { in: CALENDAR }).toISOString().slice(0, 10);

afterEach(() => {
  vi.unstubAllGlobals();
});

async function seed(): Promise<CoorieDb> {
  const db = freshDb();
  await setMeta(db, 'contacts', [
    { id: 'u1', name: 'Alex Morrison', role: 'coordinator', workPhone: null },
    { id: 'u2', name: 'Morag Reid', role: 'facilitator', workPhone: null },
  ]);
  // Two hours of a session run a week ago, and a 45-minute visit made.
  await saveRecord(db, 'session', 's1', {
    title: 'Drop-in',
    startsAt: `${day(-7)}T10:00:00Z`,
    endsAt: `${day(-7)}T12:00:00Z`,
    facilitatorIds: ['u2'],
  });
  await saveRecord(db, 'visit', 'v1', {
    attendeeId: 'a1',
    supporterId: 'u2',
    at: `${day(-3)}T14:00:00Z`,
    status: 'done',
    expectedMinutes: 45,
  });
  await saveRecord(db, 'hours', 'h1', { memberId: 'u2', on: day(-2), hours: 1.25, what: 'Phone round' });
  await saveRecord(db, 'pvg', 'pvg:u2', { memberId: 'u2', status: 'member', renewBy: day(-1) });
  await saveRecord(db, 'training', 't1', {
    memberId: 'u2',
    name: 'Safeguarding',
    completedOn: day(-350),
    renewBy: day(10),
  });
  return db;
}

describe('My training & hours', () => {
  it('warns of an expired PVG without blocking, counts hours, flags training due, and adds training', async () => {
    stubNoNetwork();
    const db = await seed();
    await renderApp('/settings/volunteering', { db, user: MORAG });
    await screen.findByRole('heading', { level: 1, name: 'My training & hours' });

    expect(await screen.findByText(/PVG membership has lapsed or passed its renewal date/)).toHaveTextContent(
      'You can still use Coorie',
    );
    // The member reads their PVG record but does not record it: that is the organisation's check.
    expect(screen.queryByRole('button', { name: 'Save PVG membership' })).not.toBeInTheDocument();

    const table = await screen.findByRole('table');
    const total = within(table).getByRole('row', { name: /^Total/ });
    // 2 hours + 45 minutes + 1¼ hours.
    expect(total).toHaveTextContent('4 hours');
    expect(within(table).getByRole('row', { name: /^Sessions run/ })).toHaveTextContent('2 hours');
    expect(within(table).getByRole('row', { name: /^Visits made/ })).toHaveTextContent('0.75 hours');

    const courses = screen.getByRole('list', { name: 'Training completed' });
    expect(within(courses).getByText('Safeguarding').parentElement).toHaveTextContent('Due for renewal');

    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Add training' });
    await user.click(within(form).getByRole('button', { name: 'Save training' }));
    expect(await within(form).findByText('Enter the name of the course')).toBeInTheDocument();
    expect(within(form).getByText(/Enter the date the course was completed/)).toBeInTheDocument();
    expect(within(form).getByRole('alert')).toHaveTextContent('Check the fields marked above.');

    await user.type(within(form).getByLabelText('Course'), 'First aid');
    await user.type(within(form).getByLabelText('Completed on'), '02/03/2026');
    await user.type(within(form).getByLabelText('Renew by (optional)'), '01/03/2026');
    await user.click(within(form).getByRole('button', { name: 'Save training' }));
    expect(
      await within(form).findByText('The renewal date must be after the date it was completed'),
    ).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Renew by (optional)'));
    await user.click(within(form).getByRole('button', { name: 'Save training' }));
    await waitFor(() => expect(within(courses).getByText('First aid')).toBeInTheDocument());
    expect(within(courses).getByText('First aid').parentElement).toHaveTextContent('no renewal needed');
    expect(screen.getByText('First aid saved.')).toBeInTheDocument();
  });

  it('adds hours, saying what to fix first', async () => {
    stubNoNetwork();
    const db = await seed();
    await renderApp('/settings/volunteering', { db, user: MORAG });
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Add hours' });
    await user.type(within(form).getByLabelText('Hours'), '1.3');
    await user.click(within(form).getByRole('button', { name: 'Save hours' }));
    expect(await within(form).findByText(/Enter the hours in quarter hours/)).toBeInTheDocument();
    expect(within(form).getByText(/Enter the date, like/)).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Hours'));
    await user.type(within(form).getByLabelText('Hours'), '1.5');
    await user.type(within(form).getByLabelText('Date'), '01/01/2026');
    await user.click(within(form).getByRole('button', { name: 'Save hours' }));
    const total = await screen.findByRole('row', { name: /^Total/ });
    await waitFor(() => expect(within(total).getAllByRole('cell').at(-1)).toHaveTextContent('5.5 hours'));
  });
});

describe("A coordinator on a member's page", () => {
  it('records PVG membership and a supervision session with its private note', async () => {
    stubNoNetwork();
    const db = await seed();
    await renderApp('/settings/team/u2/volunteering', { db, user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Morag Reid: training & hours' });
    const user = userEvent.setup();

    const pvgForm = await screen.findByRole('form', { name: 'Record PVG membership' });
    await user.selectOptions(within(pvgForm).getByLabelText('Status'), 'Member');
    await user.clear(within(pvgForm).getByLabelText('Renew by (optional)'));
    await user.type(within(pvgForm).getByLabelText('Renew by (optional)'), '01/12/2031');
    await user.click(within(pvgForm).getByRole('button', { name: 'Save PVG membership' }));
    await waitFor(() => expect(screen.queryByText(/PVG membership has lapsed/)).not.toBeInTheDocument());
    expect((await getRecord(db, 'pvg', 'pvg:u2'))?.renewBy).toBe('2031-12-01');

    const form = screen.getByRole('form', { name: 'Add a supervision session' });
    // The coordinator is chosen for themselves; the date is what is missing.
    expect(within(form).getByLabelText('With')).toHaveValue('u1');
    await user.type(within(form).getByLabelText('What you talked about (optional)'), 'A hard visit in Buckie.');
    await user.click(within(form).getByRole('button', { name: 'Save supervision' }));
    expect(await within(form).findByText(/Enter the date of the session/)).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Date'), '10/11/2026');
    await user.click(within(form).getByRole('button', { name: 'Save supervision' }));
    const sessions = await screen.findByRole('list', { name: 'Supervision sessions' });
    expect(sessions).toHaveTextContent('With Alex Morrison');
    expect(await within(sessions).findByText('A hard visit in Buckie.')).toBeInTheDocument();
  });

  it("tells a colleague that another member's records are not theirs to see", async () => {
    stubNoNetwork();
    const db = await seed();
    await renderApp('/settings/team/u1/volunteering', { db, user: MORAG });
    expect(await screen.findByText(/seen only by them and the coordinators/)).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
