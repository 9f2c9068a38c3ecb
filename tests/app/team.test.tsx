// The Team screen against the real server: a coordinator sees the team, adds a member, invites one
// with a code that then works on the join screen, changes roles and disables accounts.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getMeta } from '../../src/db/meta.ts';
import { formatDateTime } from '../../src/app/format.ts';
import { startTestServer, type TestServer } from '../engine/harness.ts';
import { renderApp } from './helpers.tsx';
import { Browser, coordinatorOf, memberOf, PASSWORD } from './teamServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function openTeam() {
  const coordinator = await coordinatorOf(server.url);
  coordinator.browser.use();
  const app = await renderApp('/settings/team', { user: coordinator.user });
  await screen.findByRole('heading', { level: 1, name: 'Team' });
  return { ...app, coordinator };
}

function memberRow(name: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Team members' });
  const row = within(list)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes(name));
  if (!row) throw new Error(`${name} is not in the list`);
  return row;
}

async function teamOnServer(browser: Browser) {
  const answer = await browser.fetch('/api/users');
  return ((await answer.json()) as { users: { name: string; role: string; disabled: boolean }[] }).users;
}

describe('Team', () => {
  it('lists every member with their role, and says who cannot sign in', async () => {
    const coordinator = await coordinatorOf(server.url);
    const morag = await memberOf(coordinator.browser, { name: 'Morag Reid', role: 'facilitator', device: 'Hall' });
    await memberOf(coordinator.browser, { name: 'Isla Grant', role: 'visitor', device: 'Phone' });
    const patch = await coordinator.browser.fetch(`/api/users/${morag.user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(patch.status).toBe(200);
    coordinator.browser.use();
    await renderApp('/settings/team', { user: coordinator.user });

    await screen.findByRole('list', { name: 'Team members' });
    expect(memberRow('Alex Morrison')).toHaveTextContent('Alex Morrison (you)Coordinator');
    expect(memberRow('Morag Reid')).toHaveTextContent('Facilitator');
    expect(within(memberRow('Morag Reid')).getByText('Disabled')).toBeInTheDocument();
    expect(memberRow('Isla Grant')).toHaveTextContent('Home-visit peer supporter');
    expect(within(memberRow('Isla Grant')).queryByText('Disabled')).not.toBeInTheDocument();
  }, 30_000);

  it('adds a member, saying what to fix in each field, and the email address that is taken', async () => {
    const { coordinator } = await openTeam();
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Add a member' }));
    await screen.findByRole('heading', { level: 1, name: 'Add a team member' });
    await user.click(screen.getByRole('button', { name: 'Add to the team' }));

    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Error: Enter their name.');
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription(
      'Error: Enter their email address: they sign in with it.',
    );
    expect(screen.getByRole('group', { name: 'What will they do?' })).toHaveAccessibleDescription(
      'Error: Choose what they will do.',
    );
    expect(screen.getByLabelText('First password')).toHaveAccessibleDescription(
      'At least 10 characters. Tell them in person, never by text or email. Error: Choose a first password for them.',
    );

    await user.type(screen.getByLabelText('Name'), 'Eilidh Grant');
    await user.type(screen.getByLabelText('Email address'), coordinator.user.email.toUpperCase());
    await user.click(screen.getByRole('radio', { name: 'Facilitator' }));
    await user.type(screen.getByLabelText('First password'), 'too short');
    expect(screen.getByLabelText('First password')).toHaveAccessibleDescription(
      'At least 10 characters. Tell them in person, never by text or email. Error: The password needs at least 10 characters (it has 9).',
    );
    await user.type(screen.getByLabelText('First password'), ' no more');
    await user.click(screen.getByRole('button', { name: 'Add to the team' }));

    // The server's 409: on the email field, with focus there, until the address changes.
    await waitFor(() =>
      expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription(
        'Error: An account already uses that email address. Check it, or find them in the team list.',
      ),
    );
    // Focus moves there once the message is on screen (an effect after the render that shows it).
    await waitFor(() => expect(screen.getByLabelText('Email address')).toHaveFocus());
    await user.clear(screen.getByLabelText('Email address'));
    await user.type(screen.getByLabelText('Email address'), 'eilidh@example.org');
    expect(screen.getByLabelText('Email address')).not.toHaveAccessibleDescription();
    await user.click(screen.getByRole('button', { name: 'Add to the team' }));

    await screen.findByRole('heading', { level: 1, name: 'Team' });
    expect(await screen.findByText('Eilidh Grant is on the team and can sign in now.')).toBeInTheDocument();
    await waitFor(() => expect(memberRow('Eilidh Grant')).toHaveTextContent('Facilitator'));
    // And she can: her first password works.
    const eilidh = new Browser(server.url);
    const signedIn = await eilidh.post('/api/auth/sign-in', {
      email: 'eilidh@example.org',
      password: 'too short no more',
      device: 'Her phone',
    });
    expect(signedIn.status).toBe(200);
  }, 30_000);

  it('invites with a one-time code, says until when it works in London time, and the code lets them join', async () => {
    await openTeam();
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Invite with a code' }));
    await screen.findByRole('heading', { level: 1, name: 'Invite with a code' });
    await user.type(screen.getByLabelText('Name'), 'Isla Grant');
    await user.type(screen.getByLabelText('Email address'), `isla-${crypto.randomUUID()}@example.org`);
    await user.click(screen.getByRole('radio', { name: 'Home-visit peer supporter' }));
    await user.click(screen.getByRole('button', { name: 'Make an invite code' }));

    const panel = await screen.findByRole('region', { name: 'Invite code for Isla Grant' });
    const code = panel.querySelector('.invite-code')?.textContent ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
    const inAWeek = formatDateTime(Date.now() + 7 * 24 * 60 * 60 * 1000);
    expect(within(panel).getByText(`It works once, until ${inAWeek}.`)).toBeInTheDocument();
    expect(panel).toHaveTextContent('on the sign-in screen, they choose “I have an invite code”, type the code');

    // On Isla's own tablet: the sign-in screen's "I have an invite code".
    new Browser(server.url).use();
    const isla = await renderApp('/sign-in');
    await user.click(await screen.findByRole('link', { name: 'I have an invite code' }));
    await screen.findByRole('heading', { level: 1, name: 'Join your team' });
    await user.type(screen.getByLabelText('Invite code'), code.toLowerCase());
    await user.type(screen.getByLabelText('Choose a password'), PASSWORD);
    await user.type(screen.getByLabelText('Type the password again'), PASSWORD);
    await user.type(screen.getByLabelText("This device's name"), 'Isla phone');
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));

    await waitFor(async () =>
      expect(await getMeta(isla.db, 'user')).toMatchObject({ name: 'Isla Grant', role: 'visitor' }),
    );
    expect(await getMeta(isla.db, 'deviceName')).toBe('Isla phone');
  }, 30_000);

  it('changes a role', async () => {
    const coordinator = await coordinatorOf(server.url);
    await memberOf(coordinator.browser, { name: 'Morag Reid', role: 'facilitator', device: 'Hall' });
    coordinator.browser.use();
    await renderApp('/settings/team', { user: coordinator.user });
    await screen.findByRole('list', { name: 'Team members' });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Change role for Morag Reid' }));
    const form = screen.getByRole('form', { name: 'Role for Morag Reid' });
    expect(within(form).getByRole('radio', { name: 'Facilitator' })).toBeChecked();
    await user.click(within(form).getByRole('radio', { name: 'Coordinator' }));
    await user.click(within(form).getByRole('button', { name: 'Save the role' }));

    expect(await screen.findByText('Morag Reid is now: Coordinator.')).toBeInTheDocument();
    await waitFor(() => expect(memberRow('Morag Reid')).toHaveTextContent('Coordinator'));
    expect((await teamOnServer(coordinator.browser)).find((member) => member.name === 'Morag Reid')?.role).toBe(
      'coordinator',
    );
  }, 30_000);

  it('will not leave the organisation without a coordinator, and says why', async () => {
    await openTeam();
    const user = userEvent.setup();
    await screen.findByRole('list', { name: 'Team members' });
    await user.click(screen.getByRole('button', { name: 'Change role for Alex Morrison' }));
    await user.click(screen.getByRole('radio', { name: 'Facilitator' }));
    await user.click(screen.getByRole('button', { name: 'Save the role' }));
    expect(
      await screen.findByText('The organisation needs at least one coordinator who can sign in.'),
    ).toBeInTheDocument();
    expect(memberRow('Alex Morrison')).toHaveTextContent('Coordinator');
  }, 30_000);

  it('disables an account after saying its devices will be signed out and wiped, and lets it sign in again', async () => {
    const coordinator = await coordinatorOf(server.url);
    const morag = await memberOf(coordinator.browser, { name: 'Morag Reid', role: 'facilitator', device: 'Hall' });
    coordinator.browser.use();
    await renderApp('/settings/team', { user: coordinator.user });
    await screen.findByRole('list', { name: 'Team members' });
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: 'Disable account for Alex Morrison' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Disable account for Morag Reid' }));
    const confirm = screen.getByRole('region', { name: 'Disable Morag Reid’s account?' });
    expect(confirm).toHaveTextContent(
      'Morag Reid will be signed out of Coorie on every device at once, and each of those devices will remove Coorie’s data from itself the next time it connects.',
    );
    // Nothing has happened yet.
    expect((await morag.browser.fetch('/api/me')).status).toBe(200);
    await user.click(within(confirm).getByRole('button', { name: 'Disable the account' }));

    expect(
      await screen.findByText('Morag Reid’s account is disabled and their devices are signed out.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(memberRow('Morag Reid')).getByText('Disabled')).toBeInTheDocument());
    const me = await morag.browser.fetch('/api/me');
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('device_revoked');

    await user.click(screen.getByRole('button', { name: 'Let Morag Reid sign in again' }));
    expect(await screen.findByText('Morag Reid can sign in again.')).toBeInTheDocument();
    await waitFor(() => expect(within(memberRow('Morag Reid')).queryByText('Disabled')).not.toBeInTheDocument());
    const again = await new Browser(server.url).post('/api/auth/sign-in', {
      email: morag.email,
      password: PASSWORD,
      device: 'Hall',
    });
    expect(again.status).toBe(200);
  }, 30_000);

  it('says plainly that the team needs a connection when the tablet is offline', async () => {
    const coordinator = await coordinatorOf(server.url);
    coordinator.browser.use();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await renderApp('/settings/team', { user: coordinator.user });
    expect(
      await screen.findByText(
        'This computer is offline. The team’s accounts are kept on the server, so connect to the internet to see or change them.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add a member' })).not.toBeInTheDocument();
  }, 30_000);

  it('is for coordinators only', async () => {
    const coordinator = await coordinatorOf(server.url);
    const morag = await memberOf(coordinator.browser, { name: 'Morag Reid', role: 'facilitator', device: 'Hall' });
    morag.browser.use();
    await renderApp('/settings/team', { user: morag.user });
    expect(
      await screen.findByText(
        'Only coordinators can manage the team. Ask your coordinator to add someone or change a role.',
      ),
    ).toBeInTheDocument();
  }, 30_000);
});
