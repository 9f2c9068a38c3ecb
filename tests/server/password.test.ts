// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hashPassword, isLongEnough, verifyDecoy, verifyPassword } from '../../src/server/auth/password.ts';

describe('password hashing', () => {
  it('hashes with scrypt at full cost and a fresh salt, and verifies only the right password', async () => {
    const hash = await hashPassword('a long enough password');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(hash).not.toContain('password');
    expect(await hashPassword('a long enough password')).not.toBe(hash);
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
    expect(await verifyPassword('a long enough passwore', hash)).toBe(false);
  });

  it('verifies a hash made at another cost by the cost written in it', async () => {
    const cheap = await hashPassword('a long enough password', { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword('a long enough password', cheap)).toBe(true);
  });

  it('never matches a malformed hash, or the decoy', async () => {
    expect(await verifyPassword('anything at all', 'plain text')).toBe(false);
    expect(await verifyDecoy('not anyone’s password')).toBe(false);
  });

  it('counts length in characters, so ten emoji are long enough and nine letters are not', () => {
    expect(isLongEnough('🍰'.repeat(10))).toBe(true);
    expect(isLongEnough('abcdefghi')).toBe(false);
  });
});
