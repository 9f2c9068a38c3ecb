// When urgent concerns are alerted (pure decisions, worked by hand), and that two server processes on one
// database send each alert exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { decideUrgentAlert } from '../../src/server/push/decide.ts';
import { sendDueAlerts, URGENT_CONCERN } from '../../src/server/push/urgent.ts';
import { openStore } from '../../src/server/store/index.ts';
import { raiseAlert } from '../../src/server/store/push.ts';
import { addMember, change, pushBody, setUpOrganisation } from './client.ts';
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
      const alreadySent = service.deliveries.length;
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
  });

  it('refuses a contact push services could not use, and a repeat of no time', () => {
    expect(() => loadConfig({ PUSH_CONTACT: 'http://example.org' })).toThrow(/PUSH_CONTACT: must be a mailto/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.org' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ALERT_REPEAT_MINS: '0' })).toThrow(/ALERT_REPEAT_MINS/);
  });
});
