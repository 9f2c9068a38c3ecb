import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMeta } from '../../src/db/meta.ts';
import { ALEX, apiError, json, renderApp, stubNoNetwork, stubServer } from './helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

function field(label: string) {
  return screen.getByLabelText(label);
}

async function openSignIn() {
  const calls = stubServer({});
  const app = await renderApp('/sign-in');
  await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
  return { ...app, calls };
}

async function fillSignIn(email = 'alex@example.org', password = 'correct horse battery', device = 'Hall tablet 1') {
  const user = userEvent.setup();
  if (email) await user.type(field('Email address'), email);
  if (password) await user.type(field('Password'), password);
  if (device) await user.type(field("This device's name"), device);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('sign-in', () => {
  it('says what to fix in every empty field on submit, and puts focus on the first', async () => {
    await openSignIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(field('Email address')).toHaveAccessibleDescription('Error: Enter your email address.');
    expect(field('Email address')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Email address')).toHaveFocus();
    expect(field('Password')).toHaveAccessibleDescription('Error: Enter your password.');
    expect(field("This device's name")).toHaveAccessibleDescription(
      'So you can tell your devices apart, for example “Hall tablet 1”. Error: Give this device a name, like “Hall tablet 1”.',
    );
  });

  it('checks a field once it is left, and clears the message as soon as it is fixed', async () => {
    await openSignIn();
    const user = userEvent.setup();
    await user.type(field('Email address'), 'alex');
    expect(field('Email address')).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(field('Email address')).toHaveAccessibleDescription('Error: Enter an email address like name@example.org.');
    // Focus is in the password field now, but nobody has left it yet: no message there.
    expect(field('Password')).not.toHaveAttribute('aria-invalid');
    await user.type(field('Email address'), '@example.org');
    expect(field('Email address')).not.toHaveAttribute('aria-invalid');
    expect(field('Email address')).not.toHaveAccessibleDescription();
  });

  it('signs in, remembers the user and the device name, and opens the shell', async () => {
    const calls = stubServer({ 'POST /api/auth/sign-in': () => json(200, { user: ALEX }) });
    const { db } = await renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    await fillSignIn();

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(calls.find((call) => call.route === 'POST /api/auth/sign-in')?.body).toEqual({
      email: 'alex@example.org',
      password: 'correct horse battery',
      device: 'Hall tablet 1',
    });
    expect(await getMeta(db, 'user')).toEqual(ALEX);
    expect(await getMeta(db, 'deviceName')).toBe('Hall tablet 1');
  });

  it.each([
    [apiError(401, 'bad_credentials'), "That email and password don't match an account."],
    [
      apiError(429, 'too_many_attempts', 'Too many failed tries to sign in. Wait 15 minutes, then try again.'),
      'Too many failed tries to sign in. Wait 15 minutes, then try again.',
    ],
    [apiError(500, 'internal', 'boom'), 'Something went wrong on the server. Try again in a minute.'],
  ])('explains a refusal from the server in plain words', async (response, message) => {
    stubServer({ 'POST /api/auth/sign-in': () => response });
    await renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    await fillSignIn();
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeInTheDocument();
  });

  it('says when the server cannot be reached, rather than accepting a password offline', async () => {
    stubNoNetwork();
    await renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    await fillSignIn();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Coorie can't reach the server. Check this device is online, then try again.",
    );
  });
});

async function openSetup(handlers = {}) {
  const calls = stubServer(handlers);
  const app = await renderApp('/setup');
  await screen.findByRole('heading', { level: 1, name: 'Set up Coorie' });
  return { ...app, calls };
}

async function fillSetup(values: Partial<Record<string, string>> = {}) {
  const user = userEvent.setup();
  const all = {
    'Organisation name': 'Mums in Mind Moray',
    'Your name': 'Alex Morrison',
    'Email address': 'alex@example.org',
    Password: 'correct horse battery',
    'Type the password again': 'correct horse battery',
    ...values,
  };
  for (const [label, value] of Object.entries(all)) if (value) await user.type(field(label), value);
  await user.click(screen.getByRole('button', { name: 'Set up Coorie' }));
  return user;
}

describe('first-run setup', () => {
  it('says what to fix in every empty field', async () => {
    await openSetup();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Set up Coorie' }));
    expect(field('Organisation name')).toHaveAccessibleDescription("Error: Enter your organisation's name.");
    expect(field('Organisation name')).toHaveFocus();
    expect(field('Your name')).toHaveAccessibleDescription('Error: Enter your name.');
    expect(field('Email address')).toHaveAccessibleDescription('Error: Enter your email address.');
    expect(field('Password')).toHaveAccessibleDescription(
      'At least 10 characters. A few words strung together are easy to remember. Error: Choose a password.',
    );
    expect(field('Type the password again')).toHaveAccessibleDescription('Error: Type your password again.');
  });

  it('wants a password of at least 10 characters, typed the same twice', async () => {
    await openSetup();
    await fillSetup({ Password: 'short', 'Type the password again': 'shorter' });
    expect(field('Password')).toHaveAccessibleDescription(
      'At least 10 characters. A few words strung together are easy to remember. Error: Your password needs at least 10 characters (it has 5).',
    );
    expect(field('Password')).toHaveFocus();
    expect(field('Type the password again')).toHaveAccessibleDescription(
      "Error: The passwords don't match. Type the same password again.",
    );
    expect(field('Organisation name')).not.toHaveAttribute('aria-invalid');
    expect(field('Organisation name')).not.toHaveAccessibleDescription();
  });

  it('counts the characters of a password as people see them, as the server does', async () => {
    await openSetup();
    await fillSetup({ Password: '🐣🐣🐣🐣🐣', 'Type the password again': '🐣🐣🐣🐣🐣' });
    expect(field('Password')).toHaveAccessibleDescription(
      'At least 10 characters. A few words strung together are easy to remember. Error: Your password needs at least 10 characters (it has 5).',
    );
  });

  it('wants an email address that looks like one', async () => {
    await openSetup();
    await fillSetup({ 'Email address': 'alex at example' });
    expect(field('Email address')).toHaveAccessibleDescription('Error: Enter an email address like name@example.org.');
  });

  it('creates the organisation, signs in as its first coordinator and opens the shell', async () => {
    const { calls, db } = await openSetup({ 'POST /api/organisations': () => json(201, { user: ALEX }) });
    await fillSetup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(calls.find((call) => call.route === 'POST /api/organisations')?.body).toEqual({
      organisation: 'Mums in Mind Moray',
      name: 'Alex Morrison',
      email: 'alex@example.org',
      password: 'correct horse battery',
    });
    expect(await getMeta(db, 'user')).toEqual(ALEX);
    // The name typed here is the one Reach out checks discreet texts for; nobody is asked for it again.
    expect(await getMeta(db, 'organisationName')).toBe('Mums in Mind Moray');
  });

  it('sends people to sign in when this Coorie is already set up', async () => {
    await openSetup({ 'POST /api/organisations': () => apiError(403, 'registration_closed') });
    const user = await fillSetup();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This Coorie is already set up — sign in instead.');
    await user.click(screen.getByRole('link', { name: 'Go to sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeInTheDocument();
  });
});

describe('what the first page offers, from GET /api/setup', () => {
  const status = (firstRun: boolean, demo = false, openRegistration = false) => ({
    'GET /api/setup': () => json(200, { firstRun, openRegistration, demo }),
  });

  it('opens on setup, not on sign-in, when the server has no organisation yet', async () => {
    stubServer(status(true));
    await renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Coorie' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in to Coorie' })).not.toBeInTheDocument();
    // Nobody to sign in as yet: the setup screen does not send anyone to a sign-in that leads back here.
    expect(screen.queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument();
  });

  it('offers no setup once an organisation exists', async () => {
    stubServer(status(false));
    await renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(screen.queryByRole('link', { name: /set up/i })).not.toBeInTheDocument();
  });

  it('says on /setup that the server is already set up, rather than showing a form it would refuse', async () => {
    stubServer(status(false));
    await renderApp('/setup');
    await screen.findByRole('heading', { level: 1, name: 'Coorie is already set up' });
    expect(screen.queryByRole('button', { name: 'Set up Coorie' })).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeInTheDocument();
  });

  it('offers both the demo sign-in and setting up your own when only the demo organisation is here', async () => {
    stubServer(status(true, true));
    await renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(screen.getByText(/Only the demo organisation is on this server so far/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('link', { name: 'set up your own organisation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Coorie' })).toBeInTheDocument();
    expect(screen.getByText(/The demo organisation .* stays beside yours/)).toBeInTheDocument();
  });

  it('offers another organisation on a server with open registration', async () => {
    stubServer(status(false, false, true));
    await renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(screen.getByRole('link', { name: 'Set up Coorie' })).toHaveAttribute('href', '/setup');
  });

  it('shows sign-in without a setup link when the server cannot be reached', async () => {
    stubNoNetwork();
    await renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(screen.queryByRole('link', { name: /set up/i })).not.toBeInTheDocument();
  });
});

describe('joining with an invite code', () => {
  it('is offered on the sign-in screen, and says what to fix in each field', async () => {
    await openSignIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'I have an invite code' }));
    await screen.findByRole('heading', { level: 1, name: 'Join your team' });
    await user.type(field('Invite code'), 'KP7Q-2MX');
    await user.type(field('Choose a password'), 'short');
    await user.type(field('Type the password again'), 'shorter');
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));

    expect(field('Invite code')).toHaveFocus();
    expect(field('Invite code')).toHaveAccessibleDescription(
      '10 letters and numbers, for example KP7Q-2MXR-WD. Error: An invite code has 10 letters and numbers. Check it and try again.',
    );
    expect(field('Choose a password')).toHaveAccessibleDescription(
      'At least 10 characters. A few words strung together are easy to remember. Error: Your password needs at least 10 characters (it has 5).',
    );
    expect(field('Type the password again')).toHaveAccessibleDescription(
      "Error: The passwords don't match. Type the same password again.",
    );
    expect(field("This device's name")).toHaveAccessibleDescription(
      'So you can tell your devices apart, for example “Hall tablet 1”. Error: Give this device a name, like “Hall tablet 1”.',
    );
  });

  it('explains a code that has expired or been used', async () => {
    const calls = stubServer({
      'POST /api/invites/accept': () => apiError(400, 'invalid_invite', 'That invitation code is not valid.'),
    });
    await renderApp('/join');
    await screen.findByRole('heading', { level: 1, name: 'Join your team' });
    const user = userEvent.setup();
    await user.type(field('Invite code'), 'kp7q 2mxr wd');
    await user.type(field('Choose a password'), 'correct horse battery');
    await user.type(field('Type the password again'), 'correct horse battery');
    await user.type(field("This device's name"), 'Isla phone');
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "That invite code doesn't work: it may have expired or been used already. Ask your coordinator for a new one.",
    );
    expect(calls.find((call) => call.route === 'POST /api/invites/accept')?.body).toEqual({
      code: 'kp7q 2mxr wd',
      password: 'correct horse battery',
      device: 'Isla phone',
    });
  });

  it('says too many wrong invite codes, not too many sign-ins, when the server stops the tries', async () => {
    stubServer({
      'POST /api/invites/accept': () =>
        apiError(429, 'too_many_attempts', 'Too many wrong invite codes. Wait 15 minutes, then try again.'),
    });
    await renderApp('/join');
    await screen.findByRole('heading', { level: 1, name: 'Join your team' });
    const user = userEvent.setup();
    await user.type(field('Invite code'), 'kp7q 2mxr wd');
    await user.type(field('Choose a password'), 'correct horse battery');
    await user.type(field('Type the password again'), 'correct horse battery');
    await user.type(field("This device's name"), 'Isla phone');
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many wrong invite codes. Wait 15 minutes, then try again.',
    );
  });
});
