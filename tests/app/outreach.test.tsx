import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { listRecords, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, json, renderApp, stubNoNetwork, stubServer } from './helpers.tsx';

// Screens load lazily and the machine is shared: give them time to appear (this bounds waiting, asserts no timing).
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** Week 2 of a course; Amy and Bea came to week 1. Cat has never been. */
async function setUp() {
  const db = freshDb();
  await setMeta(db, 'organisationName', 'Mums in Mind Moray');
  await saveRecord(db, 'venue', 'v1', { name: 'Rothes Hall' });
  const week = (n: number, startsAt: string) =>
    saveRecord(db, 'session', `c-w${n}`, {
      title: `Perinatal wellbeing group (Week ${n} of 6)`,
      startsAt,
      venueId: 'v1',
      seriesId: 'c',
      kind: 'course',
    });
  await week(1, daysFromNow(-5));
  await week(2, daysFromNow(2));
  await saveRecord(db, 'attendee', 'amy', {
    displayName: 'Amy',
    contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
  });
  await saveRecord(db, 'attendee', 'bea', {
    displayName: 'Bea',
    contact: { phone: '01343 563999', okToText: false, okToVoicemail: true, okToNameCharity: true },
  });
  await saveRecord(db, 'attendee', 'cat', { displayName: 'Cat' });
  await saveRecord(db, 'checkIn', 'c-w1:amy', { sessionId: 'c-w1', attendeeId: 'amy', present: true });
  await saveRecord(db, 'checkIn', 'c-w1:bea', { sessionId: 'c-w1', attendeeId: 'bea', present: true });
  return db;
}

async function openOutreach(db = freshDb()) {
  stubNoNetwork();
  const view = await renderApp('/sessions/c-w2/reach-out', { db, user: ALEX });
  await screen.findByRole('heading', { level: 1, name: 'Reach out' });
  return { ...view, user: userEvent.setup({ delay: null }) };
}

const person = (name: string) => screen.findByRole('region', { name });

describe("the organisation's name", () => {
  it('is learnt from the server, so Reach out does not ask for it', async () => {
    const db = await setUp();
    await setMeta(db, 'organisationName', '');
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX, organisation: { name: 'Moray Peers' } }) });
    await renderApp('/sessions/c-w2/reach-out', { db, user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Reach out' });
    expect(await screen.findByText('Discreet texts are checked for “Moray Peers”.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Your organisation’s name')).not.toBeInTheDocument();
    expect(await getMeta(db, 'organisationName')).toBe('Moray Peers');
  });

  it('keeps the name someone on this device gave', async () => {
    const db = await setUp();
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX, organisation: { name: 'Moray Peers Ltd' } }) });
    await renderApp('/sessions/c-w2/reach-out', { db, user: ALEX });
    expect(await screen.findByText('Discreet texts are checked for “Mums in Mind Moray”.')).toBeInTheDocument();
    await waitFor(() => expect(getMeta(db, 'organisationName')).resolves.toBe('Mums in Mind Moray'));
  });
});

