// Web Push over real HTTPS: a stand-in push service receives what the server sends, checks its
// VAPID headers and decrypts it with the subscription's keys; 404 and 410 remove the subscription; urgent
// concerns reach every coordinator's device with no name, note or place in the message.
import { describe, expect, it } from 'vitest';
import { sendDueAlerts } from '../../src/server/push/alerts.ts';
import { addMember, change, Client, hlc, pushBody, setUpOrganisation } from './client.ts';
import { loadConfig } from '../../src/server/config.ts';
import { databases, useServer } from './helpers.ts';
import { browserSubscription, readVapid, usePushService } from './pushService.ts';

const MINUTE = 60_000;

describe.each(databases())('push alerts over HTTPS on $name', (database) => {
  const server = useServer(database, { PUSH_CONTACT: 'mailto:alerts@example.org', ALERT_REPEAT_MINS: '15' });
  const { service, subscribe } = usePushService();

  it('sends a test alert signed with VAPID, encrypted for the device, with nothing about anyone in it', async () => {
    const coordinator = await setUpOrganisation(server.app, 'Speyside Parents');
    const { publicKey } = (await coordinator.get('/api/push/key')).body as { publicKey: string };
    expect((await coordinator.get('/api/push/subscription')).body).toEqual({
      subscribed: false,
      lastDeliveredAt: null,
    });
    const device = await subscribe(coordinator, 'office');

    const answer = await coordinator.post('/api/push/test');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ delivered: true, subscribed: true });
    const [delivery] = await service().waitFor(1);
    if (!delivery) throw new Error('nothing delivered');
    expect(delivery.method).toBe('POST');
    expect(delivery.path).toBe('/push/office');
    expect(delivery.headers['content-encoding']).toBe('aes128gcm');
    expect(delivery.headers.ttl).toBe(String(24 * 60 * 60));
    expect(delivery.headers.urgency).toBe('high');
    const vapid = readVapid(delivery);
    expect(vapid.signed).toBe(true);
    expect(vapid.key).toBe(publicKey);
    expect(vapid.header).toEqual({ typ: 'JWT', alg: 'ES256' });
    expect(vapid.claims.aud).toBe(service().origin);
    expect(vapid.claims.sub).toBe('mailto:alerts@example.org');
    expect(vapid.claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(vapid.claims.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 60 * MINUTE);

    const text = device.decrypt(delivery.body);
    expect(JSON.parse(text)).toEqual({
      title: 'Test alert from Coorie',
      body: 'Alerts reach this device.',
      url: '/settings',
      tag: 'test',
    });
    expect(text).not.toMatch(/Ailsa|Speyside/);
    const status = await coordinator.get('/api/push/subscription');
    expect(status.body.subscribed).toBe(true);
    expect(Date.parse(status.body.lastDeliveredAt as string)).toBeGreaterThan(Date.now() - MINUTE);
  });

  it('keeps the same VAPID keys for every app on the database', async () => {
    const first = await server.app.push.publicKey();
    const coordinator = await setUpOrganisation(server.app);
    expect((await coordinator.get('/api/push/key')).body.publicKey).toBe(first);
    expect(Buffer.from(first, 'base64url')).toHaveLength(65);
  });

  it.each([404, 410])('removes the subscription when the push service answers %i', async (status) => {
    const coordinator = await setUpOrganisation(server.app);
    await subscribe(coordinator, 'gone');
    service().answer.set('/push/gone', status);
    const answer = await coordinator.post('/api/push/test');
    expect(answer.body).toEqual({ delivered: false, subscribed: false, lastDeliveredAt: null });
    expect((await coordinator.get('/api/push/subscription')).body.subscribed).toBe(false);
    expect((await coordinator.post('/api/push/test')).status).toBe(409);
  });

  it('keeps the subscription when the push service fails for a while', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await subscribe(coordinator, 'busy');
    service().answer.set('/push/busy', 503);
    expect((await coordinator.post('/api/push/test')).body).toMatchObject({ delivered: false, subscribed: true });
  });

  it('alerts every coordinator at once about an urgent note, again once if nobody picks it up, then stops', async () => {
    const coordinator = await setUpOrganisation(server.app, 'Speyside Parents');
    const second = await addMember(coordinator, 'coordinator', 'Catriona');
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    const first = await subscribe(coordinator, 'ailsa');
    const other = await subscribe(second, 'catriona');
    await subscribe(visitor, 'isla');

    const pushed = await visitor.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'p1', { displayName: 'Morag' }),
        change('note', 'n1', {
          attendeeId: 'p1',
          body: 'Morag spoke of harming herself at Aberlour.',
          concern: 'urgent',
        }),
      ]),
    );
    expect(pushed.status).toBe(200);
    const deliveries = await service().waitFor(2);
    expect(deliveries.map((delivery) => delivery.path).sort()).toEqual(['/push/ailsa', '/push/catriona']);
    for (const delivery of deliveries) {
      const text = (delivery.path === '/push/ailsa' ? first : other).decrypt(delivery.body);
      expect(JSON.parse(text)).toMatchObject({ title: 'Urgent concern raised in Coorie', url: '/' });
      expect(text).not.toMatch(/Morag|Aberlour|Isla|harming|p1|n1/);
    }

    // Pushed again (another device, the same note): no second alert.
    await coordinator.post('/api/sync/push', pushBody([change('note', 'n1', { concern: 'urgent', body: 'Edited.' })]));
    expect(await sendDueAlerts(server.app.alerting, Date.now())).toBe(0);
    expect(service().deliveries).toHaveLength(2);

    expect(await sendDueAlerts(server.app.alerting, Date.now() + 15 * MINUTE + 1000)).toBe(1);
    expect(service().deliveries).toHaveLength(4);
    expect(await sendDueAlerts(server.app.alerting, Date.now() + 60 * MINUTE)).toBe(0);
    expect(service().deliveries).toHaveLength(4);
  });

  it('sends no reminder once a coordinator has picked the concern up', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    await subscribe(coordinator, 'ailsa');
    await visitor.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'p1', { displayName: 'Morag' }),
        change('note', 'n1', { attendeeId: 'p1', body: 'Low.', concern: 'urgent' }),
      ]),
    );
    await service().waitFor(1);
    await coordinator.post('/api/sync/push', pushBody([change('note', 'n1', { concernPickedUpBy: 'Ailsa' })]));
    expect(await sendDueAlerts(server.app.alerting, Date.now() + 16 * MINUTE)).toBe(0);
    expect(service().deliveries).toHaveLength(1);
  });

  it('alerts again when a concern lowered from urgent is raised to urgent again, once per raise', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    await subscribe(coordinator, 'ailsa');
    const start = Date.now();
    let step = 0;
    const next = () => hlc(start + ++step);
    const push = async (client: Client, values: Record<string, unknown>, version = next()) => {
      const answer = await client.post('/api/sync/push', pushBody([change('note', 'n1', values, version)]));
      expect(answer.status).toBe(200);
      expect(answer.body.results[0].status).toBe('applied');
    };
    await visitor.post('/api/sync/push', pushBody([change('attendee', 'p1', { displayName: 'Morag' })]));
    const raisedAt = next();
    await push(visitor, { attendeeId: 'p1', body: 'Low.', concern: 'urgent' }, raisedAt);
    await service().waitFor(1);

    // Edits of the still-urgent note, one stamping the concern again: no new alert.
    await push(visitor, { body: 'Low, and not sleeping.' });
    await push(coordinator, { concern: 'urgent' });
    expect(await sendDueAlerts(server.app.alerting, Date.now())).toBe(0);
    expect(service().deliveries).toHaveLength(1);

    // A lowering that loses the merge to a newer urgent, in a change applied for its other field: no effect.
    const stale = change('note', 'n1', { concern: 'keep an eye', body: 'Better today.' }, next());
    stale.versions.concern = raisedAt;
    const staleAnswer = await visitor.post('/api/sync/push', pushBody([stale]));
    expect(staleAnswer.body.results[0].status).toBe('applied');
    expect(await sendDueAlerts(server.app.alerting, Date.now() + 15 * MINUTE + 1000)).toBe(1);
    expect(service().deliveries).toHaveLength(2);
    // Lowered, and nothing more is sent about it.
    await push(coordinator, { concern: 'talk to coordinator' });
    expect(await sendDueAlerts(server.app.alerting, Date.now() + 60 * MINUTE)).toBe(0);
    expect(service().deliveries).toHaveLength(2);

    // Raised to urgent again: coordinators are alerted at once, and reminded once.
    await push(visitor, { concern: 'urgent' });
    await service().waitFor(3);
    await push(visitor, { body: 'Low, not sleeping, and frightened.' });
    expect(await sendDueAlerts(server.app.alerting, Date.now())).toBe(0);
    expect(await sendDueAlerts(server.app.alerting, Date.now() + 15 * MINUTE + 1000)).toBe(1);
    expect(await sendDueAlerts(server.app.alerting, Date.now() + 60 * MINUTE)).toBe(0);
    expect(service().deliveries).toHaveLength(4);
  });

  it('does not let the pick-up of an earlier raise stop the alert of a new one', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    await subscribe(coordinator, 'ailsa');
    const start = Date.now();
    let step = 0;
    const push = (client: Client, values: Record<string, unknown>) =>
      client.post('/api/sync/push', pushBody([change('note', 'n1', values, hlc(start + ++step))]));
    await visitor.post('/api/sync/push', pushBody([change('attendee', 'p1', { displayName: 'Morag' })]));
    await push(visitor, { attendeeId: 'p1', body: 'Low.', concern: 'urgent' });
    await service().waitFor(1);
    await push(coordinator, { concernPickedUpBy: 'Ailsa' });
    await push(coordinator, { concern: 'keep an eye' });
    await push(visitor, { concern: 'urgent' });
    await service().waitFor(2);
    // The new raise is picked up in its turn: no reminder.
    await push(coordinator, { concernPickedUpBy: 'Ailsa' });
    expect(await sendDueAlerts(server.app.alerting, Date.now() + 16 * MINUTE)).toBe(0);
    expect(service().deliveries).toHaveLength(2);
  });

  it('does not alert a device whose sign-in has ended', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    await subscribe(coordinator, 'ailsa');
    const { db } = server.store;
    const [subscription] = await db.selectFrom('push_subscriptions').select('device_session_id').execute();
    // Set aside for 15 days: past the 14 days without use after which a sign-in ends.
    const fifteenDaysAgo = new Date(Date.now() - 15 * 24 * 60 * MINUTE).toISOString();
    await db
      .updateTable('device_sessions')
      .set({ last_seen_at: fifteenDaysAgo })
      .where('id', '=', subscription?.device_session_id ?? '')
      .execute();
    const pushed = await visitor.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'p1', { displayName: 'Morag' }),
        change('note', 'n1', { attendeeId: 'p1', body: 'Low.', concern: 'urgent' }),
      ]),
    );
    expect(pushed.status).toBe(200);
    expect(service().deliveries).toHaveLength(0);
  });

  it('does not alert about a note that is not urgent', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await subscribe(coordinator, 'ailsa');
    await coordinator.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'p1', { displayName: 'Morag' }),
        change('note', 'n1', { attendeeId: 'p1', body: 'Fine.', concern: 'keep an eye' }),
      ]),
    );
    expect(await sendDueAlerts(server.app.alerting, Date.now() + 60 * MINUTE)).toBe(0);
    expect(service().deliveries).toHaveLength(0);
  });

  it('forgets a device that signs out, is revoked, or belongs to a disabled account', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    const facilitator = await addMember(coordinator, 'facilitator', 'Eilidh');
    await subscribe(coordinator, 'ailsa');
    await subscribe(visitor, 'isla');
    await subscribe(facilitator, 'eilidh');
    const count = async () => (await server.store.db.selectFrom('push_subscriptions').selectAll().execute()).length;
    expect(await count()).toBe(3);

    await visitor.post('/api/auth/sign-out');
    expect(await count()).toBe(2);
    const devices = (await coordinator.get('/api/devices')).body.devices as {
      id: string;
      userName: string;
      userId: string;
    }[];
    const eilidh = devices.find((device) => device.userName === 'Eilidh');
    if (!eilidh) throw new Error('no device');
    expect((await coordinator.delete(`/api/devices/${eilidh.id}`)).status).toBe(204);
    expect(await count()).toBe(1);

    const again = await addMember(coordinator, 'coordinator', 'Catriona');
    await subscribe(again, 'catriona');
    const catriona = (await coordinator.get('/api/users')).body.users.find(
      (user: { name: string }) => user.name === 'Catriona',
    );
    expect((await coordinator.patch(`/api/users/${catriona.id as string}`, { disabled: true })).status).toBe(200);
    expect(await count()).toBe(1);
  });

  it('refuses bad subscriptions in the one error shape, and writes from other sites', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const good = browserSubscription(`${service().origin}/push/x`).json;
    const bad = [
      undefined,
      'text',
      {},
      { ...good, endpoint: 'http://127.0.0.1/push' },
      { ...good, endpoint: 'not an address' },
      { ...good, endpoint: `https://example.org/${'a'.repeat(2100)}` },
      { ...good, keys: { ...good.keys, p256dh: 'short' } },
      { ...good, keys: { ...good.keys, auth: '!!!' } },
      { ...good, keys: { p256dh: good.keys.p256dh } },
      { ...good, extra: 1 },
    ];
    for (const body of bad) {
      const answer = await coordinator.call('PUT', '/api/push/subscription', body);
      expect(answer.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(answer.status, JSON.stringify(body)).toBeLessThan(500);
      expect(answer.body.error.code).toEqual(expect.any(String));
    }
    const crossSite = await coordinator.call('PUT', '/api/push/subscription', good, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe('cross_site');
    const signedOut = new Client(server.app);
    expect((await signedOut.call('PUT', '/api/push/subscription', good)).status).toBe(401);
    expect((await signedOut.get('/api/push/key')).status).toBe(401);
    expect((await signedOut.post('/api/push/test')).status).toBe(401);
    expect((await coordinator.get('/api/push/subscription')).body.subscribed).toBe(false);
  });

  it("refuses a subscription whose address is not a push service's, so the server never calls a machine of someone's choosing", async () => {
    const coordinator = await setUpOrganisation(server.app);
    const good = browserSubscription(`${service().origin}/push/x`).json;
    for (const endpoint of [
      'https://10.0.0.5/admin',
      'https://localhost/push',
      'https://127.0.0.1.evil.example/push',
    ]) {
      const answer = await coordinator.call('PUT', '/api/push/subscription', { ...good, endpoint });
      expect(answer.status, endpoint).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'unknown_push_service',
        message: expect.stringMatching(/push service/),
      });
    }
    expect((await coordinator.get('/api/push/subscription')).body.subscribed).toBe(false);
    expect((await coordinator.call('PUT', '/api/push/subscription', good)).status).toBe(204);
    expect((await coordinator.get('/api/push/subscription')).body.subscribed).toBe(true);
  });

  it("allows the browsers' own push services by default", () => {
    const hosts = loadConfig({}).pushServiceHosts;
    expect(hosts).toEqual(
      expect.arrayContaining(['fcm.googleapis.com', 'push.services.mozilla.com', 'push.apple.com']),
    );
    expect(loadConfig({ PUSH_SERVICE_HOSTS: ' Push.Example.org, ,127.0.0.1 ' }).pushServiceHosts).toEqual([
      'push.example.org',
      '127.0.0.1',
    ]);
  });
});
