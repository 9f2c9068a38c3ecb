// The Devices screen against the real server: who is signed in where, last contact in London time,
// this tablet marked, and signing another device out after saying what that does.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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

function deviceRows(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Signed-in devices' })).getAllByRole('listitem');
}

function deviceRow(name: string): HTMLElement {
  const row = deviceRows().find((item) => item.textContent?.startsWith(name));
  if (!row) throw new Error(`${name} is not in the list`);
  return row;
}

describe('Devices', () => {
  it('shows a coordinator every device of the organisation, with its user and last contact, this one marked', async () => {
    const coordinator = await coordinatorOf(server.url);
    await memberOf(coordinator.browser, { name: 'Morag Reid', role: 'facilitator', device: 'Forres tablet' });
    coordinator.browser.use();
    await renderApp('/settings/devices', { user: coordinator.user });

    await screen.findByRole('list', { name: 'Signed-in devices' });
    expect(deviceRows()).toHaveLength(2);
    const mine = deviceRow('Office laptop');
    expect(within(mine).getByText('This computer')).toBeInTheDocument();
    expect(mine).toHaveTextContent('Alex Morrison');
    // Signed in moments ago on the test's clock (noon in London today, or TEST_NOW), to the ten minutes.
    expect(mine).toHaveTextContent(`Last contact ${formatDateTime(Date.now()).slice(0, -1)}`);
    // This tablet is signed out from Settings, which sends its changes first.
    expect(within(mine).queryByRole('button', { name: /^Sign out/ })).not.toBeInTheDocument();
    expect(within(mine).getByRole('link', { name: 'Sign out in Settings' })).toHaveAttribute('href', '/settings');

    const forres = deviceRow('Forres tablet');
    expect(forres).toHaveTextContent('Morag Reid');
    expect(within(forres).queryByText('This computer')).not.toBeInTheDocument();
  }, 30_000);

  it('signs another device out only once confirmed, and the server then refuses it as revoked', async () => {
    const coordinator = await coordinatorOf(server.url);
    const morag = await memberOf(coordinator.browser, {
      name: 'Morag Reid',
      role: 'facilitator',
      device: 'Forres tablet',
    });
    coordinator.browser.use();
    await renderApp('/settings/devices', { user: coordinator.user });
    await screen.findByRole('list', { name: 'Signed-in devices' });
    const user = userEvent.setup();

    await user.click(within(deviceRow('Forres tablet')).getByRole('button', { name: 'Sign out “Forres tablet”' }));
    const confirm = screen.getByRole('region', { name: 'Sign out “Forres tablet”?' });
    expect(confirm).toHaveTextContent(
      'Morag Reid will need to sign in on it again. The next time it connects, it removes all of Coorie’s data from itself, including any changes it has not sent yet.',
    );
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect((await morag.browser.fetch('/api/me')).status).toBe(200);

    await user.click(within(deviceRow('Forres tablet')).getByRole('button', { name: 'Sign out “Forres tablet”' }));
    await user.click(screen.getByRole('button', { name: 'Sign it out' }));

    expect(
      await screen.findByText('“Forres tablet” is signed out. It will remove Coorie’s data when it next connects.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(deviceRows()).toHaveLength(1));
    const me = await morag.browser.fetch('/api/me');
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('device_revoked');
  }, 30_000);

  it('shows anyone else only their own devices', async () => {
    const coordinator = await coordinatorOf(server.url);
    const morag = await memberOf(coordinator.browser, {
      name: 'Morag Reid',
      role: 'facilitator',
      device: 'Hall tablet',
    });
    const phone = new Browser(server.url);
    const signedIn = await phone.post('/api/auth/sign-in', {
      email: morag.email,
      password: PASSWORD,
      device: 'Her phone',
    });
    expect(signedIn.status).toBe(200);
    await memberOf(coordinator.browser, { name: 'Isla Grant', role: 'visitor', device: 'Isla phone' });
    morag.browser.use();
    await renderApp('/settings/devices', { user: morag.user });

    await screen.findByRole('list', { name: 'Signed-in devices' });
    expect(deviceRows().map((row) => row.querySelector('.record-title')?.textContent)).toEqual(
      expect.arrayContaining(['Hall tabletThis computer', 'Her phone']),
    );
    expect(deviceRows()).toHaveLength(2);
    expect(screen.getByText(/The tablets, phones and computers you are signed in on\./)).toBeInTheDocument();
  }, 30_000);

  it('says plainly that the list needs a connection when the tablet is offline', async () => {
    const coordinator = await coordinatorOf(server.url);
    coordinator.browser.use();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await renderApp('/settings/devices', { user: coordinator.user });
    expect(
      await screen.findByText(
        'This computer is offline. The list of devices is kept on the server, so connect to the internet to see it or sign a device out.',
      ),
    ).toBeInTheDocument();
  }, 30_000);
});
