// Subject access in the app: a coordinator's printable copy of everything held about a person, from the real
// server in this process, with every value shown as text; others are turned away; offline is said plainly.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncOnce } from '../../src/engine/client.ts';
import { addMember, change, hlc, setUpOrganisation } from '../server/client.ts';
import { databases, useServer } from '../server/helpers.ts';
import { push } from '../server/people.ts';
import { freshDb, renderApp, stubNoNetwork } from './helpers.tsx';
import { routeFetchTo, whoIs } from './privacy-server.ts';

vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 10_000 };
const HOSTILE = '<img src=x onerror=alert(1)> and <script>alert(2)</script>';

/** jsdom's Blob has no text(): read it the way older browsers did. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('everything we hold about a person', () => {
  const server = useServer(databases()[0] ?? { name: 'sqlite' });

  async function kirstyOnTheServer() {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Morag');
    await push(visitor, [
      change('session', 's1', { title: 'Rothes drop-in', startsAt: '2026-11-24T10:00:00Z' }),
      change('attendee', 'a1', {
        displayName: 'Kirsty',
        locality: 'Rothes',
        babies: [{ alias: 'Wee Rory', dateOfBirth: '2026-06-02' }],
        consent: { what: ['notes'], at: '2026-07-01T09:30:00Z', wordingVersion: '2026-11-v1' },
        contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
      }),
      change('checkIn', 's1:a1', { sessionId: 's1', attendeeId: 'a1', withBaby: true }),
      // Written privately by the visitor: a subject access copy holds it all the same.
      change('note', 'n1', { attendeeId: 'a1', body: HOSTILE, createdAt: '2026-07-14T13:05:00Z' }),
      change('visit', 'v1', { attendeeId: 'a1', at: '2026-08-03T14:00:00Z', where: 'At home' }),
    ]);
    return coordinator;
  }

  it('shows earlier values kept in the history, and names who recorded them', async () => {
    const coordinator = await kirstyOnTheServer();
    const newNumber = { phone: '07700 900456', okToText: true, okToVoicemail: false, okToNameCharity: false };
    await push(coordinator, [change('attendee', 'a1', { contact: newNumber }, hlc(Date.now() + 1000))]);
    routeFetchTo(coordinator);
    const me = await whoIs(coordinator);
    const db = freshDb();
    await syncOnce({ db });
    await renderApp('/people/a1/export', { db, user: me });

    const contact = await screen.findByRole('region', { name: 'Contact preferences' }, SLOW);
    expect(within(contact).getByText('07700 900456')).toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'Changes kept in the history (5)' });
    expect(within(history).getByText(/07700 900123/)).toBeInTheDocument();
    expect(within(history).getAllByRole('heading', { name: /^Person, .+, by Morag$/ })).toHaveLength(1);
    expect(within(history).getAllByRole('heading', { name: /^Person, .+, by Ailsa$/ })).toHaveLength(1);
  });

  it('shows every section in words and London time, text as text, and logs the export', async () => {
    const coordinator = await kirstyOnTheServer();
    await push(coordinator, [
      change('response', 'q1', {
        questionnaireId: 'qn1',
        version: 1,
        how: 'visit',
        answeredOn: '2026-11-20',
        answers: { came: true },
        attendeeId: 'a1',
        consent: true,
      }),
    ]);
    routeFetchTo(coordinator);
    const me = await whoIs(coordinator);
    const db = freshDb();
    await syncOnce({ db });
    await renderApp('/people/a1/export', { db, user: me });

    expect(await screen.findByRole('heading', { level: 1, name: 'Everything we hold about Kirsty' }, SLOW));
    const person = await screen.findByRole('region', { name: 'Person' }, SLOW);
    expect(within(person).getByText('Rothes')).toBeInTheDocument();
    const babies = screen.getByRole('region', { name: 'Babies' });
    expect(within(babies).getByText('Wee Rory')).toBeInTheDocument();
    expect(within(babies).getByText('2 Jun 2026')).toBeInTheDocument();
    const consent = screen.getByRole('region', { name: 'Consent' });
    // 09:30 UTC on 1 July is 10:30 in London (summer time).
    expect(within(consent).getByText('Wed 1 Jul 2026, 10:30')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Contact preferences' })).getByText('07700 900123'));
    const checkIns = screen.getByRole('region', { name: 'Check-ins (1)' });
    // The session's title and time come from the tablet's own copy of the session.
    expect(await within(checkIns).findByRole('heading', { name: 'Rothes drop-in, Tue 24 Nov 2026, 10:00' }));
    const notes = screen.getByRole('region', { name: 'Notes (1)' });
    expect(within(notes).getByRole('heading', { name: 'Note, Tue 14 Jul 2026, 14:05' }));
    expect(within(notes).getByText(HOSTILE)).toBeInTheDocument();
    expect(document.querySelector('img, .screen script')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Visits and 1-2-1s (1)' })).getByText('At home'));
    expect(within(screen.getByRole('region', { name: 'Texts and calls before a group (0)' })).getByText('None.'));
    const answers = screen.getByRole('region', { name: 'Research answers (1)' });
    expect(within(answers).getByRole('heading', { name: 'Answers given 20 Nov 2026' }));
    expect(within(answers).getByText('Agreed to the answers being kept with their record')).toBeInTheDocument();

    const log = await coordinator.get('/api/audit?action=person_exported');
    expect(log.body.entries).toEqual([expect.objectContaining({ kind: 'attendee', recordId: 'a1' })]);
  });

  it('prints, and downloads the JSON the server gave', async () => {
    const coordinator = await kirstyOnTheServer();
    routeFetchTo(coordinator);
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const blobs: Blob[] = [];
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => (blobs.push(blob), 'blob:export'),
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => {} });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const me = await whoIs(coordinator);
    await renderApp('/people/a1/export', { db: freshDb(), user: me });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Print' }, SLOW));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(clicked[0]?.download).toMatch(/^coorie-subject-access-a1-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(await readText(blobs[0] as Blob));
    expect(saved.person).toMatchObject({ id: 'a1', displayName: 'Kirsty' });
    expect(saved.notes).toEqual([expect.objectContaining({ id: 'n1', body: HOSTILE })]);
  });

  it('is for coordinators only: others neither see the way in nor the copy', async () => {
    const coordinator = await kirstyOnTheServer();
    const facilitator = await addMember(coordinator, 'facilitator', 'Fiona');
    routeFetchTo(facilitator);
    const fiona = await whoIs(facilitator);
    const db = freshDb();
    await syncOnce({ db });
    const { router } = await renderApp('/people/a1', { db, user: fiona });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kirsty' }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Data protection' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Erase/ })).not.toBeInTheDocument();

    await router.navigate('/people/a1/export');
    expect(
      await screen.findByText('Only a coordinator can do this. Ask your coordinator if someone needs it.', {}, SLOW),
    );
    expect(screen.queryByText('Rothes')).not.toBeInTheDocument();
  });

  it('says plainly that it needs the server when the tablet is offline or cannot reach it', async () => {
    const coordinator = await kirstyOnTheServer();
    const me = await whoIs(coordinator);
    stubNoNetwork();
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await renderApp('/people/a1/export', { db: freshDb(), user: me });
    expect(await screen.findByText(/This computer is offline\. A subject access copy needs the server/, {}, SLOW));

    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    const problem = await screen.findByRole('alert', {}, SLOW);
    expect(
      await within(problem).findByText("Coorie can't reach the server. Check this device is online, then try again."),
    );
    routeFetchTo(coordinator);
    await userEvent.setup().click(within(problem).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Notes (1)' }, SLOW)).toBeInTheDocument();
  });
});
