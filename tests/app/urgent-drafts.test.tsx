// An urgent note left as a draft is flagged on its author's Today until it is saved or discarded, the flag leads
// back to the note, and a follow-up date never stops the urgent note being saved.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, format } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { giveConsent } from '../../src/domain/consent.ts';
import { CALENDAR, calendarDate, londonDate } from '../../src/domain/london.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveDraft } from '../../src/db/drafts.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptyNote } from '../../src/app/notes/noteForm.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A UK date `days` from today, as someone types it. */
const ukDay = (days: number) =>
  format(addDays(calendarDate(londonDate(new Date())), days), 'dd/MM/yyyy', { in: CALENDAR });

async function morag(): Promise<CoorieDb> {
  const db = freshDb();
  await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag', consent: giveConsent(['notes'], new Date()) });
  return db;
}

const flag = () => screen.queryByRole('region', { name: /urgent notes? (is|are) not saved/ });

describe('an urgent note left unsaved', () => {
  it('is flagged on Today, leads back to the note, and goes once the note is saved with any follow-up date', async () => {
    stubNoNetwork();
    const db = await morag();
    await renderApp('/people/a1/notes/new', { db, user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('Note', {}, SLOW));
    await user.paste('Said she cannot see a way forward.');
    await user.click(screen.getByRole('radio', { name: 'Urgent' }));
    await screen.findByRole('heading', { level: 1, name: 'Urgent concern: what to do now' }, SLOW);

    await user.click(screen.getByRole('link', { name: 'Today' }));
    const flagged = await screen.findByRole('region', { name: 'An urgent note is not saved' }, SLOW);
    expect(flagged).toHaveTextContent('Until you save it, no coordinator knows of the concern.');
    // Nobody's name on Today: the tablet may be face up in a hall.
    expect(flagged).not.toHaveTextContent('Morag');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings[0]).toBe('An urgent note is not saved');

    await user.click(within(flagged).getByRole('link', { name: 'Finish the urgent note' }));
    expect(await screen.findByText('Your unsaved note is back.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByLabelText('Note')).toHaveValue('Said she cannot see a way forward.');
    expect(screen.getByRole('radio', { name: 'Urgent' })).toBeChecked();

    // A follow-up due in the past, then a date that is not one: neither holds the urgent note back.
    await user.click(screen.getByLabelText('Follow-up (optional)'));
    await user.paste('Ring her GP');
    const due = screen.getByLabelText(/^Follow up by/);
    await user.type(due, ukDay(-3));
    await user.clear(due);
    await user.type(due, '31/02/2026');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect(await db.records('note').count()).toBe(1), SLOW);
    const [saved] = await db.records('note').toArray();
    expect(saved).toMatchObject({ concern: 'urgent', followUp: 'Ring her GP' });
    expect(saved).not.toHaveProperty('followUpDue');

    await user.click(screen.getByRole('link', { name: 'Today' }));
    await screen.findByRole('heading', { level: 1, name: 'Today' }, SLOW);
    await waitFor(() => expect(flag()).not.toBeInTheDocument(), SLOW);
  });

  it('saves an urgent note whose follow-up is due before today', async () => {
    stubNoNetwork();
    const db = await morag();
    await renderApp('/people/a1/notes/new', { db, user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('Note', {}, SLOW));
    await user.paste('Low, not eating.');
    await user.click(screen.getByLabelText('Follow-up (optional)'));
    await user.paste('Ring her GP');
    await user.type(screen.getByLabelText(/^Follow up by/), ukDay(-3));
    await user.click(screen.getByRole('radio', { name: 'Urgent' }));
    await user.click(await screen.findByRole('link', { name: 'Back to the note' }, SLOW));
    await user.click(await screen.findByRole('button', { name: 'Save note' }, SLOW));
    await waitFor(async () => expect(await db.records('note').count()).toBe(1), SLOW);
    expect((await db.records('note').toArray())[0]).toMatchObject({
      concern: 'urgent',
      followUp: 'Ring her GP',
      followUpDue: londonDate(addDays(new Date(), -3)),
    });
  });

  it('leads back to a visit’s note or a session round, and goes when the draft is discarded', async () => {
    stubNoNetwork();
    const db = await morag();
    await saveRecord(db, 'visit', 'v1', { attendeeId: 'a1', at: new Date().toISOString() });
    const urgent = { ...emptyNote('home visit'), body: 'Frightened at home.', concern: 'urgent' };
    await saveDraft(db, 'note:person:a1:v1', urgent);
    await saveDraft(db, 'note:session:s1:a1', { ...urgent, context: 'group' });
    // Not urgent, or not a note: not flagged.
    await saveDraft(db, 'note:person:a1:', { ...urgent, concern: 'keep an eye' });
    await saveDraft(db, 'person:new', { displayName: 'Urgent' });
    await renderApp('/', { db, user: ALEX });
    const flagged = await screen.findByRole('region', { name: '2 urgent notes are not saved' }, SLOW);
    const links = within(flagged).getAllByRole('link', { name: /^Finish the urgent note last changed/ });
    expect(links.map((link) => link.getAttribute('href')).sort()).toEqual([
      '/people/a1/notes/new?visit=v1',
      '/sessions/s1/notes?person=a1',
    ]);

    const user = userEvent.setup();
    const toVisit = links.find((link) => link.getAttribute('href')?.includes('visit'));
    if (!toVisit) throw new Error('no link to the visit’s note');
    await user.click(toVisit);
    expect(await screen.findByText('Your unsaved note is back.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByLabelText('Note')).toHaveValue('Frightened at home.');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(screen.getByLabelText('Note')).toHaveValue('');

    await user.click(screen.getByRole('link', { name: 'Today' }));
    expect(await screen.findByRole('region', { name: 'An urgent note is not saved' }, SLOW)).toBeInTheDocument();
    expect(within(flag() ?? document.body).getByRole('link', { name: 'Finish the urgent note' })).toHaveAttribute(
      'href',
      '/sessions/s1/notes?person=a1',
    );
  });
});
