// @vitest-environment node
// The organisations' private sealing keys at rest (src/server/store/sealKeyVault.ts): wrapped in the database
// with the server's secret (SEAL_KEY_SECRET, or the key file made in DATA_DIR), keys kept plain before wrapped at
// start, sealed pushes still opened after a restart, and a wrong secret stopping the server with one clear line.
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPublicKey, Sealer } from '../../src/crypto/seal.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { StartupError } from '../../src/server/preflight.ts';
import { openStore } from '../../src/server/store/index.ts';
import {
  isWrappedSealKey,
  loadSealKeyVault,
  prepareSealKeys,
  SEAL_KEY_FILE,
  SealKeyVault,
} from '../../src/server/store/sealKeyVault.ts';
import { change, Client, hlc, pushBody, setUpOrganisation } from './client.ts';
import { databases, realServerEnv, TEST_PASSWORD_COST, useServer } from './helpers.ts';
import { storePlainSealKey } from './plainSealKey.ts';
import { startServerOnce } from './processes.ts';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';
const OTHER_SECRET = 'another-secret-that-is-also-long-enough-to-pass';

const attendee = change('attendee', 'a1', { displayName: 'Kirsty' }, hlc(Date.now() - 60_000));

async function sealedNote(client: Client, id: string, body: string) {
  const answer = await client.get('/api/sync/seal-key');
  const sealer = await Sealer.create(await importPublicKey(answer.body.publicKey), answer.body.keyId);
  return change('note', id, { attendeeId: 'a1', body: await sealer.seal(`note/${id}/body`, body) });
}

const codes = (answer: { body: { results: { status: string; code?: string }[] } }) =>
  answer.body.results.map((result) => result.code ?? result.status);

