// @vitest-environment node
// Devices' Web Push subscriptions at rest (src/server/store/pushSubscriptions.ts, store/keysAtRest.ts): endpoint
// and keys wrapped in the database with the server's secret, bound to their device and column; alerts still
// delivered; a subscription kept plain before wrapped at start (once, however many processes start together) and
// read as it is until then; a 404/410 still removing it; and a wrong secret stopping the server with one clear
// line and every row left as it was.
import { describe, expect, it, vi } from 'vitest';
import { StartupError } from '../../src/server/preflight.ts';
import { openStore } from '../../src/server/store/index.ts';
import { prepareKeysAtRest } from '../../src/server/store/keysAtRest.ts';
import { deleteSubscriptionAt } from '../../src/server/store/pushSubscriptions.ts';
import { isWrappedSealKey, loadSealKeyVault, SealKeyVault } from '../../src/server/store/sealKeyVault.ts';
import { addMember, change, type Client, pushBody, setUpOrganisation } from './client.ts';
import { databases, realServerEnv, useServer, type TestServer } from './helpers.ts';
import { storePlainSealKey } from './plainSealKey.ts';
import { startServerOnce } from './processes.ts';
import { usePushService, type browserSubscription } from './pushService.ts';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';
const OTHER_SECRET = 'another-secret-that-is-also-long-enough-to-pass';
const COLUMNS = ['endpoint', 'p256dh', 'auth'] as const;

type Subscription = ReturnType<typeof browserSubscription>;

/** Every subscription as the database keeps it, by device. */
const readRows = (server: TestServer) =>
  server.store.db
    .selectFrom('push_subscriptions')
    .select(['device_session_id as deviceId', 'endpoint', 'p256dh', 'auth'])
    .orderBy('device_session_id')
    .execute();

async function readRowOf(server: TestServer, endpoint: string, vault: SealKeyVault) {
  for (const row of await readRows(server)) {
    const opened = await vault.unwrapText({ deviceId: row.deviceId, column: 'endpoint' }, row.endpoint);
    if (opened === endpoint) return row;
  }
  throw new Error(`no row for ${endpoint}`);
}

/** As an older version kept it: the values the browser gave, plain. */
async function makePlain(server: TestServer, deviceId: string, subscription: Subscription) {
  await server.store.db
    .updateTable('push_subscriptions')
    .set({
      endpoint: subscription.json.endpoint,
      p256dh: subscription.json.keys.p256dh,
      auth: subscription.json.keys.auth,
    })
    .where('device_session_id', '=', deviceId)
    .execute();
}

/** A visitor's note with an urgent concern about Morag, pushed: the coordinators' devices are alerted. */
const raiseUrgentConcern = (visitor: Client) =>
  visitor.post(
    '/api/sync/push',
    pushBody([
      change('attendee', 'p1', { displayName: 'Morag' }),
      change('note', 'n1', { attendeeId: 'p1', body: 'Morag is not safe at home.', concern: 'urgent' }),
    ]),
  );

