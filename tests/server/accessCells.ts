// One row of an access table, checked cell by cell: who pulls record `r1` of the row's kind once it is written, and
// whose change to it is applied. Shared by the tables of access.test.ts and volunteerAccess.test.ts.
import { expect } from 'vitest';
import { change, hlc, type Client } from './client.ts';
import { pullAll, push } from './people.ts';

export interface RecordCells<Who extends string> {
  kind: string;
  /** Who pulls the record. */
  read: readonly Who[];
  /** Whose change to it is applied (others in the organisation get `forbidden`). */
  write: readonly Who[];
}

/**
 * `everyone` names the callers, among them `signedOut` (401 for reading and writing) and `otherOrganisation`, whose
 * push names the same id but can only make that organisation's own record (refused here: not a whole record).
 */
export async function expectRecordCells<Who extends string>(
  clients: Record<Who, Client>,
  everyone: readonly Who[],
  rule: RecordCells<Who>,
): Promise<void> {
  for (const who of everyone) {
    if (who === 'signedOut') {
      expect((await clients[who].get('/api/sync/pull')).status, 'signed out reads').toBe(401);
      continue;
    }
    const { records } = await pullAll(clients[who]);
    expect(records.has(`${rule.kind}/r1`), `${who} reads`).toBe(rule.read.includes(who));
  }
  for (const [index, who] of everyone.entries()) {
    const update = change(rule.kind, 'r1', { deleted: false }, hlc(Date.now() - 5_000 + index));
    if (who === 'signedOut') {
      const answer = await clients[who].post('/api/sync/push', {
        protocol: 1,
        deviceId: 'x',
        batchId: 'b',
        changes: [update],
      });
      expect(answer.status, 'signed out writes').toBe(401);
      continue;
    }
    const [result] = await push(clients[who], [update]);
    const expected =
      who === 'otherOrganisation' ? 'required_missing' : rule.write.includes(who) ? 'applied' : 'forbidden';
    expect(result?.status === 'applied' ? 'applied' : result?.code, `${who} writes`).toBe(expected);
  }
}
