// The benchmark's data and its talk with the server from Node: an organisation, pushes of many parents, and
// reading every record back through the pull API.
import { MAX_PUSH_BYTES, MAX_PUSH_CHANGES, type Change } from '../src/sync/protocol.ts';

export const COORDINATOR = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

const LOCALITIES = ['Elgin', 'Lossiemouth', 'Forres', 'Buckie', 'Keith', 'Speyside', 'Rothes', 'Fochabers'];
const HEARD = ['Health visitor', 'A friend', 'Facebook', 'Midwife', 'Library poster'];
const CAKES = ['A Victoria sponge', 'Lemon drizzle', 'A scone with jam', 'Carrot cake', 'Tiffin'];

export interface Server {
  url: string;
  cookie: string;
}

/** First-run setup over the API; answers with the coordinator's cookie and user id. */
export async function createOrganisation(url: string): Promise<Server & { userId: string }> {
  const response = await fetch(`${url}/api/organisations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(COORDINATOR),
  });
  if (response.status !== 201) throw new Error(`Setup failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const { user } = (await response.json()) as { user: { id: string } };
  return { url, cookie, userId: user.id };
}

/** `count` parents as another device would have made them, each with a few of the usual fields. */
export function makeParents(count: number, userId: string, node = 'benchseed01'): Change[] {
  const start = Date.now() - 60 * 60_000;
  const changes: Change[] = [];
  for (let index = 0; index < count; index++) {
    const version = `${String(start + Math.floor(index / 100)).padStart(13, '0')}-${(index % 100).toString(16).padStart(4, '0')}-${node}`;
    const values = {
      displayName: `Seeded parent ${index + 1}`,
      locality: LOCALITIES[index % LOCALITIES.length],
      heardVia: HEARD[index % HEARD.length],
      cake: CAKES[index % CAKES.length],
      createdAt: new Date(start + index).toISOString(),
      createdBy: userId,
    };
    const versions = Object.fromEntries(Object.keys(values).map((field) => [field, version]));
    changes.push({ kind: 'attendee', id: crypto.randomUUID(), values, versions });
  }
  return changes;
}

/**
 * Pushes changes over HTTP in batches of up to 500 changes and 1 MiB, as the app's outbox makes them, as fast as
 * the server takes them; fails on any change the server rejects. Answers with the number of requests.
 */
export async function pushAll(server: Server, changes: Change[]): Promise<number> {
  const run = crypto.randomUUID().slice(0, 8);
  let requests = 0;
  for (let offset = 0; offset < changes.length;) {
    const batch: Change[] = [];
    let bytes = 0;
    for (const change of changes.slice(offset, offset + MAX_PUSH_CHANGES)) {
      const size = JSON.stringify(change).length + 1;
      if (batch.length > 0 && bytes + size > MAX_PUSH_BYTES - 1024) break;
      batch.push(change);
      bytes += size;
    }
    const response = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: server.cookie },
      body: JSON.stringify({ protocol: 1, deviceId: 'benchseed01', batchId: `seed-${run}-${offset}`, changes: batch }),
    });
    requests++;
    if (!response.ok) throw new Error(`Seeding failed: ${response.status} ${await response.text()}`);
    const { results } = (await response.json()) as { results: { status: string; code?: string; message?: string }[] };
    const rejected = results.findIndex((result) => result.status === 'rejected');
    if (rejected >= 0) {
      const change = batch[rejected];
      throw new Error(`The server rejected a ${change?.kind}: ${JSON.stringify(results[rejected])}`);
    }
    offset += batch.length;
  }
  return requests;
}

/**
 * Every record the coordinator may see, whole, through the pull API, a page at a time as a browser asks (Brotli
 * accepted); `onPage` hears of each page and its response as it comes.
 */
export async function pullAll(
  server: Server,
  onPage?: (page: { changes: Change[] }, response: Response) => void,
): Promise<Change[]> {
  const records: Change[] = [];
  let cursor = '';
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${server.url}/api/sync/pull?${query.toString()}`, {
      headers: { cookie: server.cookie, 'accept-encoding': 'br, gzip' },
    });
    if (!response.ok) throw new Error(`Pull failed: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { changes: Change[]; cursor: string; more: boolean };
    onPage?.(page, response);
    records.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return records;
  }
}
