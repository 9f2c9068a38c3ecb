// @vitest-environment node
// The server's Web Push VAPID private key at rest (src/server/store/push.ts, store/keysAtRest.ts): wrapped in the
// database with the same secret as the sealing keys, a key kept plain before wrapped at start (once, however many
// processes start together), alerts still signed with it, and a wrong secret stopping the server with one clear
// line and every row left as it was.
import { createECDH } from 'node:crypto';
import webPush from 'web-push';
import { describe, expect, it } from 'vitest';
import { StartupError } from '../../src/server/preflight.ts';
import { openStore } from '../../src/server/store/index.ts';
import { prepareKeysAtRest } from '../../src/server/store/keysAtRest.ts';
import { isWrappedSealKey, loadSealKeyVault, SealKeyVault } from '../../src/server/store/sealKeyVault.ts';
import { type Client, setUpOrganisation } from './client.ts';
import { databases, realServerEnv, useServer, type TestServer } from './helpers.ts';
import { storePlainSealKey } from './plainSealKey.ts';
import { startServerOnce } from './processes.ts';
import { readVapid, usePushService } from './pushService.ts';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';
const OTHER_SECRET = 'another-secret-that-is-also-long-enough-to-pass';

const readRow = (server: TestServer) =>
  server.store.db
    .selectFrom('push_keys')
    .select(['id', 'public_key as publicKey', 'private_key as privateKey'])
    .executeTakeFirstOrThrow();

/** As migration 0006 kept it, before wrapping: web-push's own pair, both halves base64url. */
async function insertPlainVapid(server: TestServer) {
  const pair = webPush.generateVAPIDKeys();
  await server.store.db
    .insertInto('push_keys')
    .values({
      id: 'vapid',
      public_key: pair.publicKey,
      private_key: pair.privateKey,
      created_at: new Date().toISOString(),
    })
    .execute();
  return pair;
}

/** The public key (uncompressed P-256 point, base64url) that a raw VAPID private key belongs to. */
function publicKeyOf(privateKey: string): string {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
  return ecdh.getPublicKey().toString('base64url');
}

