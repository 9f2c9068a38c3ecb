// The sealing primitive and PIN wrapping: what one key seals only that key opens, in the place it was sealed
// for, and any change to the ciphertext is caught.
import { describe, expect, it } from 'vitest';
import { rewrapPrivateKey, unwrapPrivateKey, wrapPrivateKey } from '../../src/crypto/keys.ts';
import {
  exportPublicKey,
  generateSealingKeyPair,
  importPublicKey,
  isSealed,
  Opener,
  SealError,
  Sealer,
  type Sealed,
} from '../../src/crypto/seal.ts';

const VALUES: unknown[] = ['I feel low most mornings', ['anxiety', 'mood'], 'urgent', 7, { a: [1, 'two'] }, null, ''];

describe('sealing', () => {
  it('opens every kind of JSON value sealed for the key, and the sealed form shows none of it', async () => {
    const pair = await generateSealingKeyPair();
    const sealer = await Sealer.create(pair.publicKey, 'device:1');
    const opener = new Opener('device:1', pair.privateKey);
    for (const value of VALUES) {
      const sealed = await sealer.seal('note/n1/body', value);
      expect(isSealed(sealed)).toBe(true);
      if (typeof value === 'string' && value) expect(JSON.stringify(sealed)).not.toContain(value);
      expect(await opener.open('note/n1/body', sealed)).toEqual(value);
    }
  });

  it('seals the same value differently every time', async () => {
    const pair = await generateSealingKeyPair();
    const sealer = await Sealer.create(pair.publicKey, 'k');
    const [first, second] = [await sealer.seal('p', 'same'), await sealer.seal('p', 'same')];
    expect(first.c).not.toBe(second.c);
  });

  it('seals many values at once, each opening in its own place only and each with its own IV', async () => {
    const pair = await generateSealingKeyPair();
    const sealer = await Sealer.create(pair.publicKey, 'k');
    const opener = new Opener('k', pair.privateKey);
    // More values than one call to the random source fills IVs for (65,536 bytes: 5,461 IVs).
    const items = Array.from({ length: 6_000 }, (_, index) => ({
      place: `note/n${index}/body`,
      value: `words ${index}`,
    }));
    const sealed = await sealer.sealMany(items);
    expect(sealed).toHaveLength(items.length);
    expect(new Set(sealed.map((value) => value.iv)).size).toBe(items.length);
    for (const index of [0, 1, 5_460, 5_461, 5_999]) {
      expect(await opener.open(`note/n${index}/body`, sealed[index] as Sealed)).toBe(`words ${index}`);
    }
    await expect(opener.open('note/n1/body', sealed[0] as Sealed)).rejects.toThrow(SealError);
    expect(await sealer.sealMany([])).toEqual([]);
  });

  it('refuses a value altered, moved to another place, or sealed for another key', async () => {
    const pair = await generateSealingKeyPair();
    const other = await generateSealingKeyPair();
    const sealed = await (await Sealer.create(pair.publicKey, 'k')).seal('note/n1/body', 'private words');
    const opener = new Opener('k', pair.privateKey);
    const flipped = sealed.c.startsWith('A') ? `B${sealed.c.slice(1)}` : `A${sealed.c.slice(1)}`;
    await expect(opener.open('note/n1/body', { ...sealed, c: flipped })).rejects.toThrow(SealError);
    await expect(opener.open('note/n2/body', sealed)).rejects.toThrow(SealError);
    await expect(new Opener('other', other.privateKey).open('note/n1/body', sealed)).rejects.toThrow(
      'sealed for another key',
    );
    // The right key id but the wrong private key: the derivation gives another AES key, and the tag fails.
    await expect(new Opener('k', other.privateKey).open('note/n1/body', sealed)).rejects.toThrow(SealError);
  });

  it('opens a value again without being fooled: altered, moved or another key still fail after it opened once', async () => {
    const pair = await generateSealingKeyPair();
    const other = await generateSealingKeyPair();
    const sealer = await Sealer.create(pair.publicKey, 'k');
    const opener = new Opener('k', pair.privateKey);
    const sealed = await sealer.seal('note/n1/focusAreas', ['anxiety', 'mood']);
    const first = (await opener.open('note/n1/focusAreas', sealed)) as string[];
    first.push('changed by a screen');
    // Each opening is a copy of its own: what one caller did to its copy is not what the next one gets.
    expect(await opener.open('note/n1/focusAreas', { ...sealed })).toEqual(['anxiety', 'mood']);
    const flipped = sealed.c.startsWith('A') ? `B${sealed.c.slice(1)}` : `A${sealed.c.slice(1)}`;
    await expect(opener.open('note/n1/focusAreas', { ...sealed, c: flipped })).rejects.toThrow(SealError);
    await expect(opener.open('note/n2/focusAreas', sealed)).rejects.toThrow(SealError);
    // The IV's first character moved onto the ciphertext: the same characters run together, a different value.
    const shifted = { ...sealed, iv: sealed.iv.slice(1), c: sealed.iv.slice(0, 1) + sealed.c };
    await expect(opener.open('note/n1/focusAreas', shifted)).rejects.toThrow(SealError);
    // Another sender's key with the same IV and ciphertext: derived afresh, and the tag fails.
    const otherSender = (await (await Sealer.create(pair.publicKey, 'k')).seal('x', 1)).e;
    await expect(opener.open('note/n1/focusAreas', { ...sealed, e: otherSender })).rejects.toThrow(SealError);
    await expect(new Opener('k', other.privateKey).open('note/n1/focusAreas', sealed)).rejects.toThrow(SealError);
    expect(await opener.open('note/n1/focusAreas', sealed)).toEqual(['anxiety', 'mood']);
  });

  it('knows at once only a short value it opened itself, for the same place and the same bytes', async () => {
    const pair = await generateSealingKeyPair();
    const sealer = await Sealer.create(pair.publicKey, 'k');
    const opener = new Opener('k', pair.privateKey);
    const sealed = await sealer.seal('note/n1/concern', 'urgent');
    expect(opener.known('note/n1/concern', sealed)).toBeUndefined();
    expect(await opener.open('note/n1/concern', sealed)).toBe('urgent');
    expect(opener.known('note/n1/concern', { ...sealed })).toBe('urgent');
    const flipped = sealed.c.startsWith('A') ? `B${sealed.c.slice(1)}` : `A${sealed.c.slice(1)}`;
    expect(opener.known('note/n1/concern', { ...sealed, c: flipped })).toBeUndefined();
    expect(opener.known('note/n2/concern', sealed)).toBeUndefined();
    const shifted = { ...sealed, iv: sealed.iv.slice(1), c: sealed.iv.slice(0, 1) + sealed.c };
    expect(opener.known('note/n1/concern', shifted)).toBeUndefined();
    const otherSender = (await (await Sealer.create(pair.publicKey, 'k')).seal('x', 1)).e;
    expect(opener.known('note/n1/concern', { ...sealed, e: otherSender })).toBeUndefined();
    expect(new Opener('k', pair.privateKey).known('note/n1/concern', sealed)).toBeUndefined();
    expect(opener.known('note/n1/concern', { ...sealed, k: 'other' })).toBeUndefined();
    // A copy each time, as from open.
    const areas = await sealer.seal('note/n1/focusAreas', ['anxiety']);
    await opener.open('note/n1/focusAreas', areas);
    (opener.known('note/n1/focusAreas', areas) as string[]).push('changed by a screen');
    expect(opener.known('note/n1/focusAreas', areas)).toEqual(['anxiety']);
    // A long value (a note's body) is opened afresh each time, never kept.
    const body = await sealer.seal('note/n1/body', 'words '.repeat(200));
    expect(await opener.open('note/n1/body', body)).toBe('words '.repeat(200));
    expect(opener.known('note/n1/body', body)).toBeUndefined();
  });

  it('round-trips a public key through its raw form and refuses what is not one', async () => {
    const pair = await generateSealingKeyPair();
    const raw = await exportPublicKey(pair.publicKey);
    const sealer = await Sealer.create(await importPublicKey(raw), 'k');
    expect(await new Opener('k', pair.privateKey).open('x', await sealer.seal('x', 'hello'))).toBe('hello');
    await expect(importPublicKey('bm90IGEga2V5')).rejects.toThrow(SealError);
  });

  it('tells a sealed value from anything else', () => {
    const good: Sealed = { $sealed: 1, k: 'k', e: 'AA', iv: 'AA', c: 'AA' };
    expect(isSealed(good)).toBe(true);
    for (const other of ['text', null, 3, { ...good, $sealed: 2 }, { ...good, c: 'not base64!' }, { $sealed: 1 }])
      expect(isSealed(other)).toBe(false);
  });
});

describe('wrapping with a PIN', () => {
  // One iteration keeps these tests quick; the stored default is WRAP_ITERATIONS.
  it('unwraps with the right PIN only, and a new PIN re-wraps the same key', async () => {
    const pair = await generateSealingKeyPair();
    const sealed = await (await Sealer.create(pair.publicKey, 'k')).seal('p', 'kept');
    const wrapped = await wrapPrivateKey(pair.privateKey, '4826', 1);
    expect(JSON.stringify(wrapped)).not.toContain('4826');
    await expect(unwrapPrivateKey(wrapped, '1111')).rejects.toThrow('wrong PIN');
    const unwrapped = await unwrapPrivateKey(wrapped, '4826');
    expect(unwrapped.extractable).toBe(false);
    expect(await new Opener('k', unwrapped).open('p', sealed)).toBe('kept');

    const rewrapped = await rewrapPrivateKey(wrapped, '4826', '9357');
    await expect(unwrapPrivateKey(rewrapped, '4826')).rejects.toThrow('wrong PIN');
    expect(await new Opener('k', await unwrapPrivateKey(rewrapped, '9357')).open('p', sealed)).toBe('kept');
  });
});
