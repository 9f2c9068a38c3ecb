// @vitest-environment node
// The browser's answer on keeping Coorie's data, asked after every unlock: recorded when it changes, and left alone
// when it is the same, since every write to meta has each screen's reading of it run again.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoorieDb } from '../../src/db/database.ts';
import { getMeta } from '../../src/db/meta.ts';
import { requestPersistence } from '../../src/db/persistence.ts';

let db: CoorieDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

function browserAnswering(granted: { value: boolean }) {
  vi.stubGlobal('navigator', {
    storage: { persisted: async () => granted.value, persist: async () => granted.value },
  });
}

describe('Asking the browser to keep the data', () => {
  it('records a new answer, and writes nothing when the answer is the same', async () => {
    db = new CoorieDb(`test-${crypto.randomUUID()}`);
    const writes: unknown[] = [];
    db.meta.hook('creating', (_key, entry) => void writes.push(entry.value));
    db.meta.hook('updating', (changes) => void writes.push((changes as { value?: unknown }).value));
    const granted = { value: false };
    browserAnswering(granted);

    expect(await requestPersistence(db)).toBe('denied');
    expect(await requestPersistence(db)).toBe('denied');
    expect(writes).toEqual(['denied']);

    granted.value = true;
    expect(await requestPersistence(db)).toBe('granted');
    expect(await requestPersistence(db)).toBe('granted');
    expect(writes).toEqual(['denied', 'granted']);
    expect(await getMeta(db, 'persisted')).toBe('granted');
  });
});
