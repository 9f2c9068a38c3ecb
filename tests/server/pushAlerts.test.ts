// When urgent concerns are alerted (pure decisions, worked by hand), and that two server processes on one
// database send each alert exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { decideUrgentAlert, decideVisitAlert } from '../../src/server/push/decide.ts';
import { sendDueAlerts, URGENT_CONCERN } from '../../src/server/push/alerts.ts';
import { openStore } from '../../src/server/store/index.ts';
import { raiseAlert } from '../../src/server/store/push.ts';
import { addMember, change, hlc, pushBody, setUpOrganisation } from './client.ts';
import { databases, TEST_PASSWORD_COST, useServer } from './helpers.ts';
import { browserSubscription, pushAgent, startPushService, type PushService } from './pushService.ts';

const at = (time: string) => Date.parse(`2026-11-20T${time}Z`);
const REPEAT = 15 * 60_000;
const urgent = { concern: 'urgent', pickedUp: false };

describe('decideUrgentAlert', () => {
  it('sends at once, and names the reminder 15 minutes after', () => {
    const raised = { alertsSent: 0, nextAlertAt: '2026-11-20T10:00:00.000Z' };
    expect(decideUrgentAlert(raised, urgent, at('10:00:05'), REPEAT)).toEqual({
      send: true,
      next: { alertsSent: 1, nextAlertAt: '2026-11-20T10:15:05.000Z' },
    });
  });

  it('waits until the reminder is due, then sends it and nothing more', () => {
    const reminded = { alertsSent: 1, nextAlertAt: '2026-11-20T10:15:05.000Z' };
    expect(decideUrgentAlert(reminded, urgent, at('10:15:04'), REPEAT)).toBeUndefined();
    expect(decideUrgentAlert(reminded, urgent, at('10:15:05'), REPEAT)).toEqual({
      send: true,
      next: { alertsSent: 2, nextAlertAt: null },
    });
    expect(decideUrgentAlert({ alertsSent: 2, nextAlertAt: null }, urgent, at('23:00:00'), REPEAT)).toBeUndefined();
  });

  it('settles, sending nothing, once the concern is picked up, lowered or gone', () => {
    const reminded = { alertsSent: 1, nextAlertAt: '2026-11-20T10:15:00.000Z' };
    const settled = { send: false, next: { alertsSent: 1, nextAlertAt: null } };
    expect(decideUrgentAlert(reminded, { concern: 'urgent', pickedUp: true }, at('10:20:00'), REPEAT)).toEqual(settled);
    expect(decideUrgentAlert(reminded, { concern: 'keep an eye', pickedUp: false }, at('10:20:00'), REPEAT)).toEqual(
      settled,
    );
    expect(decideUrgentAlert(reminded, { concern: undefined, pickedUp: false }, at('10:20:00'), REPEAT)).toEqual(
      settled,
    );
  });
});

