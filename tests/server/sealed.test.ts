// @vitest-environment node
// Sealed outbox values (src/crypto/seal.ts) on the server: the organisation's sealing key, and sealed values
// opened on push before anything else is checked. The tests seal as a device would, with the public key the
// server hands out.
import { describe, expect, it, vi } from 'vitest';
import { importPublicKey, Sealer, type Sealed } from '../../src/crypto/seal.ts';
import { openStore } from '../../src/server/store/index.ts';
import { loadSealKeyVault, useSealKeyVault } from '../../src/server/store/sealKeyVault.ts';
import { ensureSealKey, rotateSealKey } from '../../src/server/store/sealKeys.ts';
import { makeSealKeyPair, MAX_SENDER_KEYS } from '../../src/server/sync/sealed.ts';
import { toBatches } from '../../src/sync/coalesce.ts';
import { MAX_PUSH_BYTES } from '../../src/sync/protocol.ts';
import { addMember, change, Client, hlc, pushBody, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';

type Values = Record<string, unknown>;

/** Fetches the organisation's key as a device would, and seals the named fields of a change with it. */
async function sealerOf(client: Client): Promise<Sealer> {
  const answer = await client.get('/api/sync/seal-key');
  expect(answer.status).toBe(200);
  return Sealer.create(await importPublicKey(answer.body.publicKey), answer.body.keyId);
}

async function sealed(sealer: Sealer, kind: string, id: string, values: Values, fields: string[], version = hlc()) {
  const out: Values = { ...values };
  for (const field of fields) out[field] = await sealer.seal(`${kind}/${id}/${field}`, values[field]);
  return change(kind, id, out, version);
}

async function pullAll(client: Client) {
  const answer = await client.get('/api/sync/pull');
  expect(answer.status).toBe(200);
  return answer.body.changes as { kind: string; id: string; values: Values }[];
}

const codes = (answer: { body: { results: { status: string; code?: string }[] } }) =>
  answer.body.results.map((result) => result.code ?? result.status);

const attendee = change('attendee', 'a1', { displayName: 'Kirsty' }, hlc(Date.now() - 60_000));
const note = (body: string, extra: Values = {}) => ({ attendeeId: 'a1', body, ...extra });

describe.each(databases())('sealed changes on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  describe('GET /api/sync/seal-key', () => {
    it('answers 401 to someone signed out', async () => {
      const answer = await new Client(server.app).get('/api/sync/seal-key');
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthenticated');
    });

    it('gives the same key on every call, and each organisation its own', async () => {
      const moray = await setUpOrganisation(server.app, 'Moray Peers');
      const first = await moray.get('/api/sync/seal-key');
      const again = await moray.get('/api/sync/seal-key');
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ keyId: expect.stringMatching(/^org:[^:]+:1$/), publicKey: expect.any(String) });
      expect(again.body).toEqual(first.body);
      await expect(importPublicKey(first.body.publicKey)).resolves.toBeTruthy();

      const fife = await setUpOrganisation(server.app, 'Fife Peers');
      const theirs = await fife.get('/api/sync/seal-key');
      expect(theirs.body.keyId).not.toBe(first.body.keyId);
      expect(theirs.body.publicKey).not.toBe(first.body.publicKey);
    });

    it('gives every member of the team the same key, whatever their role', async () => {
      const coordinator = await setUpOrganisation(server.app);
      const key = (await coordinator.get('/api/sync/seal-key')).body;
      for (const role of ['facilitator', 'visitor'] as const) {
        const member = await addMember(coordinator, role);
        expect((await member.get('/api/sync/seal-key')).body).toEqual(key);
      }
    });

    it('makes one key when many devices ask at once', async () => {
      const client = await setUpOrganisation(server.app);
      const answers = await Promise.all(Array.from({ length: 6 }, () => client.get('/api/sync/seal-key')));
      expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
      expect(await server.store.db.selectFrom('seal_keys').select('key_id').execute()).toHaveLength(1);
    });

    it('makes one key when two server processes each make one at the same moment', async () => {
      const client = await setUpOrganisation(server.app);
      const { id: organisationId } = await server.store.db
        .selectFrom('organisations')
        .select('id')
        .executeTakeFirstOrThrow();
      const other = openStore(server.config);
      useSealKeyVault(other.db, await loadSealKeyVault(server.config));
      try {
        // Neither process inserts until both have found no key and made a pair of their own.
        let made = 0;
        let bothMade = () => {};
        const barrier = new Promise<void>((resolve) => (bothMade = resolve));
        const make = async () => {
          const pair = await makeSealKeyPair();
          if (++made === 2) bothMade();
          await barrier;
          return pair;
        };
        const [one, two] = await Promise.all([
          ensureSealKey(server.store.db, organisationId, make),
          ensureSealKey(other.db, organisationId, make),
        ]);
        expect(made).toBe(2);
        expect(two).toEqual(one);
        expect(await server.store.db.selectFrom('seal_keys').select('key_id').execute()).toHaveLength(1);
        expect((await client.get('/api/sync/seal-key')).body).toEqual({ keyId: one.keyId, publicKey: one.publicKey });
      } finally {
        await other.close();
      }
    });
  });

  describe('pushing sealed values', () => {
    it('opens a sealed note, applies it, and a pull returns it plain', async () => {
      const client = await setUpOrganisation(server.app);
      const sealer = await sealerOf(client);
      const contact = { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false };
      const values = note('Tired but laughing today.', {
        focusAreas: ['mood', 'confidence'],
        concern: 'keep an eye',
        ons4: { satisfied: 6, worthwhile: 7, happy: 5, anxious: 4 },
      });
      const changes = [
        attendee,
        await sealed(sealer, 'note', 'n1', values, ['body', 'focusAreas', 'concern', 'ons4']),
        await sealed(sealer, 'attendee', 'a2', { displayName: 'Eilidh', contact }, ['contact']),
      ];
      const answer = await client.post('/api/sync/push', pushBody(changes));
      expect(answer.status).toBe(200);
      expect(codes(answer)).toEqual(['applied', 'applied', 'applied']);
      const pulled = await pullAll(client);
      expect(pulled.find((record) => record.id === 'n1')?.values).toMatchObject(values);
      expect(pulled.find((record) => record.id === 'a2')?.values).toMatchObject({ contact });
      expect(JSON.stringify(pulled)).not.toContain('$sealed');
      // The history keeps what the record held, as for any push.
      const rows = await server.store.db.selectFrom('record_changes').select('values_json').execute();
      expect(JSON.stringify(rows)).not.toContain('$sealed');
    });

    it('refuses a value sealed for another organisation as forbidden, and applies the rest of the batch', async () => {
      const moray = await setUpOrganisation(server.app, 'Moray Peers');
      const fife = await setUpOrganisation(server.app, 'Fife Peers');
      const fifeSealer = await sealerOf(fife);
      const morayKey = (await moray.get('/api/sync/seal-key')).body.keyId as string;
      const unknownKey = morayKey.replace(/:1$/, ':7');
      const unknownSealer = Sealer.create(
        await importPublicKey((await fife.get('/api/sync/seal-key')).body.publicKey),
        unknownKey,
      );
      const answer = await moray.post(
        '/api/sync/push',
        pushBody([
          attendee,
          await sealed(fifeSealer, 'note', 'n1', note('For Fife only.'), ['body']),
          await sealed(await unknownSealer, 'note', 'n2', note('A key Moray never had.'), ['body']),
          change('note', 'n3', note('Plain as ever.')),
        ]),
      );
      expect(answer.status).toBe(200);
      expect(codes(answer)).toEqual(['applied', 'forbidden', 'forbidden', 'applied']);
      expect(answer.body.results[1].message).toMatch(/sealed for another organisation/);
      expect((await pullAll(moray)).map((record) => record.id)).toEqual(['a1', 'n3']);
      expect(await pullAll(fife)).toEqual([]);
    });

    it('rejects a tampered or moved sealed value as invalid_value, and a garbage one never answers 500', async () => {
      const client = await setUpOrganisation(server.app);
      const sealer = await sealerOf(client);
      const good = (await sealed(sealer, 'note', 'n1', note('Original words.'), ['body'])).values.body as Sealed;
      const flipped = good.c.startsWith('A') ? `B${good.c.slice(1)}` : `A${good.c.slice(1)}`;
      const garbage: unknown[] = [
        { $sealed: 1 },
        { $sealed: 2, k: good.k, e: good.e, iv: good.iv, c: good.c },
        { $sealed: 'yes' },
        { ...good, k: 'org:\u0000:1' },
        { ...good, k: 'x'.repeat(5000) },
        { ...good, e: 'A'.repeat(87) },
        { ...good, e: good.e.slice(1) },
        { ...good, iv: 'A' },
        { ...good, iv: '!!!!!!!!!!!!!!!!' },
        { ...good, c: '' },
        { ...good, extra: true },
      ];
      const answer = await client.post(
        '/api/sync/push',
        pushBody([
          attendee,
          change('note', 'n1', note(good as never)),
          change('note', 'n2', note({ ...good, c: flipped } as never)),
          // Sealed for n1's body: moved to another record, or to another field, it does not open.
          change('note', 'n3', note(good as never)),
          change('note', 'n4', { attendeeId: 'a1', body: 'Plain.', positives: good }),
          ...garbage.map((value, index) => change('note', `g${index}`, note(value as never))),
          change('note', 'n5', note('Still applied.')),
        ]),
      );
      expect(answer.status).toBe(200);
      expect(codes(answer)).toEqual([
        'applied',
        'applied',
        'invalid_value',
        'invalid_value',
        'invalid_value',
        ...garbage.map(() => 'invalid_value'),
        'applied',
      ]);
      for (const result of answer.body.results.filter((r: { status: string }) => r.status === 'rejected')) {
        expect(result.message).toMatch(/^(body|positives): .*seal/);
      }
      const pulled = await pullAll(client);
      expect(pulled.map((record) => record.id)).toEqual(['a1', 'n1', 'n5']);
      expect(pulled[1]?.values.body).toBe('Original words.');
    });

    it('checks the opened value by every rule a plain one meets', async () => {
      const client = await setUpOrganisation(server.app);
      const sealer = await sealerOf(client);
      const answer = await client.post(
        '/api/sync/push',
        pushBody([
          attendee,
          await sealed(sealer, 'attendee', 'a2', { displayName: 'Eilidh\u0000' }, ['displayName']),
          await sealed(sealer, 'note', 'n1', note('x'.repeat(20_001)), ['body']),
          await sealed(sealer, 'note', 'n2', note('Fine.', { concern: 'very' }), ['concern']),
          await sealed(sealer, 'note', 'n3', { attendeeId: 'a1' }, ['attendeeId']),
        ]),
      );
      expect(answer.status).toBe(200);
      expect(codes(answer)).toEqual(['applied', 'invalid_value', 'invalid_value', 'invalid_value', 'required_missing']);
      expect(answer.body.results[1].message).toMatch(/control character/);
    });

    it('raises the urgent-concern alert for a concern that travelled sealed', async () => {
      const client = await setUpOrganisation(server.app);
      const sealer = await sealerOf(client);
      const urgent = await sealed(sealer, 'note', 'n1', note('Said she feels unsafe.', { concern: 'urgent' }), [
        'body',
        'concern',
      ]);
      const answer = await client.post('/api/sync/push', pushBody([attendee, urgent]));
      expect(codes(answer)).toEqual(['applied', 'applied']);
      const alerts = await server.store.db.selectFrom('push_alerts').select(['kind', 'record_id']).execute();
      expect(alerts).toEqual([{ kind: expect.any(String), record_id: 'n1' }]);
    });

    it('answers a resent batch of sealed values as before, without applying it again', async () => {
      const client = await setUpOrganisation(server.app);
      const sealer = await sealerOf(client);
      const batch = pushBody(
        [attendee, await sealed(sealer, 'note', 'n1', note('Once only.'), ['body'])],
        'sealed-replay',
      );
      const first = await client.post('/api/sync/push', batch);
      const second = await client.post('/api/sync/push', batch);
      expect(codes(first)).toEqual(['applied', 'applied']);
      expect(second.status).toBe(200);
      expect(second.body.results).toEqual(first.body.results);
      const history = await server.store.db.selectFrom('record_changes').select('id').execute();
      expect(history.filter((row) => row.id === 'n1')).toHaveLength(1);
    });

    it('opens a push of 500 values from one device with one key derivation', async () => {
      const client = await setUpOrganisation(server.app);
      const sealer = await sealerOf(client);
      await client.post('/api/sync/push', pushBody([attendee]));
      const changes = [];
      for (let index = 0; index < 500; index++) {
        changes.push(await sealed(sealer, 'note', `n${index}`, note(`Note ${index}.`), ['body']));
      }
      const derive = vi.spyOn(crypto.subtle, 'deriveBits');
      try {
        const answer = await client.post('/api/sync/push', pushBody(changes));
        expect(new Set(codes(answer))).toEqual(new Set(['applied']));
        expect(derive).toHaveBeenCalledTimes(1);
      } finally {
        derive.mockRestore();
      }
    });

    it('refuses values sealed with more sender keys than one push may use, and opens the rest', async () => {
      const client = await setUpOrganisation(server.app);
      const key = (await client.get('/api/sync/seal-key')).body;
      const publicKey = await importPublicKey(key.publicKey);
      await client.post('/api/sync/push', pushBody([attendee]));
      // Two values a change, each from a sender of its own: the last change's go past the limit.
      const changes = [];
      for (let index = 0; index < MAX_SENDER_KEYS / 2 + 1; index++) {
        const values: Values = note(`Note ${index}.`, { positives: 'Came along.' });
        for (const field of ['body', 'positives']) {
          const sealer = await Sealer.create(publicKey, key.keyId);
          values[field] = await sealer.seal(`note/n${index}/${field}`, values[field]);
        }
        changes.push(change('note', `n${index}`, values));
      }
      const answer = await client.post('/api/sync/push', pushBody(changes));
      expect(answer.status).toBe(200);
      expect(codes(answer)).toEqual([...changes.slice(1).map(() => 'applied'), 'invalid_value']);
      expect(answer.body.results.at(-1).message).toMatch(/more sender keys than one push may use/);
    });

    it('still opens values sealed for an older key after a new one is made', async () => {
      const client = await setUpOrganisation(server.app);
      const oldSealer = await sealerOf(client);
      const { id: organisationId } = await server.store.db
        .selectFrom('organisations')
        .select('id')
        .executeTakeFirstOrThrow();
      const rotated = await rotateSealKey(server.store.db, organisationId, makeSealKeyPair);
      const current = (await client.get('/api/sync/seal-key')).body;
      expect(current).toEqual({ keyId: expect.stringMatching(/:2$/), publicKey: rotated.publicKey });
      const newSealer = await sealerOf(client);
      const answer = await client.post(
        '/api/sync/push',
        pushBody([
          attendee,
          await sealed(oldSealer, 'note', 'n1', note('Sealed before the rotation.'), ['body']),
          await sealed(newSealer, 'note', 'n2', note('Sealed after it.'), ['body']),
        ]),
      );
      expect(codes(answer)).toEqual(['applied', 'applied', 'applied']);
    });

    it('takes maximum-length note bodies sealed, in batches the device makes by its byte limit', async () => {
      const client = await setUpOrganisation(server.app);
      const sealer = await sealerOf(client);
      // Three UTF-8 bytes a character: the widest a 20,000-character body is in the usual text.
      const body = '€'.repeat(20_000);
      const notes = [];
      for (let index = 0; index < 24; index++) {
        notes.push({ change: await sealed(sealer, 'note', `n${index}`, note(body), ['body']) });
      }
      const one = JSON.stringify(notes[0]!.change).length;
      expect(one).toBeGreaterThan(80_000);
      expect(one).toBeLessThan(MAX_PUSH_BYTES / 10);
      const batches = toBatches(notes);
      expect(batches.length).toBeGreaterThan(1);
      expect(codes(await client.post('/api/sync/push', pushBody([attendee])))).toEqual(['applied']);
      for (const batch of batches) {
        const answer = await client.post('/api/sync/push', pushBody(batch.map((item) => item.change)));
        expect(answer.status).toBe(200);
        expect(new Set(codes(answer))).toEqual(new Set(['applied']));
      }
      const pulled = await pullAll(client);
      expect(pulled.filter((record) => record.values.body === body)).toHaveLength(24);
    });
  });
});
