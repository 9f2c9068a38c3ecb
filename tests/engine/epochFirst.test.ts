// @vitest-environment node
// The first epoch a device hears of, worked on the device database alone: a new device takes it as its own; one
// holding data from before (a cursor, a finished sync, any record) catches up once, since the server may have
// been restored while it knew no epoch.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { observeEpoch, observePushEpoch } from '../../src/engine/epoch.ts';
import { deviceDb } from './harness.ts';

describe('the first epoch a device hears of', () => {
  it('is simply taken by a new device, from its first pull', async () => {
    const db = deviceDb('new');
    expect(await observeEpoch(db, 'e1', true)).toBe('same');
    expect(await getMeta(db, 'epoch')).toBe('e1');
    expect(await getMeta(db, 'catchUpEpoch')).toBeUndefined();
    expect((await getMeta(db, 'sync'))?.catchingUp).toBeUndefined();
  });

  it('is taken by a new device from the answer to its first push, so its own records make no catch-up', async () => {
    const db = deviceDb('writer');
    await saveRecord(db, 'attendee', 'p1', { displayName: 'Amy' });
    await observePushEpoch(db, 'e1');
    expect(await getMeta(db, 'epoch')).toBe('e1');
    expect(await observeEpoch(db, 'e1', true)).toBe('same');
    expect(await getMeta(db, 'catchUpEpoch')).toBeUndefined();
  });

  it('makes a device that pulled before catch up: the page from its old cursor is dropped', async () => {
    const db = deviceDb('old-cursor');
    await setMeta(db, 'cursor', 'c-42');
    await observePushEpoch(db, 'e1');
    expect(await getMeta(db, 'epoch')).toBeUndefined();
    expect(await observeEpoch(db, 'e1', false)).toBe('restart');
    expect(await getMeta(db, 'cursor')).toBeUndefined();
    expect(await getMeta(db, 'catchUpEpoch')).toBe('e1');
    expect((await getMeta(db, 'sync'))?.catchingUp).toBe(true);
    // The pull from the start carries on with the catch-up.
    expect(await observeEpoch(db, 'e1', true)).toBe('catching-up');
  });

  it('makes a device holding records, or that finished a sync, catch up even with no cursor', async () => {
    const holding = deviceDb('records');
    await saveRecord(holding, 'attendee', 'p1', { displayName: 'Amy' });
    expect(await observeEpoch(holding, 'e1', true)).toBe('catching-up');
    expect(await getMeta(holding, 'catchUpEpoch')).toBe('e1');

    const synced = deviceDb('synced');
    await setMeta(synced, 'sync', { phase: 'idle', lastSuccess: 1 });
    await observePushEpoch(synced, 'e1');
    expect(await getMeta(synced, 'epoch')).toBeUndefined();
    expect(await observeEpoch(synced, 'e1', true)).toBe('catching-up');
  });

  it('leaves a known epoch to the pull: a push answer never changes it', async () => {
    const db = deviceDb('known');
    await setMeta(db, 'epoch', 'e1');
    await observePushEpoch(db, 'e2');
    expect(await getMeta(db, 'epoch')).toBe('e1');
  });
});