describe.each(databases())('sealing keys at rest on $name', { timeout: 90_000 }, (database) => {
  describe('with the key file made on first start', () => {
    const server = useServer(database, { OPEN_REGISTRATION: 'true' });

    it('stores the private key wrapped, never plain, with the key file made 0600 in DATA_DIR', async () => {
      const client = await setUpOrganisation(server.app);
      expect((await client.get('/api/sync/seal-key')).status).toBe(200);
      const row = await server.store.db
        .selectFrom('seal_keys')
        .select(['key_id', 'organisation_id', 'private_key'])
        .executeTakeFirstOrThrow();
      expect(isWrappedSealKey(row.private_key)).toBe(true);
      const file = path.join(server.dir, SEAL_KEY_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const vault = await loadSealKeyVault(server.config);
      const place = { organisationId: row.organisation_id, keyId: row.key_id };
      const plain = await vault.unwrap(place, row.private_key);
      // The wrapped form is not the key, and does not hold it.
      expect(row.private_key).not.toContain(plain);
      await expect(
        crypto.subtle.importKey('pkcs8', Buffer.from(plain, 'base64url'), { name: 'ECDH', namedCurve: 'P-256' }, true, [
          'deriveBits',
        ]),
      ).resolves.toBeTruthy();
      // Bound to its place: the same wrapped key under another organisation's name does not open.
      await expect(vault.unwrap({ ...place, organisationId: 'other' }, row.private_key)).rejects.toThrow(
        /does not open/,
      );
    });

    it('still opens sealed pushes after a restart, with the key cache of the old process gone', async () => {
      const client = await setUpOrganisation(server.app);
      const first = await client.post('/api/sync/push', pushBody([attendee, await sealedNote(client, 'n1', 'Before')]));
      expect(codes(first)).toEqual(['applied', 'applied']);
      const cookie = client.cookie;

      // The restart: a new process's store and app on the same database and DATA_DIR.
      await server.app.close();
      await server.store.close();
      server.store = openStore(server.config);
      const vault = await loadSealKeyVault(server.config);
      expect(await prepareSealKeys(server.store.db, vault)).toBe(0);
      server.app = await buildApp({
        config: server.config,
        store: server.store,
        passwordCost: TEST_PASSWORD_COST,
        sealKeyVault: vault,
      });
      const again = new Client(server.app);
      again.cookie = cookie;
      const second = await again.post('/api/sync/push', pushBody([await sealedNote(again, 'n2', 'After')]));
      expect(codes(second)).toEqual(['applied']);
      const pulled = (await again.get('/api/sync/pull')).body.changes as { id: string; values: { body?: string } }[];
      expect(pulled.find((record) => record.id === 'n1')?.values.body).toBe('Before');
      expect(pulled.find((record) => record.id === 'n2')?.values.body).toBe('After');
    });

    it('wraps a key kept plain before, at start, and sealed pushes for it still open', async () => {
      const client = await setUpOrganisation(server.app);
      // As migration 0009 kept it, before wrapping.
      const { organisationId, pair } = await storePlainSealKey(server.store.db);
      const before = await client.post('/api/sync/push', pushBody([attendee, await sealedNote(client, 'n1', 'Plain')]));
      expect(codes(before)).toEqual(['applied', 'applied']);

      const vault = await loadSealKeyVault(server.config);
      expect(await prepareSealKeys(server.store.db, vault)).toBe(1);
      const row = await server.store.db.selectFrom('seal_keys').select('private_key').executeTakeFirstOrThrow();
      expect(row.private_key).not.toBe(pair.privateKey);
      expect(row.private_key).not.toContain(pair.privateKey);
      expect(await vault.unwrap({ organisationId, keyId: `org:${organisationId}:1` }, row.private_key)).toBe(
        pair.privateKey,
      );
      // Once wrapped, a second start has nothing to wrap.
      expect(await prepareSealKeys(server.store.db, vault)).toBe(0);

      // A new process (no cached key) opens values sealed for it from the wrapped form.
      await server.app.close();
      server.app = await buildApp({
        config: server.config,
        store: (server.store = await reopen(server.store)),
        passwordCost: TEST_PASSWORD_COST,
      });
      const again = new Client(server.app);
      again.cookie = client.cookie;
      const after = await again.post('/api/sync/push', pushBody([await sealedNote(again, 'n2', 'Wrapped')]));
      expect(codes(after)).toEqual(['applied']);

      async function reopen(store: typeof server.store) {
        await store.close();
        return openStore(server.config);
      }
    });
  });

  describe('with SEAL_KEY_SECRET', () => {
    const server = useServer(database, { OPEN_REGISTRATION: 'true', SEAL_KEY_SECRET: SECRET });

    it('wraps with the secret and makes no key file', async () => {
      const client = await setUpOrganisation(server.app);
      expect((await client.get('/api/sync/seal-key')).status).toBe(200);
      expect(() => statSync(path.join(server.dir, SEAL_KEY_FILE))).toThrow();
      const row = await server.store.db
        .selectFrom('seal_keys')
        .select(['key_id', 'organisation_id', 'private_key'])
        .executeTakeFirstOrThrow();
      const vault = await SealKeyVault.fromSecret(SECRET, 'SEAL_KEY_SECRET');
      expect(isWrappedSealKey(row.private_key)).toBe(true);
      await expect(
        vault.unwrap({ organisationId: row.organisation_id, keyId: row.key_id }, row.private_key),
      ).resolves.toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it('refuses to start with another secret: one clear line, exit non-zero, the key left as it was', async () => {
      const client = await setUpOrganisation(server.app);
      expect((await client.get('/api/sync/seal-key')).status).toBe(200);
      const before = await server.store.db.selectFrom('seal_keys').select('private_key').executeTakeFirstOrThrow();

      const wrong = await SealKeyVault.fromSecret(OTHER_SECRET, 'SEAL_KEY_SECRET');
      const refused = prepareSealKeys(server.store.db, wrong);
      await expect(refused).rejects.toBeInstanceOf(StartupError);
      await expect(refused).rejects.toThrow(/does not open with SEAL_KEY_SECRET: it is not the secret/);

      // The real server, started with the wrong secret on this database.
      const run = await startServerOnce(realServerEnv(server, { SEAL_KEY_SECRET: OTHER_SECRET }));
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^Coorie cannot start: the sealing key org:.* does not open with SEAL_KEY_SECRET/);
      expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
      expect(run.stdout).not.toContain(SECRET);
      expect(run.stderr).not.toContain(OTHER_SECRET);

      const after = await server.store.db.selectFrom('seal_keys').select('private_key').executeTakeFirstOrThrow();
      expect(after.private_key).toBe(before.private_key);
    });
  });

  it('refuses a SEAL_KEY_SECRET shorter than 32 characters, saying so', () => {
    expect(() => loadConfig({ SEAL_KEY_SECRET: 'short' })).toThrow(/SEAL_KEY_SECRET: must be at least 32 characters/);
  });
});
