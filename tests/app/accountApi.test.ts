// The first screen reads the account answers by hand (it has no room for zod): what it accepts must be what the
// contract in src/api/accounts.ts accepts, field for field, so the two cannot drift apart unnoticed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupAnswer, userAnswer } from '../../src/api/accounts.ts';
import { errorBodySchema } from '../../src/api/errors.ts';
import { getSetupStatus, signIn } from '../../src/app/account/api.ts';
import { ApiError } from '../../src/app/http/request.ts';
import { ALEX, json, stubServer } from './helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const DETAILS = { email: 'alex@example.org', password: 'correct horse', device: 'Hall tablet 1' };

/** What the hand reading made of an answer: the value, or the ApiError's code. */
async function outcome<T>(read: () => Promise<T>): Promise<T | string> {
  try {
    return await read();
  } catch (error) {
    return error instanceof ApiError ? error.code : 'threw something else';
  }
}

describe('the account answers read by hand', () => {
  const users: unknown[] = [
    { user: ALEX },
    { user: { ...ALEX, disabled: false, createdAt: '2026-11-24T10:00:00Z' } },
    { user: { ...ALEX, role: 'visitor' } },
    { user: { ...ALEX, role: 'visitor', peerResearcher: true } },
    { user: { ...ALEX, peerResearcher: false } },
    { user: { ...ALEX, peerResearcher: 'yes' } },
    { user: { ...ALEX, role: 'admin' } },
    { user: { ...ALEX, id: 7 } },
    { user: { ...ALEX, organisationId: undefined } },
    { user: null },
    {},
    [],
    'Alex',
  ];

  it.each(users)('reads the user of %j as userAnswer does', async (answer) => {
    stubServer({ 'POST /api/auth/sign-in': () => json(200, answer) });
    const parsed = userAnswer.safeParse(answer);
    expect(await outcome(() => signIn(DETAILS))).toEqual(parsed.success ? parsed.data.user : 'bad_response');
  });

  const setups: unknown[] = [
    { firstRun: true, openRegistration: false, demo: false },
    { firstRun: false, openRegistration: true, demo: true, extra: 1 },
    { firstRun: 'yes', openRegistration: false, demo: false },
    {},
  ];

  it.each(setups)('reads the setup status %j as setupAnswer does', async (answer) => {
    stubServer({ 'GET /api/setup': () => json(200, answer) });
    const parsed = setupAnswer.safeParse(answer);
    expect(await outcome(getSetupStatus)).toEqual(parsed.success ? parsed.data : 'bad_response');
  });

  const errors: unknown[] = [
    { error: { code: 'bad_credentials', message: 'No.' } },
    { error: { code: 'invalid_request', message: 'No.', details: [{ path: 'email', message: 'is required' }] } },
    { error: { code: 401, message: 'No.' } },
    { error: 'bad_credentials' },
    { message: 'No.' },
  ];

  it.each(errors)('reads the error body %j as errorBodySchema does', async (answer) => {
    stubServer({ 'POST /api/auth/sign-in': () => json(401, answer) });
    const parsed = errorBodySchema.safeParse(answer);
    expect(await outcome(() => signIn(DETAILS))).toEqual(parsed.success ? parsed.data.error.code : 'http_401');
  });
});