describe('decideVisitAlert', () => {
  const periods = { graceMs: 15 * 60_000, escalateMs: 10 * 60_000 };
  // Arrived 10:00 for an hour: expected to leave at 11:00, the visitor is alerted from 11:15, the team at 11:25.
  const visit = { arrivedAt: '2026-11-20T10:00:00.000Z', expectedMinutes: 60, status: 'in progress' };
  const raised = { alertsSent: 0, nextAlertAt: '2026-11-20T10:00:02.000Z' };

  it('waits for the expected end and the grace period, then alerts the visitor', () => {
    expect(decideVisitAlert(raised, visit, at('10:00:03'), periods)).toEqual({
      send: false,
      next: { alertsSent: 0, nextAlertAt: '2026-11-20T11:15:00.000Z' },
    });
    const waiting = { alertsSent: 0, nextAlertAt: '2026-11-20T11:15:00.000Z' };
    expect(decideVisitAlert(waiting, visit, at('11:14:59'), periods)).toBeUndefined();
    expect(decideVisitAlert(waiting, visit, at('11:15:30'), periods)).toEqual({
      send: true,
      to: 'visitor',
      next: { alertsSent: 1, nextAlertAt: '2026-11-20T11:25:30.000Z' },
    });
  });

  it('then the team, once, if the visit is still not closed', () => {
    const visitorAlerted = { alertsSent: 1, nextAlertAt: '2026-11-20T11:25:30.000Z' };
    expect(decideVisitAlert(visitorAlerted, visit, at('11:25:29'), periods)).toBeUndefined();
    expect(decideVisitAlert(visitorAlerted, visit, at('11:25:30'), periods)).toEqual({
      send: true,
      to: 'team',
      next: { alertsSent: 2, nextAlertAt: null },
    });
  });

  it('uses an hour when the visit has no expected length, and follows a later arrival', () => {
    const noLength = { arrivedAt: '2026-11-20T10:00:00.000Z' };
    expect(decideVisitAlert(raised, noLength, at('10:30:00'), periods)?.next.nextAlertAt).toBe(
      '2026-11-20T11:15:00.000Z',
    );
    const moved = { ...visit, arrivedAt: '2026-11-20T10:40:00.000Z' };
    const waiting = { alertsSent: 0, nextAlertAt: '2026-11-20T11:15:00.000Z' };
    expect(decideVisitAlert(waiting, moved, at('11:15:00'), periods)).toEqual({
      send: false,
      next: { alertsSent: 0, nextAlertAt: '2026-11-20T11:55:00.000Z' },
    });
  });

  it('settles once the visitor has left, the visit is cancelled or gone, or the arrival was taken back', () => {
    const due = { alertsSent: 1, nextAlertAt: '2026-11-20T11:25:00.000Z' };
    const settled = { send: false, next: { alertsSent: 1, nextAlertAt: null } };
    const when = at('11:30:00');
    expect(decideVisitAlert(due, { ...visit, leftAt: '2026-11-20T11:20:00.000Z' }, when, periods)).toEqual(settled);
    expect(decideVisitAlert(due, { ...visit, status: 'cancelled' }, when, periods)).toEqual(settled);
    expect(decideVisitAlert(due, { ...visit, status: 'done' }, when, periods)).toEqual(settled);
    expect(decideVisitAlert(due, { ...visit, arrivedAt: null }, when, periods)).toEqual(settled);
    expect(decideVisitAlert(due, undefined, when, periods)).toEqual(settled);
  });
});

