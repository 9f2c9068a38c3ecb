// @vitest-environment node
// Convergence: three tablets edit the same few records offline, in any order, syncing now and then; once each
// has synced twice, all three and the server hold exactly the same records, values and versions alike.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { deleteRecord, rowToRecord, saveRecord } from '../../src/db/records.ts';
import { syncOnce } from '../../src/engine/client.ts';
import type { VersionedRecord } from '../../src/sync/merge.ts';
import type { FetchLike } from '../../src/engine/transport.ts';
import { createOrganisation, deviceDb, signInDevice, startTestServer, type TestServer } from './harness.ts';

const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 200);
/** Three tablets whose clocks disagree by a little, as real ones do (within what the server accepts). */
const SKEWS_MS = [0, -90_000, 60_000];

type Command =
  | { type: 'edit'; device: number; kind: 'session'; id: number; field: 'title' | 'theme'; value: string }
  | { type: 'edit'; device: number; kind: 'attendee'; id: number; field: 'displayName'; value: string }
  | { type: 'delete'; device: number; kind: 'session' | 'attendee'; id: number }
  | { type: 'sync'; device: number };

const device = fc.integer({ min: 0, max: 2 });
const id = fc.integer({ min: 0, max: 1 });
const word = fc.constantFrom('Bookbug', 'Drop-in', 'Cake day', 'Amy', 'Beth', 'Cara');
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    type: fc.constant('edit' as const),
    device,
    kind: fc.constant('session' as const),
    id,
    field: fc.constantFrom('title' as const, 'theme' as const),
    value: word,
  }),
  fc.record({
    type: fc.constant('edit' as const),
    device,
    kind: fc.constant('attendee' as const),
    id,
    field: fc.constant('displayName' as const),
    value: word,
  }),
  fc.record({
    type: fc.constant('delete' as const),
    device,
    kind: fc.constantFrom('session' as const, 'attendee' as const),
    id,
  }),
  fc.record({ type: fc.constant('sync' as const), device }),
  fc.record({ type: fc.constant('sync' as const), device }),
);

let server: TestServer;
let fetches: FetchLike[] = [];
/** Where the last run's tablets had pulled to, so that each run's fresh tablets skip earlier runs' records. */
let cursor: string | undefined;
/** The server's epoch, given with the cursor: a tablet with a cursor and no epoch would catch up from the start. */
let epoch: string | undefined;

async function startServerAndTablets(postgres: boolean): Promise<void> {
  server = await startTestServer({ postgres });
  cursor = undefined;
  epoch = undefined;
  const organisation = await createOrganisation(server.url);
  fetches = [
    organisation.fetch,
    await signInDevice(server.url, organisation.email, 'Hall tablet'),
    await signInDevice(server.url, organisation.email, 'Home-visit phone'),
  ];
}

async function run(commands: Command[], runId: string): Promise<void> {
  const tablets: CoorieDb[] = SKEWS_MS.map((skew, index) => {
    const db = deviceDb(`convergence-${index}`);
    db.now = () => Date.now() + skew;
    return db;
  });
  const sync = async (index: number) => {
    const outcome = await syncOnce({ db: tablets[index]!, baseUrl: server.url, fetch: fetches[index]! });
    expect(outcome).toMatchObject({ status: 'synced', refused: 0 });
  };
  try {
    if (cursor !== undefined && epoch !== undefined) {
      for (const db of tablets) {
        await setMeta(db, 'cursor', cursor);
        await setMeta(db, 'epoch', epoch);
      }
    }
    for (const step of commands) {
      const db = tablets[step.device]!;
      const recordId = `${runId}-${step.type === 'sync' ? '' : step.id}`;
      if (step.type === 'sync') await sync(step.device);
      else if (step.type === 'delete') await deleteRecord(db, step.kind, recordId);
      else await saveRecord(db, step.kind, recordId, await editValues(db, step, recordId));
    }
    for (let round = 0; round < 2; round++) for (const index of [0, 1, 2]) await sync(index);

    const server = await serverRecords(runId);
    for (const db of tablets) expect(await deviceRecords(db)).toEqual(server);
    cursor = await getMeta(tablets[2]!, 'cursor');
    epoch = await getMeta(tablets[2]!, 'epoch');
  } finally {
    await Promise.all(tablets.map((db) => db.delete()));
  }
}

/** A record new to this tablet must carry its required fields, as the screens make sure it does. */
async function editValues(db: CoorieDb, step: Command & { type: 'edit' }, recordId: string) {
  const known = (await db.records(step.kind).get(recordId)) !== undefined;
  if (known) return { [step.field]: step.value };
  return step.kind === 'session'
    ? { title: step.value, startsAt: '2026-11-24T10:00:00Z', [step.field]: step.value }
    : { displayName: step.value };
}

async function deviceRecords(db: CoorieDb): Promise<Record<string, VersionedRecord>> {
  const found: Record<string, VersionedRecord> = {};
  for (const kind of ['session', 'attendee'] as const) {
    for (const row of await db.records(kind).toArray()) {
      // The table keeps the id among the fields (Dexie's key); the wire and the server keep it beside them.
      const { id: _id, ...values } = rowToRecord(row).values;
      found[`${kind}/${row.id}`] = { values, versions: row._v };
    }
  }
  return found;
}

async function serverRecords(runId: string): Promise<Record<string, VersionedRecord>> {
  const rows = await server.store.db
    .selectFrom('records')
    .select(['kind', 'id', 'values_json', 'versions_json'])
    .where('id', 'like', `${runId}-%`)
    .execute();
  const found: Record<string, VersionedRecord> = {};
  for (const row of rows) {
    found[`${row.kind}/${row.id}`] = {
      values: JSON.parse(row.values_json) as VersionedRecord['values'],
      versions: JSON.parse(row.versions_json) as VersionedRecord['versions'],
    };
  }
  return found;
}

// Every run on SQLite; fewer on PostgreSQL (when TEST_DATABASE_URL is set), whose own suite runs elsewhere too.
const databases = [{ name: 'SQLite', postgres: false, runs: RUNS }];
if (process.env.TEST_DATABASE_URL) databases.push({ name: 'PostgreSQL', postgres: true, runs: Math.ceil(RUNS / 4) });

describe.each(databases)('three tablets and the server on $name', ({ postgres, runs: numRuns }) => {
  beforeAll(() => startServerAndTablets(postgres));
  afterAll(async () => {
    await server?.close();
  });

  it('converge on the same records whatever the edits and the order of syncs', { timeout: 600_000 }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        await run(commands, `r${++runs}`);
      }),
      { numRuns },
    );
  });
});