describe.each(databases())('the VAPID key at rest on $name', { timeout: 90_000 }, (database) => {
  describe('with the key file made on first start', () => {
    const server = useServer(database, { PUSH_CONTACT: 'mailto:alerts@example.org' });
    const { service, subscribe } = usePushService();

    /** Subscribes the client's device and sends it a test alert; answers the VAPID header it was signed with. */
    async function testAlert(client: Client, name: string) {
      const subscription = await subscribe(client, name);
      const before = service().deliveries.length;
      const answer = await client.post('/api/push/test');
      expect(answer.body).toMatchObject({ delivered: true });
      const deliveries = await service().waitFor(before + 1);
      const delivery = deliveries.at(-1);
      if (!delivery) throw new Error('nothing delivered');
      expect(JSON.parse(subscription.decrypt(delivery.body))).toMatchObject({ tag: 'test' });
      return readVapid(delivery);
    }

    it('stores the private key wrapped, never plain, bound to its public key, and signs alerts with it', async () => {
      const coordinator = await setUpOrganisation(server.app);
      const publicKey = (await coordinator.get('/api/push/key')).body.publicKey as string;
      const row = await readRow(server);
      expect(row.publicKey).toBe(publicKey);
      expect(isWrappedSealKey(row.privateKey)).toBe(true);

      const vault = await loadSealKeyVault(server.config);
      const plain = await vault.unwrap({ vapidRow: 'vapid', publicKey }, row.privateKey);
      expect(plain).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(row.privateKey).not.toContain(plain);
      expect(publicKeyOf(plain)).toBe(publicKey);
      // Bound to its place: beside another public key, or read as a sealing key, it does not open.
      const other = webPush.generateVAPIDKeys().publicKey;
      await expect(vault.unwrap({ vapidRow: 'vapid', publicKey: other }, row.privateKey)).rejects.toThrow(
        /the VAPID key \(alerts\) does not open/,
      );
      await expect(vault.unwrap({ organisationId: 'vapid', keyId: publicKey }, row.privateKey)).rejects.toThrow(
        /does not open/,
      );

      const vapid = await testAlert(coordinator, 'office');
      expect(vapid.signed).toBe(true);
      expect(vapid.key).toBe(publicKey);
    });

    it('wraps a key kept plain before when the server starts, and alerts are still signed with it', async () => {
      const pair = await insertPlainVapid(server);
      const coordinator = await setUpOrganisation(server.app);

      // The real server, started on this database and DATA_DIR (so the same key file).
      const run = await startServerOnce(realServerEnv(server));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Coorie wrapped the VAPID key with the seal key file /);
      expect(run.stdout).not.toContain(pair.privateKey);

      const row = await readRow(server);
      expect(row.publicKey).toBe(pair.publicKey);
      expect(isWrappedSealKey(row.privateKey)).toBe(true);
      expect(row.privateKey).not.toContain(pair.privateKey);
      const vault = await loadSealKeyVault(server.config);
      expect(await vault.unwrap({ vapidRow: 'vapid', publicKey: pair.publicKey }, row.privateKey)).toBe(
        pair.privateKey,
      );
      // Once wrapped, a second start has nothing to wrap, and leaves the row as it is.
      expect(await prepareKeysAtRest(server.store.db, vault)).toEqual({
        sealKeys: 0,
        vapidKey: false,
        pushSubscriptions: 0,
      });
      expect((await readRow(server)).privateKey).toBe(row.privateKey);

      // Devices subscribed with the old public key keep getting alerts, signed by the unwrapped key.
      expect((await coordinator.get('/api/push/key')).body.publicKey).toBe(pair.publicKey);
      const vapid = await testAlert(coordinator, 'office');
      expect(vapid.signed).toBe(true);
      expect(vapid.key).toBe(pair.publicKey);
    });

    it('wraps it once when two processes start together', async () => {
      const pair = await insertPlainVapid(server);
      const vault = await loadSealKeyVault(server.config);
      const other = openStore(server.config);
      try {
        const results = await Promise.all([
          prepareKeysAtRest(server.store.db, vault),
          prepareKeysAtRest(other.db, vault),
        ]);
        expect(results.filter((result) => result.vapidKey)).toHaveLength(1);
      } finally {
        await other.close();
      }
      const row = await readRow(server);
      expect(isWrappedSealKey(row.privateKey)).toBe(true);
      expect(await vault.unwrap({ vapidRow: 'vapid', publicKey: pair.publicKey }, row.privateKey)).toBe(
        pair.privateKey,
      );
    });
  });

  describe('with SEAL_KEY_SECRET', () => {
    const server = useServer(database, { SEAL_KEY_SECRET: SECRET });

    it('refuses to start with another secret: one clear line, exit non-zero, every key left as it was', async () => {
      const publicKey = await server.app.push.publicKey();
      const before = await readRow(server);
      expect(isWrappedSealKey(before.privateKey)).toBe(true);
      expect(
        await (
          await SealKeyVault.fromSecret(SECRET, 'SEAL_KEY_SECRET')
        ).unwrap({ vapidRow: 'vapid', publicKey }, before.privateKey),
      ).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // A sealing key still kept plain: the wrong secret must not wrap it either.
      await setUpOrganisation(server.app);
      const { pair } = await storePlainSealKey(server.store.db);

      const wrong = await SealKeyVault.fromSecret(OTHER_SECRET, 'SEAL_KEY_SECRET');
      const refused = prepareKeysAtRest(server.store.db, wrong);
      await expect(refused).rejects.toBeInstanceOf(StartupError);
      await expect(refused).rejects.toThrow(/^the VAPID key \(alerts\) does not open with SEAL_KEY_SECRET: it is not/);

      const run = await startServerOnce(realServerEnv(server, { SEAL_KEY_SECRET: OTHER_SECRET }));
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Coorie cannot start: the VAPID key \(alerts\) does not open with SEAL_KEY_SECRET: .* no alert can be signed\.$/,
      );
      expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
      expect(run.stderr).not.toContain(OTHER_SECRET);

      expect(await readRow(server)).toEqual(before);
      const sealKey = await server.store.db.selectFrom('seal_keys').select('private_key').executeTakeFirstOrThrow();
      expect(sealKey.private_key).toBe(pair.privateKey);
    });
  });
});
