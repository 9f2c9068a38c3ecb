import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, json, renderApp, stubNoNetwork, stubServer } from './helpers.tsx';

const SECTIONS = [
  ['Today', '/'],
  ['Sessions', '/sessions'],
  ['People', '/people'],
  ['Visits', '/visits'],
  ['Activities', '/activities'],
  ['Reports', '/reports'],
  ['Settings', '/settings'],
] as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the tablet shell', () => {
  it.each(SECTIONS)('opens %s with its heading, and marks its link as the current page', async (label, path) => {
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    await renderApp(path, { user: ALEX });

    expect(await screen.findByRole('heading', { level: 1, name: label })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(SECTIONS.map(([name]) => name));
    for (const link of links) {
      if (link.textContent === label) expect(link).toHaveAttribute('aria-current', 'page');
      else expect(link).not.toHaveAttribute('aria-current');
    }
    expect(within(nav).getByRole('link', { name: label })).toHaveAttribute('href', path);
  });

  it('moves between sections from the navigation', async () => {
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    await renderApp('/', { user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'People' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'People' });
    expect(screen.getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
    // Focus moves once the screen has drawn, which on a busy machine can be a moment after the heading shows.
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('has a skip link to the main content', async () => {
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    await renderApp('/', { user: ALEX });
    expect(await screen.findByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });

  it('shows friendly empty states before anything is recorded', async () => {
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    await renderApp('/sessions', { user: ALEX });
    expect(await screen.findByText('No sessions planned yet.')).toBeInTheDocument();
  });

  it('lists sessions by start time, and a new one appears as soon as it is saved', async () => {
    stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    const { db } = await renderApp('/sessions', { user: ALEX });
    await saveRecord(db, 'session', 's2', { title: 'Buckie drop-in', startsAt: '2026-03-10T10:00:00Z' });
    await saveRecord(db, 'session', 's1', { title: 'Elgin drop-in', startsAt: '2026-03-03T10:00:00Z' });

    // Both are in the past (the list puts what is coming up first), so they are listed latest first.
    const list = await screen.findByRole('list', { name: 'Past sessions' });
    await within(list).findByText('Buckie drop-in');
    await within(list).findByText('Elgin drop-in');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.record-title')?.textContent),
    ).toEqual(['Buckie drop-in', 'Elgin drop-in']);
  });

  it('opens offline for the user cached on this tablet', async () => {
    stubNoNetwork();
    await renderApp('/', { user: ALEX });
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
  });

  it('sends someone not signed in to the sign-in screen', async () => {
    stubServer();
    await renderApp('/sessions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeInTheDocument();
  });

  it('signs out when the server tells it the session has ended', async () => {
    stubServer();
    await renderApp('/', { user: ALEX });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeInTheDocument();
  });
});