describe('reaching out before a group', () => {
  it('offers a discreet text to someone who asked for discretion, and warns when an edit gives it away', async () => {
    const { user } = await openOutreach(await setUp());
    const amy = await person('Amy');
    expect(within(amy).getByRole('list', { name: 'How Amy likes to be contacted' })).toHaveTextContent(
      /OK to text.*No voicemail.*Don’t name the charity or what the group is for/,
    );
    const message = within(amy).getByLabelText('Message to Amy');
    const text = (message as HTMLTextAreaElement).value;
    expect(text).toMatch(/^Hi Amy, it's Alex\. Just checking you're still OK for .* at Rothes Hall\?/);
    expect(text).not.toMatch(/Mums in Mind|group|wellbeing|Perinatal/i);
    expect(within(amy).getByRole('link', { name: 'Text Amy' })).toHaveAttribute(
      'href',
      `sms:+447700900123?&body=${encodeURIComponent(text)}`,
    );
    // No number on the screen until someone asks for it.
    expect(within(amy).queryByText('07700 900123')).not.toBeInTheDocument();
    await user.click(within(amy).getByRole('button', { name: 'Show number' }));
    expect(within(amy).getByText('07700 900123')).toBeVisible();

    await user.type(message, ' See you at the group with Mums in Mind Moray');
    expect(within(amy).getByRole('alert')).toHaveTextContent(
      'Amy asked for discretion. This message gives away what it is about: “Mums in Mind Moray”, “group”, “mind”. Take them out before sending.',
    );
    expect(within(amy).getByRole('link', { name: 'Text Amy' }).getAttribute('href')).toContain(
      encodeURIComponent('with Mums in Mind Moray'),
    );
    await user.click(within(amy).getByRole('button', { name: 'Start the message again' }));
    expect(within(amy).getByRole('alert')).toBeEmptyDOMElement();
  });

  it('offers only a call to someone who would rather not be texted', async () => {
    await openOutreach(await setUp());
    const bea = await person('Bea');
    expect(within(bea).getByRole('list', { name: 'How Bea likes to be contacted' })).toHaveTextContent(
      /Don’t text.*OK to leave a voicemail.*OK to name the charity/,
    );
    expect(within(bea).queryByRole('link', { name: 'Text Bea' })).not.toBeInTheDocument();
    expect(within(bea).queryByLabelText('Message to Bea')).not.toBeInTheDocument();
    expect(within(bea).getByRole('link', { name: 'Call Bea' })).toHaveAttribute('href', 'tel:+441343563999');
  });

  it('records what each person said, with how and by whom, and counts them as expected', async () => {
    const db = await setUp();
    const { user } = await openOutreach(db);
    const amy = await person('Amy');
    await user.click(within(amy).getByRole('button', { name: 'Coming' }));
    expect(await within(amy).findByText('Saved: Amy, coming.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(amy).getByRole('button', { name: 'Coming' })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(within(amy).getByText(/^Last:/)).toHaveTextContent(/Last: Coming \(text, /);

    const bea = await person('Bea');
    await user.click(within(bea).getByRole('button', { name: 'Not coming' }));
    await within(bea).findByText('Saved: Bea, not coming.');

    const saved = await listRecords(db, 'outreach');
    expect(
      saved.map(({ attendeeId, method, outcome, byUserId, sessionId }) => ({
        attendeeId,
        method,
        outcome,
        byUserId,
        sessionId,
      })),
    ).toEqual(
      expect.arrayContaining([
        { attendeeId: 'amy', method: 'text', outcome: 'coming', byUserId: ALEX.id, sessionId: 'c-w2' },
        { attendeeId: 'bea', method: 'call', outcome: 'not coming', byUserId: ALEX.id, sessionId: 'c-w2' },
      ]),
    );
    expect((await db.outbox.toArray()).filter((entry) => entry.kind === 'outreach')).toHaveLength(2);

    await user.click(screen.getByRole('link', { name: /Perinatal wellbeing group \(Week 2 of 6\)/ }));
    expect(await screen.findByText('1 person: Amy')).toBeInTheDocument();
  });

  it('adds anyone else to the list, and keeps them there after a reload', async () => {
    const db = await setUp();
    const { user, unmount } = await openOutreach(db);
    await user.type(await screen.findByLabelText('Find by name'), 'c');
    expect(await screen.findByText('Type at least 2 letters of their name.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add Cat' })).not.toBeInTheDocument();
    await user.type(await screen.findByLabelText('Find by name'), 'a');
    await user.click(await screen.findByRole('button', { name: 'Add Cat' }));
    const cat = await person('Cat');
    expect(within(cat).getByText('No contact preferences recorded: ask them before texting or calling')).toBeVisible();
    expect(within(cat).getByText('No way to reach Cat by phone from here.')).toBeVisible();
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));
    unmount();

    await openOutreach(db);
    expect(await person('Cat')).toBeInTheDocument();
  });
});
