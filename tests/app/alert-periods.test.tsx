// Settings → Alert periods, against the real server in this process: a coordinator sees the organisation's
// periods and the server's defaults, is told what to fix, and saves; others cannot change them.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMember, setUpOrganisation } from '../server/client.ts';
import { databases, useServer } from '../server/helpers.ts';
import { refreshAlertPeriods } from '../../src/app/alerts/alertPeriods.ts';
import { getMeta } from '../../src/db/meta.ts';
import { freshDb, renderApp } from './helpers.tsx';
import { routeFetchTo, whoIs } from './privacy-server.ts';

vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 10_000 };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const server = useServer(databases()[0] ?? { name: 'sqlite' }, { ALERT_REPEAT_MINS: '20' });

describe('alert periods', () => {
  it('shows the defaults, says what to fix, and saves the organisation’s own periods', async () => {
    const coordinator = await setUpOrganisation(server.app);
    routeFetchTo(coordinator);
    const db = freshDb();
    await renderApp('/settings', { db, user: await whoIs(coordinator) });
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Alert periods' }, SLOW);
    await user.click(within(section).getByRole('link', { name: 'Alert periods' }));
    const repeat = await screen.findByRole(
      'spinbutton',
      { name: 'Remind coordinators of an urgent concern after (minutes)' },
      SLOW,
    );
    expect(repeat).toHaveValue(20);
    expect(repeat).toHaveAccessibleDescription(expect.stringContaining('This server’s default: 20 minutes.'));
    const grace = screen.getByRole('spinbutton', { name: 'Alert the visitor after a visit’s expected end (minutes)' });
    const team = screen.getByRole('spinbutton', { name: 'Then alert the buddy and coordinators after (minutes)' });
    expect(grace).toHaveValue(15);
    expect(team).toHaveValue(15);

    await user.clear(grace);
    await user.type(grace, '0');
    await user.clear(team);
    await user.type(team, '2000');
    await user.click(screen.getByRole('button', { name: 'Save the alert periods' }));
    expect(grace).toHaveFocus();
    expect(grace).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter a whole number of minutes from 1 to 1440.'),
    );
    expect(team).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter a whole number of minutes from 1 to 1440.'),
    );
    expect((await coordinator.get('/api/organisation/alert-periods')).body.periods.visitGraceMinutes).toBe(15);

    await user.clear(repeat);
    await user.type(repeat, '10');
    await user.clear(grace);
    await user.type(grace, '30');
    await user.clear(team);
    await user.type(team, '45');
    await user.click(screen.getByRole('button', { name: 'Save the alert periods' }));
    expect(await screen.findByText('Saved: the new alert periods apply from now.', {}, SLOW)).toBeInTheDocument();
    expect((await coordinator.get('/api/organisation/alert-periods')).body.periods).toEqual({
      urgentRepeatMinutes: 10,
      visitGraceMinutes: 30,
      teamAlertMinutes: 45,
    });
    expect(grace).not.toHaveAccessibleDescription(expect.stringContaining('Error'));
    // The coordinator's own device counts the new grace at once.
    expect(await getMeta(db, 'alertPeriods')).toEqual({
      urgentRepeatMinutes: 10,
      visitGraceMinutes: 30,
      teamAlertMinutes: 45,
    });
  });

  it("keeps the organisation's periods on a visitor's device, as the server gives them", async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    const chosen = { urgentRepeatMinutes: 12, visitGraceMinutes: 40, teamAlertMinutes: 25 };
    expect((await coordinator.call('PUT', '/api/organisation/alert-periods', chosen)).status).toBe(200);
    routeFetchTo(visitor);
    const db = freshDb();
    expect(await getMeta(db, 'alertPeriods')).toBeUndefined();
    await refreshAlertPeriods(db);
    expect(await getMeta(db, 'alertPeriods')).toEqual(chosen);
  });

  it('is not offered to a visitor', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    routeFetchTo(visitor);
    await renderApp('/settings', { db: freshDb(), user: await whoIs(visitor) });
    await screen.findByRole('region', { name: 'Alerts on this device' }, SLOW);
    expect(screen.queryByRole('region', { name: 'Alert periods' })).not.toBeInTheDocument();
  });
  it('tells a visitor who opens it that only a coordinator can change it', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    routeFetchTo(visitor);
    await renderApp('/settings/alert-periods', { db: freshDb(), user: await whoIs(visitor) });
    expect(await screen.findByText(/Only a coordinator can do this/, {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the alert periods' })).not.toBeInTheDocument();
  });
});
