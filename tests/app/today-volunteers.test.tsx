// Today's volunteer items: a coordinator sees renewals due within 30 days or past; a member with a lapsed PVG is
// warned on their own Today and can carry on.
import { screen, within } from '@testing-library/react';
import { addDays } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarDate, CALENDAR, londonDate } from '../../src/domain/london.ts';
import { setMeta, type SignedInUser } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

const MORAG: SignedInUser = { ...ALEX, id: 'u2', name: 'Morag Reid', email: 'morag@example.org', role: 'facilitator' };
const day = (offset: number) =>
  addDays(calendarDate(londonDate(new Date())), offset, { in: CALENDAR })
    .toISOString()
    .slice(0, 10);

afterEach(() => {
  vi.unstubAllGlobals();
});

async function seed() {
  const db = freshDb();
  await setMeta(db, 'contacts', [
    { id: 'u1', name: 'Alex Morrison', role: 'coordinator', workPhone: null },
    { id: 'u2', name: 'Morag Reid', role: 'facilitator', workPhone: null },
    { id: 'u3', name: 'Isla Grant', role: 'visitor', workPhone: null },
  ]);
  await saveRecord(db, 'pvg', 'pvg:u2', { memberId: 'u2', status: 'lapsed' });
  await saveRecord(db, 'training', 't1', {
    memberId: 'u3',
    name: 'Safeguarding',
    completedOn: day(-300),
    renewBy: day(20),
  });
  // Renewed since: the old record's date has passed, but nothing is due.
  await saveRecord(db, 'training', 't2', {
    memberId: 'u3',
    name: 'First aid',
    completedOn: day(-1000),
    renewBy: day(-5),
  });
  await saveRecord(db, 'training', 't3', {
    memberId: 'u3',
    name: 'First aid',
    completedOn: day(-6),
    renewBy: day(1000),
  });
  // Far off: not yet due.
  await saveRecord(db, 'training', 't4', {
    memberId: 'u2',
    name: 'Infant feeding',
    completedOn: day(-6),
    renewBy: day(60),
  });
  return db;
}

describe('Today: volunteers', () => {
  it('lists for a coordinator what falls due, lapsed first, with a link to each member', async () => {
    stubNoNetwork();
    await renderApp('/', { db: await seed(), user: ALEX });
    const section = await screen.findByRole('region', { name: 'Due for volunteers' });
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Morag Reid: PVG membership Lapsed/),
      expect.stringMatching(/^Isla Grant: Safeguarding Renew by/),
    ]);
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/settings/team/u2/volunteering');
    // A coordinator's own PVG is not lapsed: no warning for them.
    expect(screen.queryByText(/Your PVG membership has lapsed/)).not.toBeInTheDocument();
  });

  it('warns a member whose PVG has lapsed, without the team list, and leaves Today usable', async () => {
    stubNoNetwork();
    await renderApp('/', { db: await seed(), user: MORAG });
    expect(await screen.findByText(/Your PVG membership has lapsed/)).toHaveTextContent('Carry on recording');
    expect(screen.queryByRole('region', { name: 'Due for volunteers' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find a local service or helpline' })).toBeInTheDocument();
  });
});
