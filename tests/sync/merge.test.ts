// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge, type VersionedRecord } from '../../src/sync/merge.ts';

const field = fc.constantFrom('title', 'theme', 'deleted', 'startsAt');
const version = fc
  .tuple(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom('aaaaaaaa', 'bbbbbbbb', 'cccccccc'),
  )
  .map(([ms, counter, node]) => `${String(1_700_000_000_000 + ms).padStart(13, '0')}-000${counter}-${node}`);

/** A change: same keys in values and versions. The value is derived from the version, as one write makes one pair. */
const change: fc.Arbitrary<VersionedRecord> = fc.dictionary(field, version, { maxKeys: 4 }).map((versions) => ({
  versions,
  values: Object.fromEntries(Object.entries(versions).map(([name, v]) => [name, `${name}@${v}`])),
}));

function applyAll(changes: VersionedRecord[]): VersionedRecord | undefined {
  return changes.reduce<VersionedRecord | undefined>((record, next) => merge(record, next).record, undefined);
}

describe('merge', () => {
  it('takes a field when it is new or its version is greater, and keeps the stored one otherwise', () => {
    const stored = { values: { title: 'Old', theme: 'identity' }, versions: { title: 'v2', theme: 'v5' } };
    const result = merge(stored, {
      values: { title: 'New', theme: 'attachment' },
      versions: { title: 'v3', theme: 'v4' },
    });
    expect(result.record.values).toEqual({ title: 'New', theme: 'identity' });
    expect(result.changedFields).toEqual(['title']);
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(change, change, (a, b) => {
        expect(applyAll([a, b])).toEqual(applyAll([b, a]));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(change, change, change, (a, b, c) => {
        const ab = merge(a, b).record;
        const bc = merge(b, c).record;
        expect(merge(ab, c).record).toEqual(merge(a, bc).record);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(change, change, (a, b) => {
        const once = merge(a, b).record;
        expect(merge(once, b).record).toEqual(once);
        expect(merge(once, b).changedFields).toEqual([]);
      }),
    );
  });

  it('gives the same record for any order and any repetition of a set of changes', () => {
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 16 }),
        (changes, picks) => {
          const shuffled = [...changes].reverse();
          const repeated = [...changes, ...picks.map((pick) => changes[pick % changes.length]!)];
          expect(applyAll(shuffled)).toEqual(applyAll(changes));
          expect(applyAll(repeated)).toEqual(applyAll(changes));
        },
      ),
    );
  });
});
