// Erasure in the app: a coordinator types the person's name to confirm, the real server erases, the sync that
// follows purges this tablet; a withdrawal of consent leads to erasure, or to a request coordinators see.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { giveConsent } from '../../src/domain/consent.ts';
import { getRecord } from '../../src/db/records.ts';
import { syncOnce } from '../../src/engine/client.ts';
import { addMember, change, setUpOrganisation, type Client } from '../server/client.ts';
import { databases, useServer } from '../server/helpers.ts';
import { push } from '../server/people.ts';
import { freshDb, renderApp } from './helpers.tsx';
import { realSync, routeFetchTo, whoIs } from './privacy-server.ts';

vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 10_000 };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('erasing a person', () => {
  const server = useServer(databases()[0] ?? { name: 'sqlite' });

  /** Kirsty, with consent to notes, a check-in and a note; Eilidh, who stays. */
  async function organisation() {
    const coordinator = await setUpOrganisation(server.app);
    const consent = giveConsent(['notes'], new Date());
    await push(coordinator, [
      change('attendee', 'a1', { displayName: 'Kirsty', consent }),
      change('attendee', 'a2', { displayName: 'Eilidh' }),
      change('checkIn', 's1:a1', { sessionId: 's1', attendeeId: 'a1' }),
      change('note', 'n1', { attendeeId: 'a1', body: 'Seemed brighter.', visibility: 'team' }),
    ]);
    return coordinator;
  }

  /** A tablet signed in as `client`, synced with the server, showing `path`. */
  async function tablet(client: Client, path: string) {
    routeFetchTo(client);
    const db = freshDb();
    expect(await syncOnce({ db })).toMatchObject({ status: 'synced' });
    const sync = realSync(db);
    const app = await renderApp(path, { db, user: await whoIs(client), sync });
    return { ...app, sync };
  }

  it('says what goes, asks for the name typed, erases on the server and purges this tablet', async () => {
    const coordinator = await organisation();
    const { db, sync } = await tablet(coordinator, '/people/a1');
    const user = userEvent.setup();
    const privacy = await screen.findByRole('region', { name: 'Data protection' }, SLOW);
    await user.click(within(privacy).getByRole('link', { name: 'Erase Kirsty' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Erase Kirsty' }, SLOW)).toBeInTheDocument();
    expect(
      screen.getByText(
        /every check-in, text or call, note, visit, crèche or transport booking, referral and research answer kept with them/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Anonymous feedback from sessions stays: it was never linked to anyone.'));
    expect(screen.getByText('This cannot be undone.')).toBeInTheDocument();

    const button = screen.getByRole('button', { name: 'Erase Kirsty for good' });
    await user.click(button);
    const field = screen.getByLabelText('Type Kirsty to confirm');
    expect(field).toHaveAccessibleDescription('Error: Type Kirsty to confirm.');
    expect(field).toHaveFocus();
    await user.type(field, 'kirsty');
    await user.click(button);
    expect(field).toHaveAccessibleDescription('Error: That is not Kirsty. Type the name exactly as shown.');
    expect((await coordinator.get('/api/people/a1/export')).status).toBe(200);

    await user.clear(field);
    await user.type(field, 'Kirsty');
    await user.click(button);
    expect(await screen.findByRole('heading', { level: 1, name: 'People' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/Kirsty has been erased\./)).toBeInTheDocument();
    await sync.done();
    // The list may be between two renders when Kirsty goes: wait for Eilidh in it too, not just for Kirsty gone.
    await waitFor(() => {
      expect(screen.queryByRole('link', { name: /^Kirsty/ })).not.toBeInTheDocument();
      expect(screen.getByRole('link', { name: /^Eilidh/ })).toBeInTheDocument();
    });
    expect(await getRecord(db, 'attendee', 'a1')).toBeUndefined();
    expect(await getRecord(db, 'note', 'n1')).toBeUndefined();
    expect(await getRecord(db, 'checkIn', 's1:a1')).toBeUndefined();
    expect((await coordinator.get('/api/people/a1/export')).status).toBe(410);
  });

  it('explains a refusal from the server and erases nothing here', async () => {
    const coordinator = await organisation();
    const { db } = await tablet(coordinator, '/people/a1/erase');
    // Someone else erased her a moment ago, from another tablet.
    await coordinator.post('/api/people/a1/erase');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Type Kirsty to confirm', {}, SLOW), 'Kirsty');
    await user.click(screen.getByRole('button', { name: 'Erase Kirsty for good' }));
    expect(await screen.findByText('This person has been erased.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Erase Kirsty' })).toBeInTheDocument();
    expect(await getRecord(db, 'attendee', 'a1')).toMatchObject({ displayName: 'Kirsty' });
  });

  it('cannot be started offline, and says why', async () => {
    const coordinator = await organisation();
    await tablet(coordinator, '/people/a1/erase');
    cleanup();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await renderApp('/people/a1/erase', { db: freshDb(), user: await whoIs(coordinator) });
    // This fresh tablet has never synced: it does not have her.
    expect(await screen.findByText(/This person is not on this device/, {}, SLOW)).toBeInTheDocument();
    cleanup();
    const { db } = await tablet(coordinator, '/people/a2');
    cleanup();
    await renderApp('/people/a1/erase', { db, user: await whoIs(coordinator) });
    expect(await screen.findByText(/This computer is offline\. Erasing needs the server/, {}, SLOW));
    expect(screen.getByRole('button', { name: 'Erase Kirsty for good' })).toBeDisabled();
  });
});

describe('withdrawing consent', () => {
  const server = useServer(databases()[0] ?? { name: 'sqlite' });

  it('offers a coordinator erasure straight away', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, [
      change('attendee', 'a1', { displayName: 'Kirsty', consent: giveConsent(['notes'], new Date()) }),
    ]);
    routeFetchTo(coordinator);
    const db = freshDb();
    await syncOnce({ db });
    await renderApp('/people/a1', { db, user: await whoIs(coordinator) });
    const user = userEvent.setup();
    const consent = await screen.findByRole('region', { name: 'Consent' }, SLOW);
    await user.click(within(consent).getByRole('button', { name: 'Withdraw consent' }));
    await user.click(within(consent).getByRole('button', { name: 'Yes, withdraw consent' }));
    expect(await within(consent).findByText(/withdrew their consent/, {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Write a note' })).not.toBeInTheDocument();
    await user.click(await within(consent).findByRole('link', { name: 'Erase Kirsty' }, SLOW));
    expect(await screen.findByRole('heading', { level: 1, name: 'Erase Kirsty' }, SLOW)).toBeInTheDocument();
  });

  it('lets anyone else ask a coordinator, who sees the request among the concerns on Today', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Morag');
    await push(visitor, [
      change('attendee', 'a1', { displayName: 'Kirsty', consent: giveConsent(['notes'], new Date()) }),
    ]);
    routeFetchTo(visitor);
    const morags = freshDb();
    await syncOnce({ db: morags });
    await renderApp('/people/a1', { db: morags, user: await whoIs(visitor) });
    const user = userEvent.setup();
    const consent = await screen.findByRole('region', { name: 'Consent' }, SLOW);
    await user.click(within(consent).getByRole('button', { name: 'Withdraw consent' }));
    await user.click(within(consent).getByRole('button', { name: 'Yes, withdraw consent' }));
    expect(within(consent).queryByRole('link', { name: 'Erase Kirsty' })).not.toBeInTheDocument();
    await user.click(await within(consent).findByRole('button', { name: 'Ask a coordinator to erase Kirsty' }, SLOW));
    expect(
      await within(consent).findByText(/A coordinator has been asked to erase Kirsty’s record/, {}, SLOW),
    ).toBeInTheDocument();
    expect(within(consent).queryByRole('button', { name: /Ask a coordinator/ })).not.toBeInTheDocument();
    expect(await syncOnce({ db: morags })).toMatchObject({ status: 'synced', refused: 0 });
    cleanup();

    routeFetchTo(coordinator);
    const office = freshDb();
    await syncOnce({ db: office });
    await renderApp('/', { db: office, user: await whoIs(coordinator) });
    const concerns = await screen.findByRole('region', { name: 'Concerns nobody has picked up' }, SLOW);
    expect(await within(concerns).findByRole('link', { name: 'Kirsty' }, SLOW)).toHaveAttribute('href', '/people/a1');
    expect(within(concerns).getByText(/Talk to coordinator/)).toBeInTheDocument();
  });
});
