import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { getRecord, listRecords, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// Screens load lazily and the machine is shared: give them time to appear (this bounds waiting, asserts no timing).
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

async function withSession(db: CoorieDb, id: string, values: Record<string, unknown>) {
  await saveRecord(db, 'session', id, { kind: 'drop-in', status: 'planned', ...values });
}

describe('a session', () => {
  it('offers to record attendance late, not to check in, once the session is over', async () => {
    stubNoNetwork();
    const db = freshDb();
    await withSession(db, 's-past', {
      title: 'Yesterday’s drop-in',
      startsAt: daysFromNow(-1),
      endsAt: daysFromNow(-0.9),
    });
    await renderApp('/sessions/s-past', { db, user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Yesterday’s drop-in' });
    const actions = screen.getByRole('navigation', { name: 'This session' });
    expect(within(actions).queryByRole('link', { name: 'Check in' })).not.toBeInTheDocument();
    expect(within(actions).getByRole('link', { name: 'Record attendance late' })).toHaveAttribute(
      'href',
      '/sessions/s-past/check-in',
    );
  });

  it('shows its plan and the ways into check-in, outreach and notes', async () => {
    // A fortnight before the session, in its year: it can be checked into and its date shows no year.
    vi.setSystemTime(new Date('2027-02-16T12:00:00Z'));
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'venue', 'v1', { name: 'Buckie Community Centre', locality: 'Buckie' });
    await withSession(db, 's1', {
      title: 'Buckie drop-in',
      startsAt: '2027-03-02T10:00:00.000Z',
      endsAt: '2027-03-02T12:00:00.000Z',
      venueId: 'v1',
      theme: 'identity',
      outline: ['Welcome', 'Close'],
      facilitators: ['Alex Morrison'],
      materials: [{ item: 'Hot drinks', done: false }],
    });
    await renderApp('/sessions/s1', { db, user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Buckie drop-in' });

    const actions = screen.getByRole('navigation', { name: 'This session' });
    expect(within(actions).getByRole('link', { name: 'Check in' })).toHaveAttribute('href', '/sessions/s1/check-in');
    expect(within(actions).getByRole('link', { name: 'Reach out' })).toHaveAttribute('href', '/sessions/s1/reach-out');
    expect(within(actions).getByRole('link', { name: 'Write notes' })).toHaveAttribute('href', '/sessions/s1/notes');
    // The venue's name already says Buckie: the locality is not said twice.
    expect(await screen.findByText(/Buckie Community Centre/)).toHaveTextContent(
      /^Tuesday 2 March, 10:00–12:00 · Buckie Community Centre$/,
    );
    expect(screen.getByText('Identity')).toBeInTheDocument();

    // Ticking the checklist while packing saves it straight away.
    await userEvent.setup({ delay: null }).click(screen.getByRole('checkbox', { name: 'Hot drinks' }));
    await waitFor(async () =>
      expect((await getRecord(db, 'session', 's1'))?.materials).toEqual([{ item: 'Hot drinks', done: true }]),
    );
  });

  it('starts a new session from this one, a week on, with nothing packed yet', async () => {
    stubNoNetwork();
    const db = freshDb();
    await withSession(db, 's1', {
      title: 'Forres drop-in',
      startsAt: '2027-03-02T10:00:00.000Z',
      endsAt: '2027-03-02T11:30:00.000Z',
      outline: ['Welcome', 'Stories'],
      materials: [{ item: 'Food', done: true }],
      reflection: 'Quiet week',
    });
    await renderApp('/sessions/s1', { db, user: ALEX });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('link', { name: 'New from this session' }));
    await screen.findByRole('heading', { level: 1, name: 'Plan a session' });
    expect(screen.getByLabelText('Title')).toHaveValue('Forres drop-in');
    expect(screen.getByLabelText('Date')).toHaveValue('09/03/2027');
    expect(screen.getByLabelText('Starts')).toHaveValue('10:00');
    expect(screen.getByLabelText('Ends')).toHaveValue('11:30');
    expect(screen.getByRole('checkbox', { name: 'Food' })).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Forres drop-in' });
    const copy = (await listRecords(db, 'session')).find((session) => session.id !== 's1');
    expect(copy).toMatchObject({ startsAt: '2027-03-09T10:00:00.000Z', outline: ['Welcome', 'Stories'] });
    expect(copy?.reflection).toBeUndefined();
  });

  it('becomes week 1 of a course, keeping its id so its check-ins stay with it', async () => {
    stubNoNetwork();
    const db = freshDb();
    await withSession(db, 's1', { title: 'Bump to baby', startsAt: '2027-01-12T10:00:00.000Z' });
    await renderApp('/sessions/s1', { db, user: ALEX });
    const user = userEvent.setup({ delay: null });
    const weeks = await screen.findByLabelText('Weekly for how many weeks?');
    await user.clear(weeks);
    await user.type(weeks, '4');
    await user.click(screen.getByRole('button', { name: 'Make it a course' }));
    await screen.findByRole('heading', { level: 1, name: 'Sessions' });

    const sessions = await listRecords(db, 'session');
    expect(sessions).toHaveLength(4);
    expect(await getRecord(db, 'session', 's1')).toMatchObject({
      title: 'Bump to baby (Week 1 of 4)',
      seriesId: 'course-s1',
    });
    expect(await screen.findByRole('link', { name: /Bump to baby \(Week 4 of 4\)/ })).toBeInTheDocument();
  });

  it('lists everyone’s cakes on the last session of a course, by display name only', async () => {
    stubNoNetwork();
    const db = freshDb();
    await withSession(db, 'c-w1', { title: 'Course (Week 1 of 2)', seriesId: 'c', startsAt: daysFromNow(-7) });
    await withSession(db, 'c-w2', { title: 'Course (Week 2 of 2)', seriesId: 'c', startsAt: daysFromNow(-1) });
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag', cake: 'Victoria sponge' });
    await saveRecord(db, 'attendee', 'a2', { displayName: 'Kirsty', cake: 'Lemon drizzle' });
    await saveRecord(db, 'attendee', 'a3', { displayName: 'Never came', cake: 'Battenberg' });
    await saveRecord(db, 'checkIn', 'c-w1:a1', { sessionId: 'c-w1', attendeeId: 'a1', present: true });
    await saveRecord(db, 'checkIn', 'c-w2:a2', { sessionId: 'c-w2', attendeeId: 'a2', present: true });

    await renderApp('/sessions/c-w2', { db, user: ALEX });
    const cakes = await screen.findByRole('region', { name: 'Everyone’s cakes' });
    const items = await within(cakes).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Kirsty: Lemon drizzle', 'Morag: Victoria sponge']);
  });

  it('suggests activities for the babies expected and adds one to the plan with its safety notes', async () => {
    stubNoNetwork();
    const db = freshDb();
    const startsAt = daysFromNow(3);
    await withSession(db, 's1', { title: 'Elgin drop-in', startsAt });
    // A baby of about seven months on the day: treasure-basket age.
    const born = new Date(Date.parse(startsAt) - 215 * DAY).toISOString().slice(0, 10);
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag', babies: [{ alias: 'Wee one', dateOfBirth: born }] });
    await saveRecord(db, 'outreach', 'o1', {
      sessionId: 's1',
      attendeeId: 'a1',
      method: 'text',
      outcome: 'coming',
      at: new Date().toISOString(),
    });
    await renderApp('/sessions/s1', { db, user: ALEX });
    expect(await screen.findByText('1 person: Morag')).toBeInTheDocument();
    expect(screen.getByText('For babies aged 7 months.')).toBeInTheDocument();

    const suggested = screen.getByRole('list', { name: 'Suggested activities' });
    await userEvent
      .setup({ delay: null })
      .click(within(suggested).getByRole('button', { name: 'Add Treasure basket to the plan' }));
    const inPlan = await screen.findByRole('list', { name: 'In the plan' });
    expect(within(inPlan).getByText(/Never button batteries/)).toBeVisible();
    expect((await getRecord(db, 'session', 's1'))?.activityIds).toEqual(['starter-treasure-basket']);
  });

  it('takes a reflection once the session has started, and marks it done', async () => {
    stubNoNetwork();
    const db = freshDb();
    await withSession(db, 'past', { title: 'Keith drop-in', startsAt: daysFromNow(-1) });
    await withSession(db, 'future', { title: 'Lossie drop-in', startsAt: daysFromNow(2) });
    await renderApp('/sessions/future', { db, user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Lossie drop-in' });
    expect(screen.queryByLabelText('Reflection')).not.toBeInTheDocument();

    await renderApp('/sessions/past', { db, user: ALEX });
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('Reflection'), 'Warm and chatty; more chairs next time.');
    await user.click(screen.getByRole('button', { name: 'Save the reflection' }));
    expect(await screen.findByText('Reflection saved on this device.')).toBeInTheDocument();
    expect(await getRecord(db, 'session', 'past')).toMatchObject({
      reflection: 'Warm and chatty; more chairs next time.',
      status: 'done',
    });
  });
});