describe.each(databases())('a visit not closed, on $name', (database) => {
  const server = useServer(database, { VISIT_GRACE_MINS: '15', TEAM_ALERT_MINS: '10' });
  let service: PushService;

  beforeEach(async () => {
    service = await startPushService();
  });
  afterEach(async () => {
    await service.close();
  });

  it('alerts the visitor’s devices, then the coordinators’, and stops once the visit is closed', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    const facilitator = await addMember(coordinator, 'facilitator', 'Eilidh');
    const keys = {
      ailsa: browserSubscription(`${service.origin}/push/ailsa`),
      isla: browserSubscription(`${service.origin}/push/isla`),
      eilidh: browserSubscription(`${service.origin}/push/eilidh`),
    };
    await coordinator.call('PUT', '/api/push/subscription', keys.ailsa.json);
    await visitor.call('PUT', '/api/push/subscription', keys.isla.json);
    await facilitator.call('PUT', '/api/push/subscription', keys.eilidh.json);
    const me = (await visitor.get('/api/me')).body as { user: { id: string } };
    const arrived = Date.now();
    const visit = {
      attendeeId: 'p1',
      supporterId: me.user.id,
      at: new Date(arrived).toISOString(),
      expectedMinutes: 60,
      where: '12 Mill Street, Aberlour',
      arrivedAt: new Date(arrived).toISOString(),
      status: 'in progress',
    };
    const pushed = await visitor.post(
      '/api/sync/push',
      pushBody([change('attendee', 'p1', { displayName: 'Morag' }), change('visit', 'v1', visit)]),
    );
    expect(pushed.body.results).toEqual([{ status: 'applied' }, { status: 'applied' }]);
    const minutes = (count: number) => arrived + count * 60_000;
    expect(await sendDueAlerts(server.app.alerting, minutes(74))).toBe(0);
    expect(service.deliveries).toHaveLength(0);

    expect(await sendDueAlerts(server.app.alerting, minutes(76))).toBe(1);
    expect(service.deliveries.map((delivery) => delivery.path)).toEqual(['/push/isla']);
    const [first] = service.deliveries;
    const text = keys.isla.decrypt(first?.body ?? Buffer.alloc(0));
    expect(JSON.parse(text)).toMatchObject({ title: 'A visit has not been closed', url: '/' });
    expect(text).not.toMatch(/Morag|Aberlour|Mill|Isla|v1|p1/);

    expect(await sendDueAlerts(server.app.alerting, minutes(85))).toBe(0);
    expect(await sendDueAlerts(server.app.alerting, minutes(87))).toBe(1);
    expect(service.deliveries.map((delivery) => delivery.path)).toEqual(['/push/isla', '/push/ailsa']);
    expect(await sendDueAlerts(server.app.alerting, minutes(200))).toBe(0);
    expect(service.deliveries).toHaveLength(2);
  });

  it('alerts a buddy who is not a coordinator with the coordinators, and a coordinator buddy once', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    const facilitator = await addMember(coordinator, 'facilitator', 'Eilidh');
    await coordinator.call('PUT', '/api/push/subscription', browserSubscription(`${service.origin}/push/ailsa`).json);
    await visitor.call('PUT', '/api/push/subscription', browserSubscription(`${service.origin}/push/isla`).json);
    await facilitator.call('PUT', '/api/push/subscription', browserSubscription(`${service.origin}/push/eilidh`).json);
    const idOf = async (client: typeof visitor) =>
      ((await client.get('/api/me')).body as { user: { id: string } }).user.id;
    const arrived = Date.now();
    const iso = new Date(arrived).toISOString();
    const visit = (buddyId: string) => ({
      attendeeId: 'p1',
      supporterId: 'someone',
      buddyId,
      at: iso,
      arrivedAt: iso,
      expectedMinutes: 60,
      status: 'in progress',
    });
    await visitor.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'p1', { displayName: 'Morag' }),
        change('visit', 'to-eilidh', visit(await idOf(facilitator))),
        change('visit', 'to-ailsa', visit(await idOf(coordinator))),
      ]),
    );
    // Past both periods: each visit's first alert goes to its (absent) visitor, the second to the team.
    const organisation = ((await visitor.get('/api/me')).body as { user: { organisationId: string } }).user
      .organisationId;
    expect(await sendDueAlerts(server.app.alerting, arrived + 76 * 60_000, organisation)).toBe(2);
    expect(service.deliveries).toHaveLength(0);
    expect(await sendDueAlerts(server.app.alerting, arrived + 87 * 60_000, organisation)).toBe(2);
    expect(service.deliveries.map((delivery) => delivery.path).sort()).toEqual([
      '/push/ailsa',
      '/push/ailsa',
      '/push/eilidh',
    ]);
  });

  it('alerts about a visit booked well before the arrival reaches the server', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await coordinator.call('PUT', '/api/push/subscription', browserSubscription(`${service.origin}/push/a`).json);
    const booked = Date.now();
    const iso = (minutes: number) => new Date(booked + minutes * 60_000).toISOString();
    await coordinator.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'p1', { displayName: 'Morag' }),
        change('visit', 'v1', { attendeeId: 'p1', at: iso(120), expectedMinutes: 60, status: 'scheduled' }),
      ]),
    );
    // The minute tick looks at the booking long before the visit, and finds nothing to alert about yet.
    expect(await sendDueAlerts(server.app.alerting, booked + 60_000)).toBe(0);
    // Two hours later the visitor arrives, and that reaches the server.
    await coordinator.post(
      '/api/sync/push',
      pushBody([change('visit', 'v1', { arrivedAt: iso(120), status: 'in progress' }, hlc(Date.now() + 1))]),
    );
    expect(await sendDueAlerts(server.app.alerting, booked + 121 * 60_000)).toBe(0);
    // The hour and the 15 minutes of grace pass with no "left safely": the visitor's devices are alerted.
    expect(await sendDueAlerts(server.app.alerting, booked + 196 * 60_000)).toBe(1);
    expect(service.deliveries.map((delivery) => delivery.path)).toEqual(['/push/a']);
  });

  it('sends nothing for a visit closed in time, nor for one whose arrival has not reached the server', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await coordinator.call('PUT', '/api/push/subscription', browserSubscription(`${service.origin}/push/a`).json);
    const now = Date.now();
    const iso = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    await coordinator.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'p1', { displayName: 'Morag' }),
        change('visit', 'booked', { attendeeId: 'p1', at: iso(-120), expectedMinutes: 60 }),
        change('visit', 'closed', { attendeeId: 'p1', at: iso(0), arrivedAt: iso(0), expectedMinutes: 30 }),
      ]),
    );
    await coordinator.post(
      '/api/sync/push',
      pushBody([change('visit', 'closed', { leftAt: iso(25), status: 'done' })]),
    );
    expect(await sendDueAlerts(server.app.alerting, now + 300 * 60_000)).toBe(0);
    expect(service.deliveries).toHaveLength(0);
  });
});

