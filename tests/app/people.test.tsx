import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, format } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_WORDING, giveConsent } from '../../src/domain/consent.ts';
import { CALENDAR, calendarDate, londonDate } from '../../src/domain/london.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// These tests type as a person would, on a machine shared with other test runs: give them time.
vi.setConfig({ testTimeout: 30_000 });

/** Puts text in a field the way a tablet's keyboard suggestion or a paste does: one change, not a key at a time. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// The first open of a screen loads its lazy chunk, which a busy machine may take a few seconds to transform.
const SLOW = { timeout: 10_000 };

/** A calendar date `days` from today in London (negative for the past), as the date inputs take it. */
function day(days: number): string {
  return format(addDays(calendarDate(londonDate(new Date())), days), 'yyyy-MM-dd', { in: CALENDAR });
}

async function openProfile(db: CoorieDb, id = 'a1') {
  stubNoNetwork();
  const app = await renderApp(`/people/${id}`, { db, user: ALEX });
  return app;
}

describe('a person’s profile', () => {
  it('shows each baby’s age the way parents say it', async () => {
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', {
      displayName: 'Morag',
      locality: 'Buckie',
      babies: [
        { alias: 'Isla', dateOfBirth: day(-49) },
        { alias: 'Rory', dateOfBirth: day(-200) },
        { alias: 'Bump', dueDate: day(21) },
      ],
    });
    await openProfile(db);
    expect(await screen.findByRole('heading', { level: 1, name: 'Morag' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Isla: 7 weeks')).toBeInTheDocument();
    expect(screen.getByText(/^Rory: [67] months$/)).toBeInTheDocument();
    expect(screen.getByText('Bump: due in 3 weeks')).toBeInTheDocument();
    expect(screen.getByText('Buckie')).toBeInTheDocument();
  });

  it('shows an age given at a walk-in as an estimate, and keeps it through an edit until a date is given', async () => {
    const db = freshDb();
    const band = { alias: '', ageBand: '6-12-months', ageBandOn: day(0) };
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag', locality: 'Keith', babies: [band] });
    await openProfile(db);
    expect(await screen.findByRole('heading', { level: 1, name: 'Morag' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Baby 1: about 9 months (an estimate from the age given at check-in)')).toBeInTheDocument();
    cleanup();

    await renderApp('/people/a1/edit', { db, user: ALEX });
    const user = userEvent.setup();
    const area = await screen.findByLabelText('Area they live in', {}, SLOW);
    await user.clear(area);
    await user.type(area, 'Dufftown');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Morag’s details are saved.', {}, SLOW)).toBeInTheDocument();
    expect((await getRecord(db, 'attendee', 'a1'))?.babies).toEqual([band]);
  });

  it('keeps the phone number hidden until asked, and lists the sessions they came to', async () => {
    // Two days after the session, in the same year (a date in another year would show it).
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', {
      displayName: 'Morag',
      contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
    });
    await saveRecord(db, 'session', 's1', { title: 'Rothes drop-in', startsAt: '2026-11-24T10:00:00.000Z' });
    await saveRecord(db, 'checkIn', 's1:a1', { sessionId: 's1', attendeeId: 'a1' });
    await openProfile(db);
    const user = userEvent.setup();

    const contact = await screen.findByRole('region', { name: 'Contact' }, SLOW);
    expect(within(contact).queryByText('07700 900123')).not.toBeInTheDocument();
    await user.click(within(contact).getByRole('button', { name: 'Show number' }));
    expect(within(contact).getByText('07700 900123')).toBeInTheDocument();

    const attendance = screen.getByRole('region', { name: 'Attendance' });
    expect(await within(attendance).findByText('Rothes drop-in', {}, SLOW)).toBeInTheDocument();
    expect(within(attendance).getByText('Tue 24 Nov, 10:00')).toBeInTheDocument();
  });

  it('links a coordinator to each note’s history on the server', async () => {
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    await saveRecord(db, 'note', 'n1', { attendeeId: 'a1', body: 'Settling in well.', visibility: 'private' });
    await openProfile(db);
    expect(await screen.findByText('Settling in well.', {}, SLOW)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /^History of this note/ }, SLOW)).toHaveAttribute(
      'href',
      '/records/note/n1/history',
    );
  });

  it('records consent against the wording read out, and a withdrawal stops new notes', async () => {
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag' });
    await openProfile(db);
    const user = userEvent.setup();
    const consent = await screen.findByRole('region', { name: 'Consent' }, SLOW);
    expect(within(consent).getByText(/No consent recorded yet/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Write a note' })).not.toBeInTheDocument();

    await user.click(within(consent).getByRole('button', { name: 'Record consent' }));
    expect(within(consent).getByText(CONSENT_WORDING.paragraphs[3] as string)).toBeInTheDocument();
    await user.click(within(consent).getByRole('checkbox', { name: CONSENT_WORDING.questions.contact }));
    await user.click(within(consent).getByRole('button', { name: 'Save consent' }));

    expect(await screen.findByRole('link', { name: 'Write a note' }, SLOW)).toBeInTheDocument();
    const saved = await getRecord(db, 'attendee', 'a1');
    expect(saved?.consent).toMatchObject({ what: ['notes', 'contact'], wordingVersion: CONSENT_WORDING.version });
    expect(within(consent).getByText(`Version ${CONSENT_WORDING.version}`)).toBeInTheDocument();

    await user.click(within(consent).getByRole('button', { name: 'Withdraw consent' }));
    await user.click(within(consent).getByRole('button', { name: 'Yes, withdraw consent' }));
    expect(await within(consent).findByText(/withdrew their consent/, {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Write a note' })).not.toBeInTheDocument();
    // A coordinator is offered erasure straight away (tests/app/privacy-erase.test.tsx follows it through).
    expect(await within(consent).findByRole('link', { name: 'Erase Morag' }, SLOW)).toHaveAttribute(
      'href',
      '/people/a1/erase',
    );
    expect((await getRecord(db, 'attendee', 'a1'))?.consent).toHaveProperty('withdrawnAt');
  });
});

describe('adding and changing a person', () => {
  it('says what to fix as people type, and puts focus on the first problem', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/people/new', { user: ALEX });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Add a person' }, SLOW);

    await user.click(await screen.findByRole('button', { name: 'Add this person' }, SLOW));
    const name = screen.getByLabelText('Name');
    expect(name).toHaveAccessibleDescription(
      'A first name or a name they choose. Never a full name. Error: Enter a first name or a name they choose.',
    );
    expect(name).toHaveFocus();

    await user.type(name, 'Kirsty');
    expect(name).not.toHaveAttribute('aria-invalid');

    const phone = screen.getByLabelText('Phone number');
    await user.type(phone, '01343 5');
    await user.tab();
    expect(phone).toHaveAccessibleDescription(/Error: Enter a phone number like 07700 900123\.$/);
    await user.type(phone, '63999');
    expect(phone).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('checkbox', { name: 'OK to text them' }));
    expect(screen.getByRole('checkbox', { name: 'OK to text them' })).toHaveAccessibleDescription(
      'Error: Texts need a mobile number. Enter a mobile, or untick this.',
    );

    await user.click(screen.getByRole('button', { name: 'Add a baby' }));
    const born = screen.getByLabelText('Baby 1: date of birth');
    await user.type(born, day(5));
    await user.tab();
    expect(born).toHaveAccessibleDescription(
      "Day, month, year, like 24/11/2026 Error: A date of birth can't be in the future. For a baby not born yet, use the due date.",
    );
    await user.click(screen.getByRole('button', { name: 'Add this person' }));
    expect(await db.records('attendee').count()).toBe(0);
  });

  it('saves a new person and opens their profile, with babies and the careful contact defaults', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/people/new', { user: ALEX });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name', {}, SLOW), 'Kirsty');
    await user.click(screen.getByRole('button', { name: 'Add a baby' }));
    await user.type(screen.getByLabelText('Baby 1: name or alias'), 'Finn');
    await user.type(screen.getByLabelText('Baby 1: date of birth'), day(-21));
    expect(screen.getByText('Age: 3 weeks')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Area they live in'), 'Forres');
    await user.click(screen.getByRole('radio', { name: 'Health visitor' }));
    await user.click(screen.getByRole('checkbox', { name: 'Transport' }));
    await fill(user, screen.getByLabelText('If you were a cake, what cake would you be?'), 'Clootie dumpling');
    await user.click(screen.getByRole('button', { name: 'Add this person' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirsty' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Kirsty is added.')).toBeInTheDocument();
    expect(screen.getByText('Finn: 3 weeks')).toBeInTheDocument();
    const [saved] = await db.records('attendee').toArray();
    expect(saved).toMatchObject({
      displayName: 'Kirsty',
      babies: [{ alias: 'Finn', dateOfBirth: day(-21) }],
      locality: 'Forres',
      heardVia: 'health visitor',
      needs: ['transport'],
      cake: 'Clootie dumpling',
      contact: { phone: '', okToText: false, okToVoicemail: false, okToNameCharity: false },
      createdBy: ALEX.id,
    });
  });

  it('keeps what was typed through a reload, until it is saved', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag', locality: 'Keith' });
    await renderApp('/people/a1/edit', { db, user: ALEX });
    const user = userEvent.setup();
    const area = await screen.findByLabelText('Area they live in', {}, SLOW);
    expect(area).toHaveValue('Keith');
    await user.clear(area);
    await user.type(area, 'Dufftown');
    await waitFor(async () => expect(await db.drafts.count()).toBe(1), SLOW);
    cleanup();

    await renderApp('/people/a1/edit', { db });
    expect(await screen.findByText('Your unsaved changes are back.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByLabelText('Area they live in')).toHaveValue('Dufftown');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Morag’s details are saved.', {}, SLOW)).toBeInTheDocument();
    expect((await getRecord(db, 'attendee', 'a1'))?.locality).toBe('Dufftown');
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('the people list', () => {
  it('finds people by name or area, display names only', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', {
      displayName: 'Morag',
      locality: 'Buckie',
      consent: giveConsent(['notes'], new Date()),
      contact: { phone: '07700 900123', okToText: true, okToVoicemail: true, okToNameCharity: false },
    });
    await saveRecord(db, 'attendee', 'a2', { displayName: 'Kirsty', locality: 'Forres' });
    await renderApp('/people', { db, user: ALEX });
    const user = userEvent.setup();
    const list = await screen.findByRole('list', { name: 'People' }, SLOW);
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['KirstyForres', 'MoragBuckie']);
    expect(screen.queryByText('07700 900123')).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search by name or area' }), 'buck');
    expect(within(list).getAllByRole('link')).toHaveLength(1);
    await user.click(within(list).getByRole('link', { name: /Morag/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Morag' }, SLOW)).toBeInTheDocument();
  });

  it('keeps the list and its count right as a search matches everyone, then fewer, then everyone again', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Anna', locality: 'Elgin' });
    await saveRecord(db, 'attendee', 'a2', { displayName: 'Hannah', locality: 'Forres' });
    await saveRecord(db, 'attendee', 'a3', { displayName: 'Joanne', locality: 'Keith' });
    await renderApp('/people', { db, user: ALEX });
    const user = userEvent.setup();
    const list = await screen.findByRole('list', { name: 'People' }, SLOW);
    const names = () =>
      within(screen.getByRole('list', { name: 'People' }))
        .getAllByRole('link')
        .map((link) => link.textContent);
    const search = screen.getByRole('searchbox', { name: 'Search by name or area' });
    expect(within(list).getAllByRole('link')).toHaveLength(3);

    await user.type(search, 'an');
    expect(names()).toEqual(['AnnaElgin', 'HannahForres', 'JoanneKeith']);
    expect(screen.getByText('3 of 3 people shown')).toBeInTheDocument();
    await user.type(search, 'n');
    expect(names()).toEqual(['AnnaElgin', 'HannahForres', 'JoanneKeith']);
    await user.type(search, 'a');
    expect(names()).toEqual(['AnnaElgin', 'HannahForres']);
    expect(screen.getByText('2 of 3 people shown')).toBeInTheDocument();
    await user.type(search, '{Backspace}{Backspace}');
    expect(names()).toEqual(['AnnaElgin', 'HannahForres', 'JoanneKeith']);
    expect(screen.getByText('3 of 3 people shown')).toBeInTheDocument();
  });

  /** People open with Morag alone, then Today: what People shows when opened again, as its list's link texts. */
  async function leavePeopleForToday() {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag', locality: 'Buckie' });
    await renderApp('/people', { db, user: ALEX });
    const user = userEvent.setup();
    const names = async () =>
      within(await screen.findByRole('list', { name: 'People' }, SLOW))
        .getAllByRole('link')
        .map((link) => link.textContent);
    expect(await names()).toEqual(['MoragBuckie']);
    await user.click(screen.getByRole('link', { name: 'Today' }));
    await screen.findByRole('heading', { level: 1, name: 'Today' }, SLOW);
    const reopen = () => user.click(screen.getByRole('link', { name: 'People' }));
    return { db, names, reopen };
  }

  it('shows, when opened again, whoever was added or renamed while it was closed', async () => {
    const { db, names, reopen } = await leavePeopleForToday();
    // As a sync would while People is closed: a new person, and a new name for one already here.
    await saveRecord(db, 'attendee', 'a2', { displayName: 'Kirsty', locality: 'Forres' });
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Morag B' });
    await reopen();
    await waitFor(async () => expect(await names()).toEqual(['KirstyForres', 'Morag BBuckie']), SLOW);

    // And while it is open.
    await saveRecord(db, 'attendee', 'a3', { displayName: 'Ailsa', locality: 'Elgin' });
    await waitFor(async () => expect(await names()).toEqual(['AilsaElgin', 'KirstyForres', 'Morag BBuckie']), SLOW);
  });

  it('shows whoever was added while the page sat in the back-forward cache, where no write is heard of', async () => {
    const { db, names, reopen } = await leavePeopleForToday();
    // Written past Dexie, as by a service worker's sync while this page was frozen: nothing tells the page.
    const stored = await db.records('attendee').get('a1');
    const idb = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const transaction = idb.transaction('attendee', 'readwrite');
      transaction.objectStore('attendee').put({ ...stored, id: 'a2', displayName: 'Kirsty', locality: 'Forres' });
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('the write failed'));
    });
    // Back from the back-forward cache: Dexie tells every reader that anything may have changed.
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await reopen();
    await waitFor(async () => expect(await names()).toEqual(['KirstyForres', 'MoragBuckie']), SLOW);
  });
});
