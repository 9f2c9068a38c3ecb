// Settings → Promotion, against the real server in this process: a coordinator is told what to fix, switches
// the public timetable on, sees it as a stranger would, and copies a ready-made post; others cannot open it.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMember, change, setUpOrganisation } from '../server/client.ts';
import { databases, useServer } from '../server/helpers.ts';
import { push } from '../server/people.ts';
import { saveRecord } from '../../src/db/records.ts';
import { londonDate, londonInstant } from '../../src/domain/london.ts';
import { freshDb, renderApp } from './helpers.tsx';
import { routeFetchTo, whoIs } from './privacy-server.ts';

vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 10_000 };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const server = useServer(databases()[0] ?? { name: 'sqlite' });

describe('promotion', () => {
  it('says what to fix, saves what is public, previews it and copies a post', async () => {
    const coordinator = await setUpOrganisation(server.app, 'Moray Peers');
    const soon = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString();
    await push(coordinator, [
      change('venue', 'v1', { name: 'Elgin Town Hall', locality: 'Elgin' }),
      change('session', 's1', {
        title: 'Baby chat',
        startsAt: soon,
        venueId: 'v1',
        kind: 'drop-in',
        facilitators: ['Morag Macleod'],
      }),
      change('attendee', 'a1', { displayName: 'Kirsty' }),
    ]);
    routeFetchTo(coordinator);
    await renderApp('/settings', { db: freshDb(), user: await whoIs(coordinator) });
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Promotion' }, SLOW);
    await user.click(within(section).getByRole('link', { name: 'Public timetable and poster' }));
    const on = await screen.findByRole('checkbox', { name: 'Show our timetable to the public' }, SLOW);
    expect(screen.getByText(/The public timetable is switched off/)).toBeInTheDocument();
    await user.click(on);
    await user.click(screen.getByRole('checkbox', { name: 'Drop-ins' }));
    const weeks = screen.getByRole('spinbutton', { name: 'How many weeks ahead to show' });
    await user.clear(weeks);
    await user.type(weeks, '20');
    await user.click(screen.getByRole('button', { name: 'Save what is public' }));
    expect(screen.getByRole('group', { name: 'Sessions to show' })).toHaveAccessibleDescription(
      expect.stringContaining('Choose at least one kind of session to show'),
    );
    expect(weeks).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter a whole number of weeks from 1 to 12.'),
    );
    expect((await coordinator.get('/api/organisation/publicity')).body.settings.enabled).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'Drop-ins' }));
    await user.clear(weeks);
    await user.type(weeks, '3');
    await user.type(screen.getByRole('textbox', { name: 'Introduction' }), 'Groups for parents.{Enter}All welcome.');
    await user.click(screen.getByRole('checkbox', { name: 'Health visitors' }));
    await user.click(screen.getByRole('button', { name: 'Save what is public' }));
    expect(
      await screen.findByText('Saved: the public timetable shows these settings within a minute.', {}, SLOW),
    ).toBeInTheDocument();
    const saved = (await coordinator.get('/api/organisation/publicity')).body.settings;
    expect(saved).toMatchObject({
      enabled: true,
      weeksAhead: 3,
      intro: 'Groups for parents. All welcome.',
      routes: ['health visitor'],
    });

    // The form starts again from what the server kept.
    expect(screen.getByRole('textbox', { name: 'Introduction' })).toHaveValue('Groups for parents. All welcome.');
    const share = await screen.findByRole('region', { name: 'Share the timetable' }, SLOW);
    expect(within(share).getByText(`${window.location.origin}/t/${saved.slug}`)).toBeInTheDocument();
    expect(within(share).getByRole('link', { name: 'Open the poster to print' })).toHaveAttribute(
      'href',
      `/t/${saved.slug}/poster`,
    );
    expect(await within(share).findByText('Baby chat', {}, SLOW)).toBeInTheDocument();
    const post = within(share).getByRole<HTMLTextAreaElement>('textbox', { name: 'Ready-made post' });
    expect(post.value).toContain('Coming up with Moray Peers:');
    expect(post.value).toContain('Baby chat at Elgin Town Hall, Elgin');
    expect(share.textContent).not.toMatch(/Morag|Kirsty/);
    await user.click(within(share).getByRole('button', { name: 'Copy the post' }));
    expect(await within(share).findByText('Post copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toContain(`/t/${saved.slug}`);
  });

  it('is not offered to a facilitator, and says who can help if they open it', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const facilitator = await addMember(coordinator, 'facilitator', 'Isla');
    routeFetchTo(facilitator);
    const who = await whoIs(facilitator);
    const view = await renderApp('/settings', { db: freshDb(), user: who });
    await screen.findByRole('heading', { name: 'Settings', level: 1 }, SLOW);
    expect(screen.queryByRole('region', { name: 'Promotion' })).not.toBeInTheDocument();
    view.unmount();
    await renderApp('/settings/promotion', { db: freshDb(), user: who });
    expect(await screen.findByText(/Only a coordinator can do this/, {}, SLOW)).toBeInTheDocument();
  });

  it('sets how parents heard against the routes promoted in Reports, with small numbers hidden', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const saved = await coordinator.call('PUT', '/api/organisation/publicity', {
      enabled: false,
      intro: '',
      contact: '',
      kinds: ['drop-in'],
      weeksAhead: 4,
      showVenues: true,
      whatToExpect: '',
      babiesWelcome: true,
      childcare: '',
      transport: '',
      routes: ['health visitor', 'GP'],
    });
    expect(saved.status).toBe(200);
    const db = freshDb();
    const lastWeek = londonDate(new Date(Date.now() - 7 * 24 * 3_600_000));
    await saveRecord(db, 'venue', 'v1', { name: 'Elgin Hall', locality: 'Elgin' });
    await saveRecord(db, 'session', 's1', {
      title: 'Drop-in',
      startsAt: londonInstant(lastWeek, '10:00'),
      venueId: 'v1',
      kind: 'drop-in',
    });
    const heard = ['health visitor', 'health visitor', 'health visitor', 'health visitor', 'health visitor', 'friend'];
    for (const [index, heardVia] of heard.entries()) {
      await saveRecord(db, 'attendee', `a${index}`, { displayName: `Parent ${index}`, heardVia });
      await saveRecord(db, 'checkIn', `s1:a${index}`, { sessionId: 's1', attendeeId: `a${index}`, present: true });
    }
    routeFetchTo(coordinator);
    await renderApp('/reports', { db, user: await whoIs(coordinator) });
    const table = await screen.findByRole('region', { name: 'How parents heard, against where we promote' }, SLOW);
    const row = (name: string) =>
      within(within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(row('Health visitor')).toEqual(['Yes', 'hidden']);
    expect(row('GP')).toEqual(['Yes', '0']);
    // One parent from a friend: "<5", and the 5 beside it kept back so that it cannot be worked out.
    expect(row('Friend')).toEqual(['No', '<5']);
  });
});
