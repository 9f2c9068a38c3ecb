// An organisation's own alert periods: set by its coordinators within bounds, defaulting to the server's
// environment, and followed by the scheduler for that organisation's alerts only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDueAlerts } from '../../src/server/push/alerts.ts';
import { addMember, change, pushBody, setUpOrganisation, type Client } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { browserSubscription, startPushService, type PushService } from './pushService.ts';

const PATH = '/api/organisation/alert-periods';
const DEFAULTS = { urgentRepeatMinutes: 20, visitGraceMinutes: 15, teamAlertMinutes: 10 };

describe.each(databases())('alert periods on $name', (database) => {
  const server = useServer(database, {
    OPEN_REGISTRATION: 'true',
    ALERT_REPEAT_MINS: '20',
    VISIT_GRACE_MINS: '15',
    TEAM_ALERT_MINS: '10',
  });
  let service: PushService;

  beforeEach(async () => {
    service = await startPushService();
  });
  afterEach(async () => {
    await service.close();
  });

  it("start at the server's defaults, and a coordinator sets the organisation's own", async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    expect((await visitor.get(PATH)).body).toEqual({ periods: DEFAULTS, defaults: DEFAULTS });

    const chosen = { urgentRepeatMinutes: 5, visitGraceMinutes: 30, teamAlertMinutes: 45 };
    const saved = await coordinator.call('PUT', PATH, chosen);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ periods: chosen, defaults: DEFAULTS });
    expect((await visitor.get(PATH)).body.periods).toEqual(chosen);
    const log = await coordinator.get('/api/audit?action=alert_periods_changed');
    expect(log.body.entries).toHaveLength(1);
    expect(log.body.entries[0].detail).toEqual(chosen);
  });

  it('refuses periods out of bounds, not whole, missing or unknown, and anyone but a coordinator', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const good = { urgentRepeatMinutes: 15, visitGraceMinutes: 15, teamAlertMinutes: 15 };
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...good, urgentRepeatMinutes: 0 }, /urgentRepeatMinutes.*at least 1 minute/],
      [{ ...good, visitGraceMinutes: 1441 }, /visitGraceMinutes.*at most 1440 minutes/],
      [{ ...good, teamAlertMinutes: 2.5 }, /teamAlertMinutes.*whole number/],
      [{ ...good, teamAlertMinutes: '15' }, /teamAlertMinutes/],
      [{ urgentRepeatMinutes: 15, visitGraceMinutes: 15 }, /teamAlertMinutes/],
      [{ ...good, extra: 1 }, /extra/],
    ];
    for (const [body, message] of bad) {
      const answer = await coordinator.call('PUT', PATH, body);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(message);
    }
    for (const role of ['facilitator', 'visitor'] as const) {
      const member = await addMember(coordinator, role);
      expect((await member.call('PUT', PATH, good)).status).toBe(403);
    }
    expect((await coordinator.get(PATH)).body.periods).toEqual(DEFAULTS);
  });

  it("are followed by the scheduler for each organisation's own alerts", async () => {
    const moray = await setUpOrganisation(server.app);
    const highland = await setUpOrganisation(server.app, 'Highland Parents');
    await moray.call('PUT', PATH, { urgentRepeatMinutes: 5, visitGraceMinutes: 30, teamAlertMinutes: 45 });
    await moray.call('PUT', '/api/push/subscription', browserSubscription(`${service.origin}/push/moray`).json);
    await highland.call('PUT', '/api/push/subscription', browserSubscription(`${service.origin}/push/highland`).json);
    const arrived = Date.now();
    const visit = async (client: Client) => {
      const me = (await client.get('/api/me')).body as { user: { id: string } };
      const iso = new Date(arrived).toISOString();
      await client.post(
        '/api/sync/push',
        pushBody([
          change('attendee', 'p1', { displayName: 'Morag' }),
          change('visit', 'v1', {
            attendeeId: 'p1',
            supporterId: me.user.id,
            at: iso,
            arrivedAt: iso,
            expectedMinutes: 60,
          }),
        ]),
      );
    };
    await visit(moray);
    await visit(highland);
    const paths = () => service.deliveries.map((delivery) => delivery.path);
    const at = (minutes: number) => sendDueAlerts(server.app.alerting, arrived + minutes * 60_000);

    // Highland keeps the defaults: its visitor at 60 + 15, its team 10 minutes later.
    expect(await at(76)).toBe(1);
    expect(paths()).toEqual(['/push/highland']);
    expect(await at(87)).toBe(1);
    expect(paths()).toEqual(['/push/highland', '/push/highland']);
    // Moray's own: its visitor at 60 + 30, its team 45 minutes after that.
    expect(await at(91)).toBe(1);
    expect(await at(135)).toBe(0);
    expect(await at(137)).toBe(1);
    expect(paths()).toEqual(['/push/highland', '/push/highland', '/push/moray', '/push/moray']);
  });

  it('time an urgent reminder by the organisation’s repeat', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await coordinator.call('PUT', PATH, { urgentRepeatMinutes: 5, visitGraceMinutes: 15, teamAlertMinutes: 15 });
    await coordinator.call('PUT', '/api/push/subscription', browserSubscription(`${service.origin}/push/a`).json);
    const raised = Date.now();
    await coordinator.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'p1', { displayName: 'Morag' }),
        change('note', 'n1', { attendeeId: 'p1', body: 'Low.', concern: 'urgent' }),
      ]),
    );
    await service.waitFor(1);
    expect(await sendDueAlerts(server.app.alerting, raised + 4 * 60_000)).toBe(0);
    expect(await sendDueAlerts(server.app.alerting, raised + 6 * 60_000)).toBe(1);
    expect(service.deliveries).toHaveLength(2);
  });
});
