// @vitest-environment node
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../src/server/sync/cursor.ts';
import { parsePullResponse, pullResponseSchema } from '../../src/sync/protocol.ts';
import type { Client } from './client.ts';
import { addMember, change, hlc, pushBody, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';

const attendee = (id: string, displayName = 'Kirsty', version = hlc()) =>
  change('attendee', id, { displayName }, version);
const note = (id: string, values: Record<string, unknown> = {}) =>
  change('note', id, { attendeeId: 'a1', body: 'Settled in well today.', ...values });

async function push(client: Client, changes: unknown[]) {
  const answer = await client.post('/api/sync/push', pushBody(changes));
  expect(answer.status).toBe(200);
  return answer.body.results as { status: string; code?: string }[];
}

/** Pulls every page; returns the ids in the order received and the pages' sizes. */
async function pullEverything(client: Client, limit = 500) {
  const ids: string[] = [];
  const pages: { size: number; remaining: number; more?: boolean }[] = [];
  let cursor = '';
  for (let page = 0; page < 100; page++) {
    const answer = await client.get(`/api/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(answer.status).toBe(200);
    ids.push(...answer.body.changes.map((record: { id: string }) => record.id));
    pages.push({ size: answer.body.changes.length, remaining: answer.body.remaining });
    cursor = answer.body.cursor;
    if (!answer.body.more) return { ids, pages, cursor };
  }
  throw new Error('pull never finished');
}

describe.each(databases())('sync pull on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it('pages through records in commit order, counting what remains', async () => {
    const client = await setUpOrganisation(server.app);
    await push(
      client,
      ['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => attendee(id)),
    );
    const { ids, pages } = await pullEverything(client, 2);
    expect(ids).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(pages).toEqual([
      { size: 2, remaining: 3 },
      { size: 2, remaining: 1 },
      { size: 1, remaining: 0 },
    ]);
  });

  it('tells, over HTTP, how long the server took over each page (Server-Timing)', async () => {
    const client = await setUpOrganisation(server.app);
    await push(client, [attendee('a1'), attendee('a2')]);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/api/sync/pull?limit=1`, {
      headers: { cookie: client.cookie ?? '' },
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { changes: unknown[] }).changes).toHaveLength(1);
    const timing = /^app;dur=(\d+\.\d)$/.exec(answer.headers.get('server-timing') ?? '');
    expect(timing).not.toBeNull();
    expect(Number(timing?.[1])).toBeGreaterThan(0);
  });

  it('sends each record whole, with every version', async () => {
    const client = await setUpOrganisation(server.app);
    const [v1, v2] = [hlc(Date.now() - 2000), hlc(Date.now() - 1000)];
    await push(client, [attendee('a1', 'Kirsty', v1)]);
    await push(client, [change('attendee', 'a1', { cake: 'lemon drizzle' }, v2)]);
    const answer = await client.get('/api/sync/pull');
    expect(answer.body).toEqual({
      protocol: 1,
      serverTime: expect.any(Number),
      // The database's epoch (DESIGN §4): the same on every answer until a restore.
      epoch: expect.stringMatching(/^[0-9a-f-]{36}$/),
      changes: [
        {
          kind: 'attendee',
          id: 'a1',
          values: { displayName: 'Kirsty', cake: 'lemon drizzle' },
          versions: { displayName: v1, cake: v2 },
        },
      ],
      purge: [],
      cursor: expect.any(String),
      more: false,
      remaining: 0,
    });
  });

  it('sends values exactly as they were pushed, whatever their text, as JSON the device reads', async () => {
    const client = await setUpOrganisation(server.app);
    const person = {
      displayName: "Kirsty “Kes” O'Neil 👶",
      babies: [{ alias: 'Wee one', dateOfBirth: '2026-10-01' }],
      cake: 'a "quoted" \\ backslash, {braces}, </script> and ]}',
      contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
      needs: [],
    };
    const written = { attendeeId: 'a1', body: 'Line one.\r\nLine “two”,\ttabbed, and \u2028 a line separator.' };
    const results = await push(client, [change('attendee', 'a1', person), note('n1', written)]);
    expect(results).toEqual([{ status: 'applied' }, { status: 'applied' }]);
    const answer = await client.get('/api/sync/pull');
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const read = parsePullResponse(answer.body);
    expect(read?.changes.map((pulled) => pulled.values)).toEqual([person, written]);
    // Nothing beside what the contract names.
    expect(z.strictObject(pullResponseSchema.shape).safeParse(answer.body).success).toBe(true);
  });

  it('from a cursor, sends only what changed since, once per change', async () => {
    const client = await setUpOrganisation(server.app);
    await push(client, [attendee('a1'), attendee('a2')]);
    const { cursor } = await pullEverything(client);
    expect((await client.get(`/api/sync/pull?cursor=${cursor}`)).body.changes).toEqual([]);
    await push(client, [attendee('a1', 'Kirsty M', hlc(Date.now() + 1000))]);
    const next = await client.get(`/api/sync/pull?cursor=${cursor}`);
    expect(next.body.changes.map((record: { id: string }) => record.id)).toEqual(['a1']);
  });

  it('answers 400 invalid_cursor for a tampered or malformed cursor, or one past anything handed out', async () => {
    const client = await setUpOrganisation(server.app);
    await push(client, [attendee('a1')]);
    const { cursor } = await pullEverything(client);
    const [payload, sum] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ v: 1, s: 0 })).toString('base64url')}.${sum}`;
    for (const bad of [forged, `${payload}.AAAAAAAAAAAA`, 'garbage', `${payload}`, encodeCursor(99), '%00']) {
      const answer = await client.get(`/api/sync/pull?cursor=${encodeURIComponent(bad)}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.error.code).toBe('invalid_cursor');
    }
  });

  it('answers 400 for a limit outside 1 to 1000', async () => {
    const client = await setUpOrganisation(server.app);
    for (const limit of ['0', '1001', 'ten', '2.5']) {
      expect((await client.get(`/api/sync/pull?limit=${limit}`)).status, limit).toBe(400);
    }
    expect((await client.get('/api/sync/pull?limit=1000')).status).toBe(200);
  });

  it('keeps each organisation’s records to itself, whatever ids are sent', async () => {
    const moray = await setUpOrganisation(server.app, 'Moray Peers');
    const highland = await setUpOrganisation(server.app, 'Highland Peers');
    await push(moray, [attendee('same-id', 'Kirsty')]);
    expect(await push(highland, [attendee('same-id', 'Shona')])).toEqual([{ status: 'applied' }]);
    const morayRecords = (await moray.get('/api/sync/pull')).body.changes;
    const highlandRecords = (await highland.get('/api/sync/pull')).body.changes;
    expect(morayRecords.map((record: { values: { displayName: string } }) => record.values.displayName)).toEqual([
      'Kirsty',
    ]);
    expect(highlandRecords.map((record: { values: { displayName: string } }) => record.values.displayName)).toEqual([
      'Shona',
    ]);
  });

  it('shows a note to its author and coordinators, and to the team only once shared', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const author = await addMember(coordinator, 'visitor', 'Morag');
    const colleague = await addMember(coordinator, 'facilitator', 'Isla');
    await push(author, [attendee('a1'), note('n-private'), note('n-shared', { visibility: 'team' })]);
    expect((await pullEverything(author)).ids).toEqual(['a1', 'n-private', 'n-shared']);
    expect((await pullEverything(coordinator)).ids).toEqual(['a1', 'n-private', 'n-shared']);
    expect((await pullEverything(colleague)).ids).toEqual(['a1', 'n-shared']);

    await push(author, [change('note', 'n-private', { visibility: 'team' }, hlc(Date.now() + 1000))]);
    expect((await pullEverything(colleague)).ids).toEqual(['a1', 'n-shared', 'n-private']);
  });

  it('refuses a push to a note the pusher may not see', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const author = await addMember(coordinator, 'visitor', 'Morag');
    const colleague = await addMember(coordinator, 'facilitator', 'Isla');
    await push(author, [note('n1')]);
    const results = await push(colleague, [change('note', 'n1', { body: 'Overwritten' }, hlc(Date.now() + 1000))]);
    expect(results).toEqual([{ status: 'rejected', code: 'forbidden', message: expect.any(String) }]);
    const coordinatorEdit = await push(coordinator, [change('note', 'n1', { concern: 'keep an eye' })]);
    expect(coordinatorEdit).toEqual([{ status: 'applied' }]);
  });

  it('moves the cursor past notes a user may not see, and counts only what they may see', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const author = await addMember(coordinator, 'visitor', 'Morag');
    const colleague = await addMember(coordinator, 'facilitator', 'Isla');
    await push(author, [note('n1'), note('n2'), note('n3'), attendee('a1'), note('n4')]);
    const { ids, pages } = await pullEverything(colleague, 2);
    expect(ids).toEqual(['a1']);
    expect(pages).toEqual([
      { size: 0, remaining: 1 },
      { size: 1, remaining: 0 },
      { size: 0, remaining: 0 },
    ]);
  });

  it('knows there is more without an empty last page, whatever the limit', async () => {
    const client = await setUpOrganisation(server.app);
    await push(
      client,
      ['a1', 'a2', 'a3', 'a4'].map((id) => attendee(id)),
    );
    for (const [limit, sizes] of [
      [1, [1, 1, 1, 1]],
      [2, [2, 2]],
      [3, [3, 1]],
      [4, [4]],
      [5, [4]],
    ] as const) {
      const { ids, pages } = await pullEverything(client, limit);
      expect(ids).toEqual(['a1', 'a2', 'a3', 'a4']);
      expect(pages.map((page) => page.size)).toEqual(sizes);
      expect(pages.at(-1)?.remaining).toBe(0);
    }
    const empty = await setUpOrganisation(server.app, 'Highland Peers');
    expect((await pullEverything(empty, 1)).pages).toEqual([{ size: 0, remaining: 0 }]);
  });

  it('carries the count of what remains from page to page, adding what was written since', async () => {
    const client = await setUpOrganisation(server.app);
    await push(
      client,
      ['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => attendee(id)),
    );
    const first = await client.get('/api/sync/pull?limit=2');
    expect(first.body).toMatchObject({ more: true, remaining: 3 });
    await push(client, [attendee('a6')]);
    const second = await client.get(`/api/sync/pull?limit=2&cursor=${first.body.cursor}`);
    expect(second.body).toMatchObject({ more: true, remaining: 2 });
    const third = await client.get(`/api/sync/pull?limit=2&cursor=${second.body.cursor}`);
    expect(third.body.changes.map((record: { id: string }) => record.id)).toEqual(['a5', 'a6']);
    expect(third.body).toMatchObject({ more: false, remaining: 0 });
    // A cursor from a finished pull counts only what was written after it.
    await push(client, [attendee('a7'), attendee('a8'), attendee('a9')]);
    const later = await client.get(`/api/sync/pull?limit=1&cursor=${third.body.cursor}`);
    expect(later.body).toMatchObject({ more: true, remaining: 2 });
  });

  it('counts what remains afresh from a cursor that carries no count (one from an older server)', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const colleague = await addMember(coordinator, 'facilitator', 'Isla');
    await push(coordinator, [attendee('a1'), attendee('a2'), note('n1'), attendee('a3')]);
    const first = await colleague.get('/api/sync/pull?limit=1');
    expect(first.body).toMatchObject({ more: true, remaining: 2 });
    // A private note written since: a carried count would take it as one more, a fresh count knows better.
    await push(coordinator, [note('n2')]);
    const plain = await colleague.get(`/api/sync/pull?limit=1&cursor=${encodeCursor(decodeCursor(first.body.cursor))}`);
    expect(plain.body.changes.map((record: { id: string }) => record.id)).toEqual(['a2']);
    expect(plain.body).toMatchObject({ more: true, remaining: 1 });
  });
});

describe.each(databases())('a first sync under the default rate limit on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true', SYNC_RATE_LIMIT: '3' });

  it('pulls every page of a long first sync, budgeted as one request', async () => {
    const client = await setUpOrganisation(server.app);
    await push(
      client,
      Array.from({ length: 12 }, (_, index) => attendee(`a${index}`)),
    );
    // Twelve pages and the push, with a limit of three requests a minute.
    const { ids, pages } = await pullEverything(client, 1);
    expect(ids).toHaveLength(12);
    expect(pages).toHaveLength(12);
    // Pulls that start afresh are still counted: the push, the first page, and one more, then 429.
    expect((await client.get('/api/sync/pull')).status).toBe(200);
    const over = await client.get('/api/sync/pull');
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('too_many_requests');
  });
});