describe.each(databases())('two server processes on one $name database', (database) => {
  const server = useServer(database);
  let service: PushService;

  beforeEach(async () => {
    service = await startPushService();
  });
  afterEach(async () => {
    await service.close();
  });

  it('send each alert exactly once', async () => {
    // A second app with its own connection (pool) to the same database, as a second process would have.
    const otherStore = openStore(server.config);
    const other = await buildApp({
      config: server.config,
      store: otherStore,
      passwordCost: TEST_PASSWORD_COST,
      pushAgent: pushAgent(),
    });
    try {
      const coordinator = await setUpOrganisation(server.app);
      const visitor = await addMember(coordinator, 'visitor', 'Isla');
      const device = browserSubscription(`${service.origin}/push/ailsa`);
      expect((await coordinator.call('PUT', '/api/push/subscription', device.json)).status).toBe(204);
      const me = (await coordinator.get('/api/me')).body as { user: { organisationId: string } };
      // Concerns whose first alert was missed (raised, not yet sent), as after a crash between commit and send.
      const notes = Array.from({ length: 8 }, (_, index) => `n${index}`);
      await visitor.post(
        '/api/sync/push',
        pushBody([
          change('attendee', 'p1', { displayName: 'Morag' }),
          ...notes.map((id) => change('note', id, { attendeeId: 'p1', body: 'Low.', concern: 'urgent' })),
        ]),
      );
      // Sent after the push has answered, not before.
      const alreadySent = (await service.waitFor(8)).length;
      expect(alreadySent).toBe(8);
      await server.store.db.deleteFrom('push_alerts').execute();
      const now = Date.now();
      for (const id of notes) {
        await raiseAlert(
          server.store.db,
          { organisationId: me.user.organisationId, kind: URGENT_CONCERN, recordId: id },
          now,
        );
      }
      const ticks = await Promise.all([
        sendDueAlerts(server.app.alerting, now),
        sendDueAlerts(other.alerting, now),
        sendDueAlerts(server.app.alerting, now),
        sendDueAlerts(other.alerting, now),
      ]);
      expect(ticks.reduce((sum, sent) => sum + sent, 0)).toBe(8);
      expect(service.deliveries).toHaveLength(alreadySent + 8);
      // The reminders, once each as well.
      const later = now + 16 * 60_000;
      const reminders = await Promise.all([
        sendDueAlerts(other.alerting, later),
        sendDueAlerts(server.app.alerting, later),
      ]);
      expect(reminders[0] + reminders[1]).toBe(8);
      expect(service.deliveries).toHaveLength(alreadySent + 16);
    } finally {
      await other.close();
      await otherStore.close();
    }
  });
});

describe('alert settings in the environment', () => {
  it('takes the contact from PUSH_CONTACT, else an https PUBLIC_URL, else a placeholder', () => {
    expect(loadConfig({ PUSH_CONTACT: 'mailto:alerts@example.org' }).pushContact).toBe('mailto:alerts@example.org');
    expect(loadConfig({ PUBLIC_URL: 'https://coorie.example.org' }).pushContact).toBe('https://coorie.example.org');
    expect(loadConfig({ PUBLIC_URL: 'http://hall.lan:8080' }).pushContact).toBe('mailto:alerts@coorie.invalid');
    expect(loadConfig({}).urgentRepeatMinutes).toBe(15);
    expect(loadConfig({}).alertTickSeconds).toBe(60);
    expect(loadConfig({ ALERT_TICK_SECS: '5' }).alertTickSeconds).toBe(5);
  });

  it('refuses a contact push services could not use, and a repeat of no time', () => {
    expect(() => loadConfig({ PUSH_CONTACT: 'http://example.org' })).toThrow(/PUSH_CONTACT: must be a mailto/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.org' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ALERT_REPEAT_MINS: '0' })).toThrow(/ALERT_REPEAT_MINS/);
    expect(() => loadConfig({ ALERT_TICK_SECS: '0' })).toThrow(/ALERT_TICK_SECS/);
  });
});
