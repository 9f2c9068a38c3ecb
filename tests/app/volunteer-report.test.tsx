// The funder report of volunteer hours and training: totals by source and month, courses completed, no names.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMeta, type SignedInUser } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Volunteer hours and training', () => {
  it('counts the team’s hours and courses over the period chosen, naming nobody', async () => {
    stubNoNetwork();
    const db = freshDb();
    await setMeta(db, 'contacts', [
      { id: 'u1', name: 'Alex Morrison', role: 'coordinator', workPhone: null },
      { id: 'u2', name: 'Morag Reid', role: 'facilitator', workPhone: null },
    ]);
    // Long past, so the same whatever today is: only "Everything recorded" counts them.
    await saveRecord(db, 'session', 's1', {
      title: 'Drop-in',
      startsAt: '2020-10-06T09:00:00Z',
      endsAt: '2020-10-06T11:00:00Z',
      facilitatorIds: ['u1', 'u2'],
    });
    await saveRecord(db, 'hours', 'h1', { memberId: 'u2', on: '2020-11-20', hours: 0.5 });
    await saveRecord(db, 'training', 't1', { memberId: 'u2', name: 'Safeguarding', completedOn: '2020-10-01' });
    await renderApp('/reports/volunteers', { db, user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Volunteer hours and training' });
    expect(await screen.findByText(/0 hours given by 0 volunteers/)).toBeInTheDocument();

    await userEvent.setup().selectOptions(screen.getByLabelText('Period'), 'Everything recorded');
    expect(await screen.findByText('4.5 hours given by 2 volunteers.')).toBeInTheDocument();
    const months = screen.getByRole('table', { name: 'By month' });
    expect(within(months).getByRole('row', { name: /October 2020/ })).toHaveTextContent('4 hours');
    expect(within(months).getByRole('row', { name: /November 2020/ })).toHaveTextContent('0.5 hours');
    expect(screen.getByRole('row', { name: /Safeguarding/ })).toHaveTextContent('1');
    // The shell says who is signed in; the report itself names nobody.
    expect(screen.getByRole('heading', { level: 1 }).parentElement).not.toHaveTextContent(/Morag|Alex/);
  });

  it('is for coordinators', async () => {
    stubNoNetwork();
    const morag: SignedInUser = { ...ALEX, id: 'u2', name: 'Morag Reid', role: 'facilitator' };
    await renderApp('/reports/volunteers', { user: morag });
    expect(await screen.findByText(/only coordinators hold/)).toBeInTheDocument();
  });
});