describe.each(databases())('push subscriptions at rest on $name', { timeout: 90_000 }, (database) => {
  const { service, subscribe } = usePushService();

  /** Sends the client's device a test alert and checks that it arrives, readable by the device. */
  async function testAlertReaches(client: Client, subscription: Subscription) {
    const before = service().deliveries.length;
    expect((await client.post('/api/push/test')).body).toMatchObject({ delivered: true, subscribed: true });
    const delivery = (await service().waitFor(before + 1)).at(-1);
    if (!delivery) throw new Error('nothing delivered');
    expect(delivery.path).toBe(new URL(subscription.json.endpoint).pathname);
    expect(JSON.parse(subscription.decrypt(delivery.body))).toMatchObject({ tag: 'test' });
  }

  describe('with the key file made on first start', () => {
    const server = useServer(database, { PUSH_CONTACT: 'mailto:alerts@example.org' });

    it('stores endpoint and keys wrapped, bound to their device and column, and alerts still arrive', async () => {
      const coordinator = await setUpOrganisation(server.app, 'Speyside Parents');
      const visitor = await addMember(coordinator, 'visitor', 'Isla');
      const device = await subscribe(coordinator, 'ailsa-phone');
      const vault = await loadSealKeyVault(server.config);

      const row = await readRowOf(server, device.json.endpoint, vault);
      const text = JSON.stringify(row);
      for (const column of COLUMNS) expect(isWrappedSealKey(row[column]), column).toBe(true);
      expect(text).not.toContain(device.json.keys.p256dh);
      expect(text).not.toContain(device.json.keys.auth);
      expect(text).not.toContain('ailsa-phone');
      expect(text).not.toContain('127.0.0.1');
      expect(await vault.unwrapText({ deviceId: row.deviceId, column: 'p256dh' }, row.p256dh)).toBe(
        device.json.keys.p256dh,
      );
      expect(await vault.unwrapText({ deviceId: row.deviceId, column: 'auth' }, row.auth)).toBe(device.json.keys.auth);
      // Bound to its place: in another column, or another device's row, it does not open.
      await expect(vault.unwrapText({ deviceId: row.deviceId, column: 'auth' }, row.p256dh)).rejects.toThrow(
        /^a device's push subscription \(alerts\) does not open/,
      );
      await expect(vault.unwrapText({ deviceId: 'another-device', column: 'endpoint' }, row.endpoint)).rejects.toThrow(
        /does not open/,
      );

      await testAlertReaches(coordinator, device);
      // An urgent concern reaches the coordinator's device, found among the organisation's subscriptions.
      const before = service().deliveries.length;
      const pushed = await raiseUrgentConcern(visitor);
      expect(pushed.status).toBe(200);
      const delivery = (await service().waitFor(before + 1)).at(-1);
      if (!delivery) throw new Error('nothing delivered');
      expect(delivery.path).toBe('/push/ailsa-phone');
      expect(JSON.parse(device.decrypt(delivery.body))).toMatchObject({ title: 'Urgent concern raised in Coorie' });
    });

    it('leaves out a subscription moved to another device, and still alerts the rest', async () => {
      const coordinator = await setUpOrganisation(server.app);
      const second = await addMember(coordinator, 'coordinator', 'Catriona');
      const first = await subscribe(coordinator, 'ailsa');
      await subscribe(second, 'catriona');
      const vault = await loadSealKeyVault(server.config);
      const from = await readRowOf(server, first.json.endpoint, vault);
      const to = (await readRows(server)).find((row) => row.deviceId !== from.deviceId);
      if (!to) throw new Error('no second row');
      await server.store.db
        .updateTable('push_subscriptions')
        .set({ endpoint: from.endpoint, p256dh: from.p256dh, auth: from.auth })
        .where('device_session_id', '=', to.deviceId)
        .execute();

      expect((await second.get('/api/push/subscription')).body.subscribed).toBe(false);
      expect((await second.post('/api/push/test')).status).toBe(409);
      await testAlertReaches(coordinator, first);
      expect(service().deliveries.map((delivery) => delivery.path)).toEqual(['/push/ailsa']);

      // An urgent concern reaches the one device that opens, and the log names the one left out.
      const visitor = await addMember(coordinator, 'visitor', 'Isla');
      const warn = vi.spyOn(server.app.log, 'warn');
      const pushed = await raiseUrgentConcern(visitor);
      expect(pushed.status).toBe(200);
      await service().waitFor(2);
      await vi.waitFor(() =>
        expect(warn).toHaveBeenCalledWith(
          { device: to.deviceId },
          expect.stringMatching(/^a device's push subscription does not open with SEAL_KEY_SECRET and is left out/),
        ),
      );
      warn.mockRestore();
      expect(service().deliveries.map((delivery) => delivery.path)).toEqual(['/push/ailsa', '/push/ailsa']);
    });

    it.each([404, 410])('removes the subscription when the push service answers %i', async (status) => {
      const coordinator = await setUpOrganisation(server.app);
      await subscribe(coordinator, 'gone');
      service().answer.set('/push/gone', status);
      expect((await coordinator.post('/api/push/test')).body).toEqual({
        delivered: false,
        subscribed: false,
        lastDeliveredAt: null,
      });
      expect(await readRows(server)).toEqual([]);
    });

    it('keeps a subscription the device renewed when the old endpoint is found gone', async () => {
      const coordinator = await setUpOrganisation(server.app);
      const old = await subscribe(coordinator, 'old');
      const [row] = await readRows(server);
      if (!row) throw new Error('no row');
      const renewed = await subscribe(coordinator, 'renewed');

      await deleteSubscriptionAt(server.store.db, row.deviceId, old.json.endpoint);
      expect(await readRows(server)).toHaveLength(1);
      await testAlertReaches(coordinator, renewed);

      await deleteSubscriptionAt(server.store.db, row.deviceId, renewed.json.endpoint);
      expect(await readRows(server)).toEqual([]);
    });

    it('reads a subscription kept plain before, wraps it when the server starts, and still alerts it', async () => {
      const coordinator = await setUpOrganisation(server.app);
      const device = await subscribe(coordinator, 'office');
      const [row] = await readRows(server);
      if (!row) throw new Error('no row');
      await makePlain(server, row.deviceId, device);
      // A process started before another wrapped it reads it as it is.
      await testAlertReaches(coordinator, device);
      expect((await readRows(server))[0]?.endpoint).toBe(device.json.endpoint);

      // The real server, started on this database and DATA_DIR (so the same key file).
      const run = await startServerOnce(realServerEnv(server));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Coorie wrapped 1 push subscription\(s\) with the seal key file /);
      expect(run.stdout).not.toContain(device.json.endpoint);

      const [wrapped] = await readRows(server);
      if (!wrapped) throw new Error('no row');
      for (const column of COLUMNS) expect(isWrappedSealKey(wrapped[column]), column).toBe(true);
      const text = JSON.stringify(wrapped);
      expect(text).not.toContain(device.json.keys.p256dh);
      expect(text).not.toContain(device.json.keys.auth);
      expect(text).not.toContain('/push/office');
      const vault = await loadSealKeyVault(server.config);
      expect(await vault.unwrapText({ deviceId: row.deviceId, column: 'endpoint' }, wrapped.endpoint)).toBe(
        device.json.endpoint,
      );
      // Once wrapped, a second start has nothing to wrap, and leaves the row as it is.
      expect(await prepareKeysAtRest(server.store.db, vault)).toMatchObject({ pushSubscriptions: 0 });
      expect(await readRows(server)).toEqual([wrapped]);

      await testAlertReaches(coordinator, device);
    });

    it('wraps each once when two processes start together', async () => {
      const coordinator = await setUpOrganisation(server.app);
      const second = await addMember(coordinator, 'coordinator', 'Catriona');
      const devices = [await subscribe(coordinator, 'ailsa'), await subscribe(second, 'catriona')];
      const vault = await loadSealKeyVault(server.config);
      for (const device of devices) {
        const row = await readRowOf(server, device.json.endpoint, vault);
        await makePlain(server, row.deviceId, device);
      }

      const other = openStore(server.config);
      try {
        const results = await Promise.all([
          prepareKeysAtRest(server.store.db, vault),
          prepareKeysAtRest(other.db, vault),
        ]);
        expect(results.reduce((sum, result) => sum + result.pushSubscriptions, 0)).toBe(2);
      } finally {
        await other.close();
      }
      for (const row of await readRows(server)) {
        for (const column of COLUMNS) expect(isWrappedSealKey(row[column]), column).toBe(true);
      }
      await testAlertReaches(coordinator, devices[0] as Subscription);
      await testAlertReaches(second, devices[1] as Subscription);
    });
  });

  describe('with SEAL_KEY_SECRET', () => {
    const server = useServer(database, { SEAL_KEY_SECRET: SECRET, PUSH_CONTACT: 'mailto:alerts@example.org' });

    it('refuses to start with another secret: one clear line, exit non-zero, every row left as it was', async () => {
      const coordinator = await setUpOrganisation(server.app);
      const second = await addMember(coordinator, 'coordinator', 'Catriona');
      await subscribe(coordinator, 'ailsa');
      const plain = await subscribe(second, 'catriona');
      const vault = await SealKeyVault.fromSecret(SECRET, 'SEAL_KEY_SECRET');
      await makePlain(server, (await readRowOf(server, plain.json.endpoint, vault)).deviceId, plain);
      // A sealing key still kept plain: the wrong secret must not wrap it either.
      const { pair } = await storePlainSealKey(server.store.db);
      const before = await readRows(server);
      expect(before.filter((row) => isWrappedSealKey(row.endpoint))).toHaveLength(1);
      // No VAPID key yet, so it is the subscription that does not open.
      expect(await server.store.db.selectFrom('push_keys').select('id').execute()).toEqual([]);

      const wrong = await SealKeyVault.fromSecret(OTHER_SECRET, 'SEAL_KEY_SECRET');
      const refused = prepareKeysAtRest(server.store.db, wrong);
      await expect(refused).rejects.toBeInstanceOf(StartupError);
      await expect(refused).rejects.toThrow(
        /^a device's push subscription \(alerts\) does not open with SEAL_KEY_SECRET: it is not/,
      );

      const run = await startServerOnce(realServerEnv(server, { SEAL_KEY_SECRET: OTHER_SECRET }));
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Coorie cannot start: a device's push subscription \(alerts\) does not open with SEAL_KEY_SECRET: .* no alert can reach those devices\.$/,
      );
      expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
      expect(run.stderr).not.toContain(OTHER_SECRET);

      expect(await readRows(server)).toEqual(before);
      const sealKey = await server.store.db.selectFrom('seal_keys').select('private_key').executeTakeFirstOrThrow();
      expect(sealKey.private_key).toBe(pair.privateKey);
    });
  });
});
