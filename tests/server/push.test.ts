// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { change, Client, hlc, pushBody, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';

const attendee = (id: string, values: Record<string, unknown> = { displayName: 'Kirsty' }, version = hlc()) =>
  change('attendee', id, values, version);

describe.each(databases())('sync push on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  async function pullAll(client: Client) {
    const answer = await client.get('/api/sync/pull');
    expect(answer.status).toBe(200);
    return answer.body.changes as { kind: string; id: string; values: Record<string, unknown> }[];
  }

  it('applies new records and answers one result per change, with the server time', async () => {
    const client = await setUpOrganisation(server.app);
    const before = Date.now();
    const answer = await client.post('/api/sync/push', pushBody([attendee('a1'), attendee('a2')]));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      protocol: 1,
      serverTime: expect.any(Number),
      // The database's epoch (DESIGN §4): the same on every answer until a restore.
      epoch: expect.stringMatching(/^[0-9a-f-]{36}$/),
      results: [{ status: 'applied' }, { status: 'applied' }],
    });
    expect(answer.body.serverTime).toBeGreaterThanOrEqual(before);
    expect((await pullAll(client)).map((record) => record.id)).toEqual(['a1', 'a2']);
  });

  it('rejects each bad change with its code and applies the rest of the batch', async () => {
    const client = await setUpOrganisation(server.app);
    const v = hlc();
    const changes = [
      attendee('ok-1'),
      change('cake', 'c1', { flavour: 'lemon' }),
      attendee('bad id!'),
      { kind: 'attendee', id: 'a3', values: { displayName: 'Eilidh' }, versions: { displayName: 'yesterday' } },
      { kind: 'attendee', id: 'a4', values: { displayName: 'Eilidh', cake: 'Victoria' }, versions: { displayName: v } },
      attendee('a5', { displayName: 'Eilidh', surname: 'Grant' }),
      attendee('a6', { displayName: 42 }),
      attendee('a7', { displayName: 'Eilidh', cake: 'x'.repeat(201) }),
      attendee('a8', { cake: 'carrot' }),
      attendee('a9', { displayName: 'Eilidh' }, hlc(Date.now() + 10 * 60 * 1000)),
      { kind: 'attendee', id: 'a10', values: 'not an object', versions: {} },
      attendee('ok-2'),
    ];
    const answer = await client.post('/api/sync/push', pushBody(changes));
    expect(answer.status).toBe(200);
    const results = answer.body.results as { status: string; code?: string; message?: string }[];
    expect(results.map((result) => result.code ?? result.status)).toEqual([
      'applied',
      'unknown_kind',
      'invalid_id',
      'invalid_version',
      'invalid_version',
      'unknown_field',
      'invalid_value',
      'invalid_value',
      'required_missing',
      'clock_ahead',
      'invalid_value',
      'applied',
    ]);
    for (const result of results.filter((r) => r.status === 'rejected')) expect(result.message).toBeTruthy();
    expect((await pullAll(client)).map((record) => record.id)).toEqual(['ok-1', 'ok-2']);
  });

  it('accepts a change to some fields of a record it has seen, and merges per field', async () => {
    const client = await setUpOrganisation(server.app);
    const t = Date.now() - 60_000;
    await client.post('/api/sync/push', pushBody([attendee('a1', { displayName: 'Kirsty', cake: 'lemon' }, hlc(t))]));
    const later = await client.post('/api/sync/push', pushBody([attendee('a1', { cake: 'carrot' }, hlc(t + 1000))]));
    expect(later.body.results).toEqual([{ status: 'applied' }]);
    const older = await client.post('/api/sync/push', pushBody([attendee('a1', { displayName: 'K' }, hlc(t - 1000))]));
    expect(older.body.results).toEqual([{ status: 'unchanged' }]);
    const [record] = await pullAll(client);
    expect(record?.values).toEqual({ displayName: 'Kirsty', cake: 'carrot' });
  });

  it('answers unchanged for a change it already has', async () => {
    const client = await setUpOrganisation(server.app);
    const same = attendee('a1');
    await client.post('/api/sync/push', pushBody([same]));
    const again = await client.post('/api/sync/push', pushBody([same]));
    expect(again.body.results).toEqual([{ status: 'unchanged' }]);
  });

  it('keeps a deletion as a field like any other', async () => {
    const client = await setUpOrganisation(server.app);
    const t = Date.now() - 1000;
    await client.post('/api/sync/push', pushBody([attendee('a1', { displayName: 'Kirsty' }, hlc(t))]));
    await client.post('/api/sync/push', pushBody([change('attendee', 'a1', { deleted: true }, hlc(t + 1))]));
    const [record] = await pullAll(client);
    expect(record?.values).toEqual({ displayName: 'Kirsty', deleted: true });
  });

  it('answers a replayed batch exactly as before, without applying it again', async () => {
    const client = await setUpOrganisation(server.app);
    const batch = pushBody([attendee('a1'), change('cake', 'c1', {})], 'replay-me');
    const first = await client.post('/api/sync/push', batch);
    const second = await client.post('/api/sync/push', batch);
    expect(second.status).toBe(200);
    expect(second.body.results).toEqual(first.body.results);
    expect(first.body.results[0]).toEqual({ status: 'applied' });
    const pulled = await client.get('/api/sync/pull');
    expect(pulled.body.changes).toHaveLength(1);
  });

  it('refuses a batch id reused for other changes with 409 batch_conflict, applying none of them', async () => {
    const client = await setUpOrganisation(server.app);
    const sent = attendee('a1');
    const first = await client.post('/api/sync/push', pushBody([sent], 'one-batch'));
    expect(first.body.results).toEqual([{ status: 'applied' }]);
    const reused = await client.post(
      '/api/sync/push',
      pushBody([attendee('a1', { displayName: 'Kirsty Ross' }), attendee('a2')], 'one-batch'),
    );
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('batch_conflict');
    const records = await pullAll(client);
    expect(records.map((record) => [record.id, record.values.displayName])).toEqual([['a1', 'Kirsty']]);
    // The same changes again, with their keys in another order, are still the same batch.
    const reordered = { versions: sent.versions, values: sent.values, id: 'a1', kind: 'attendee' };
    const resent = await client.post('/api/sync/push', pushBody([reordered], 'one-batch'));
    expect(resent.status).toBe(200);
    expect(resent.body.results).toEqual([{ status: 'applied' }]);
  });

  it('answers an empty batch without writing anything, and still refuses an id used for changes', async () => {
    const client = await setUpOrganisation(server.app);
    const { db } = server.store;
    const counter = async () => {
      const row = await db.selectFrom('organisations').select('change_seq').executeTakeFirstOrThrow();
      return Number(row.change_seq);
    };
    const kept = async () => (await db.selectFrom('applied_batches').select('batch_id').execute()).length;
    const before = await counter();
    const empty = await client.post('/api/sync/push', pushBody([], 'nothing-new'));
    expect(empty.status).toBe(200);
    expect(empty.body.results).toEqual([]);
    expect(await counter()).toBe(before);
    expect(await kept()).toBe(0);

    await client.post('/api/sync/push', pushBody([attendee('a1')], 'one-batch'));
    expect(await counter()).toBe(before + 1);
    expect(await kept()).toBe(1);
    const reused = await client.post('/api/sync/push', pushBody([], 'one-batch'));
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('batch_conflict');
  });

  it('answers 426 protocol_mismatch for another protocol, before judging the rest', async () => {
    const client = await setUpOrganisation(server.app);
    const answer = await client.post('/api/sync/push', { protocol: 2, somethingNew: true });
    expect(answer.status).toBe(426);
    expect(answer.body.error.code).toBe('protocol_mismatch');
    expect((await client.get('/api/sync/pull?protocol=2')).status).toBe(426);
  });

  it('answers 400 for a malformed envelope', async () => {
    const client = await setUpOrganisation(server.app);
    for (const body of [
      { protocol: 1, deviceId: 'testnode1', batchId: 'b1' },
      { protocol: 1, deviceId: 'testnode1', batchId: 'not a valid id!', changes: [] },
      { protocol: 1, deviceId: '', batchId: 'b1', changes: [] },
      { deviceId: 'testnode1', batchId: 'b1', changes: [] },
      { protocol: 1, deviceId: 'testnode1', batchId: 'b1', changes: {} },
    ]) {
      const answer = await client.post('/api/sync/push', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
    }
  });

  it('answers 413 for more than 500 changes or more than 1 MiB', async () => {
    const client = await setUpOrganisation(server.app);
    const many = Array.from({ length: 501 }, (_, i) => attendee(`a${i}`));
    const tooMany = await client.post('/api/sync/push', pushBody(many));
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.code).toBe('too_large');
    const big = Array.from({ length: 120 }, (_, i) =>
      attendee(`b${i}`, { displayName: 'K', heardVia: 'x'.repeat(10_000) }),
    );
    const tooBig = await client.post('/api/sync/push', pushBody(big));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('too_large');
    const fits = Array.from({ length: 500 }, (_, i) => attendee(`c${i}`, { displayName: 'K', cake: 'x'.repeat(150) }));
    expect((await client.post('/api/sync/push', pushBody(fits))).status).toBe(200);
  });

  it('answers 401 when not signed in', async () => {
    const answer = await new Client(server.app).post('/api/sync/push', pushBody([attendee('a1')]));
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('unauthenticated');
    expect((await new Client(server.app).get('/api/sync/pull')).status).toBe(401);
  });

  it('keeps every field when devices push to the same records at once, new or stored', async () => {
    const client = await setUpOrganisation(server.app);
    const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    // a1–a3 are stored before; a4–a6 are new to the server and created by several pushes at once.
    const created = await client.post(
      '/api/sync/push',
      pushBody(ids.slice(0, 3).map((id) => change('attendee', id, { displayName: 'Kirsty' }))),
    );
    expect(created.status).toBe(200);
    const fields = { displayName: 'Kirsty M', locality: 'Elgin', heardVia: 'A friend', cake: 'Tiffin' };
    const stored = new Set(ids.slice(0, 3));
    // A device sends one field of a record the server holds; a record new to the server comes with its name, as
    // the device that made it sends it (whichever push the server takes first then makes it, on either database).
    const valuesOf = (id: string, field: string, value: string) =>
      stored.has(id) ? { [field]: value } : { displayName: fields.displayName, [field]: value };
    // One time for every device, and the device that sends only the name stamps it newest: whichever order the
    // server takes the pushes in, each of them changes something (a name stamped older than the one the server
    // holds, with nothing else new, would rightly be unchanged).
    const at = Date.now() + 1000;
    const newestFirst = (device: number) => Object.keys(fields).length - device;
    const answers = await Promise.all(
      Object.entries(fields).map(([field, value], device) =>
        client.post(
          '/api/sync/push',
          pushBody(
            ids.map((id) =>
              change('attendee', id, valuesOf(id, field, value), hlc(at, newestFirst(device), `device${device}x`)),
            ),
            `at-once-${device}`,
            `device${device}x`,
          ),
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.results).toEqual(ids.map(() => ({ status: 'applied' })));
    }
    const pulled = (await client.get('/api/sync/pull')).body.changes as { id: string; values: object }[];
    expect(pulled.map((record) => record.id).sort()).toEqual(ids);
    for (const record of pulled) expect(record.values).toMatchObject(fields);
  });
});
