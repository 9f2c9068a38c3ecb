import { describe, expect, it } from 'vitest';
import { CoorieDb } from '../../src/db/database.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { wipeDevice } from '../../src/db/wipe.ts';

describe('wiping the device', () => {
  it('leaves no record, queued change, draft or signed-in user behind', async () => {
    const db = new CoorieDb(`wipe-${crypto.randomUUID()}`);
    await setMeta(db, 'user', {
      id: 'u1',
      name: 'Morag',
      email: 'morag@example.org',
      role: 'coordinator',
      organisationId: 'o1',
    });
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    await db.drafts.put({ key: 'note:a1', value: { text: 'half-written' }, updatedAt: 1 });
    expect(await db.outbox.count()).toBeGreaterThan(0);

    await wipeDevice(db);

    const counts = await Promise.all(db.allTables().map((table) => table.count()));
    expect(counts.every((count) => count === 0)).toBe(true);
    expect(await getMeta(db, 'user')).toBeUndefined();
    await db.delete();
  });
});
