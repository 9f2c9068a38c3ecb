// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { coalesce, toBatches, utf8Length, type QueuedChange } from '../../src/sync/coalesce.ts';

const v = (ms: number) => `${String(1_763_800_000_000 + ms).padStart(13, '0')}-0000-aaaaaaaa`;

function queued(seq: number, id: string, values: Record<string, unknown>, ms: number): QueuedChange {
  const versions = Object.fromEntries(Object.keys(values).map((field) => [field, v(ms)]));
  return { seq, kind: 'session', id, values, versions };
}

describe('coalescing the outbox', () => {
  it('sends one change per record, the newest value of each field, and remembers every entry it covers', () => {
    const result = coalesce([
      queued(1, 's1', { title: 'Drop-in', startsAt: '2026-11-24T10:00:00Z' }, 1),
      queued(2, 's2', { title: 'Course' }, 2),
      queued(3, 's1', { title: 'Drop-in at Rothes' }, 3),
      queued(4, 's1', { deleted: true }, 4),
    ]);
    expect(result).toEqual([
      {
        change: {
          kind: 'session',
          id: 's1',
          values: { title: 'Drop-in at Rothes', startsAt: '2026-11-24T10:00:00Z', deleted: true },
          versions: { title: v(3), startsAt: v(1), deleted: v(4) },
        },
        seqs: [1, 3, 4],
      },
      { change: { kind: 'session', id: 's2', values: { title: 'Course' }, versions: { title: v(2) } }, seqs: [2] },
    ]);
  });

  it('keeps the greater version even when entries are out of order', () => {
    const [only] = coalesce([queued(1, 's1', { title: 'Later' }, 9), queued(2, 's1', { title: 'Earlier' }, 5)]);
    expect(only?.change.values.title).toBe('Later');
    expect(only?.seqs).toEqual([1, 2]);
  });

  it('keeps records of different kinds with the same id apart', () => {
    const result = coalesce([
      queued(1, 'x1', { title: 'A' }, 1),
      { seq: 2, kind: 'attendee', id: 'x1', values: { displayName: 'Amy' }, versions: { displayName: v(2) } },
    ]);
    expect(result).toHaveLength(2);
  });
});

describe('batches', () => {
  const items = (count: number, text = 'x') =>
    Array.from({ length: count }, (_, i) => ({ change: queued(i, `s${i}`, { title: text }, i), seqs: [i] }));

  it('holds at most 500 changes', () => {
    expect(toBatches(items(1201)).map((batch) => batch.length)).toEqual([500, 500, 201]);
  });

  it('stays under the byte budget, and a single oversized change still goes alone', () => {
    const big = items(5, 'é'.repeat(300_000));
    const batches = toBatches(big);
    for (const batch of batches) {
      expect(batch.length === 1 || utf8Length(JSON.stringify(batch.map((i) => i.change))) < 900 * 1024).toBe(true);
    }
    expect(batches.flat()).toHaveLength(5);
    expect(toBatches(items(2, 'x'.repeat(1_000_000))).map((batch) => batch.length)).toEqual([1, 1]);
  });

  it('counts bytes as UTF-8', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('—')).toBe(3);
    expect(utf8Length('🧁')).toBe(4);
  });
});
