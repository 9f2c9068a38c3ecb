// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addMember, change, setUpOrganisation, type Client } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { personChanges, push } from './people.ts';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();

const SETTINGS = {
  enabled: true,
  intro: 'Friendly groups for parents and babies across Moray.',
  contact: 'Call the office on 01343 000000',
  kinds: ['drop-in', 'course'],
  weeksAhead: 4,
  showVenues: true,
  whatToExpect: 'A cuppa, a chat and toys for the babies.',
  babiesWelcome: true,
  childcare: 'A creche for older siblings.',
  transport: 'We can pay for a taxi.',
  routes: ['social media', 'health visitor'],
};

/** What a session and everyone around it may hold, none of which may reach the public. */
const SECRETS = ['Kirsty', 'seemed low', '07700 900123', '07700900456', 'Morag Macleod', 'Granny Jean', 'lemon'];

async function seed(coordinator: Client) {
  const facilitator = await addMember(coordinator, 'facilitator', 'Morag');
  await push(facilitator, [
    change('venue', 'v1', {
      name: 'Elgin Town Hall',
      locality: 'Elgin',
      address: 'High Street',
      access: 'Key from Granny Jean at number 4',
      babyChange: true,
      parking: false,
    }),
    change('session', 's1', {
      title: 'Baby chat',
      startsAt: inDays(2),
      endsAt: inDays(2, 2),
      venueId: 'v1',
      kind: 'drop-in',
      theme: 'identity',
      facilitators: ['Morag Macleod'],
      childcare: 'Granny Jean minds the toddlers; ring her on 07700900456',
      outline: ['Kirsty to talk about her week'],
      reflection: 'Kirsty seemed low',
      status: 'planned',
    }),
    change('session', 's2', {
      title: 'Text Morag on 07700 900123 first',
      startsAt: inDays(3),
      venueId: 'v1',
      kind: 'course',
    }),
    change('session', 's3', { title: 'Kirsty at home', startsAt: inDays(1), kind: '1-2-1' }),
    change('session', 's4', { title: 'Far ahead', startsAt: inDays(60), kind: 'drop-in' }),
    change('session', 's5', { title: 'Last week', startsAt: inDays(-7), kind: 'drop-in' }),
    ...personChanges('a1'),
  ]);
}

describe.each(databases())('the public timetable on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  async function published(coordinator: Client, settings: object = SETTINGS) {
    const answer = await coordinator.call('PUT', '/api/organisation/publicity', settings);
    expect(answer.status).toBe(200);
    return answer.body.settings.slug as string;
  }

  it('starts switched off with an address of its own, and keeps what a coordinator saves', async () => {
    const coordinator = await setUpOrganisation(server.app, 'Moray Peers');
    const first = await coordinator.get('/api/organisation/publicity');
    expect(first.status).toBe(200);
    expect(first.body.settings).toMatchObject({ enabled: false, organisation: 'Moray Peers' });
    expect(first.body.settings.slug).toMatch(/^moray-peers-[a-z0-9]{8}$/);
    expect((await coordinator.get(`/api/public/timetable/${first.body.settings.slug}`)).status).toBe(404);

    const slug = await published(coordinator);
    expect(slug).toBe(first.body.settings.slug);
    const again = await coordinator.get('/api/organisation/publicity');
    expect(again.body.settings).toEqual({ ...SETTINGS, slug, organisation: 'Moray Peers' });

    const moved = await coordinator.call('PUT', '/api/organisation/publicity', { ...SETTINGS, newLink: true });
    expect(moved.body.settings.slug).not.toBe(slug);
    expect((await coordinator.get(`/api/public/timetable/${slug}`)).status).toBe(404);
    expect((await coordinator.get(`/api/public/timetable/${moved.body.settings.slug}`)).status).toBe(200);
  });

  it('shows the coming sessions to anyone, with nothing about any person', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await seed(coordinator);
    const slug = await published(coordinator);
    const stranger = new (coordinator.constructor as typeof Client)(server.app);
    const answer = await stranger.get(`/api/public/timetable/${slug}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(answer.headers.etag).toBeTruthy();
    expect(answer.body.sessions.map((session: { title: string }) => session.title)).toEqual([
      'Baby chat',
      'Text Morag on … first',
    ]);
    expect(answer.body.sessions[0]).toEqual({
      title: 'Baby chat',
      startsAt: expect.any(String),
      endsAt: expect.any(String),
      kind: 'drop-in',
      theme: 'identity',
      cancelled: false,
      venue: { name: 'Elgin Town Hall', locality: 'Elgin', address: 'High Street', babyChange: true, parking: false },
    });
    expect(answer.body).toMatchObject({ organisation: 'Moray Peers', childcare: SETTINGS.childcare });

    const again = await stranger.get(`/api/public/timetable/${slug}`, { 'if-none-match': String(answer.headers.etag) });
    expect(again.status).toBe(304);

    for (const url of [`/api/public/timetable/${slug}`, `/t/${slug}`, `/t/${slug}/poster`]) {
      const page = await stranger.get(url);
      expect(page.status).toBe(200);
      const text = typeof page.body === 'string' ? page.body : JSON.stringify(page.body);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it('serves the pages as HTML that says who runs them, with a QR code on the poster', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await seed(coordinator);
    const slug = await published(coordinator);
    const page = await coordinator.get(`/t/${slug}`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('Run by Moray Peers.');
    expect(page.body).toContain('Babies welcome.');
    expect(page.body).toContain('Elgin Town Hall');
    const poster = await coordinator.get(`/t/${slug}/poster`, { host: 'coorie.example.org' });
    expect(poster.body).toContain('@page{size:A4');
    expect(poster.body).toMatch(/<svg[^>]*class="qr"/);
    expect(poster.body).toContain(`http://coorie.example.org/t/${slug}`);
  });

  it('hides venue names and addresses when asked, and shows only the kinds chosen', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await seed(coordinator);
    const slug = await published(coordinator, { ...SETTINGS, showVenues: false, kinds: ['course'] });
    const answer = await coordinator.get(`/api/public/timetable/${slug}`);
    expect(answer.body.sessions).toHaveLength(1);
    expect(answer.body.sessions[0].venue).toEqual({
      name: null,
      locality: 'Elgin',
      address: null,
      babyChange: true,
      parking: false,
    });
  });

  it('answers 404 for an unknown or switched-off address', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const slug = await published(coordinator);
    await published(coordinator, { ...SETTINGS, enabled: false });
    for (const url of [
      `/api/public/timetable/${slug}`,
      `/t/${slug}`,
      '/api/public/timetable/nobody-abc',
      '/t/nobody-abc/poster',
    ]) {
      expect((await coordinator.get(url)).status).toBe(404);
    }
  });

  it('refuses bad settings with 400 and says what to fix', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const bad = [
      { ...SETTINGS, kinds: ['1-2-1'] },
      { ...SETTINGS, weeksAhead: 0 },
      { ...SETTINGS, weeksAhead: 13 },
      { ...SETTINGS, routes: ['billboards'] },
      { ...SETTINGS, intro: 'x'.repeat(1001) },
      { ...SETTINGS, surprise: true },
      { ...SETTINGS, enabled: 'yes' },
    ];
    for (const body of bad) {
      const answer = await coordinator.call('PUT', '/api/organisation/publicity', body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.length).toBeGreaterThan(0);
    }
  });

  it('keeps each organisation to its own settings and sessions', async () => {
    const moray = await setUpOrganisation(server.app, 'Moray Peers');
    await seed(moray);
    const morayslug = await published(moray);
    const nairn = await setUpOrganisation(server.app, 'Nairn Mums');
    const own = await nairn.get('/api/organisation/publicity');
    expect(own.body.settings).toMatchObject({ organisation: 'Nairn Mums', enabled: false });
    expect(own.body.settings.slug).not.toBe(morayslug);
    const nairnSlug = await published(nairn, { ...SETTINGS, intro: 'Nairn groups.' });
    expect((await moray.get('/api/organisation/publicity')).body.settings.intro).toBe(SETTINGS.intro);
    const theirs = await nairn.get(`/api/public/timetable/${nairnSlug}`);
    expect(theirs.body).toMatchObject({ organisation: 'Nairn Mums', intro: 'Nairn groups.', sessions: [] });
  });

  it('keeps the settings to coordinators', async () => {
    const coordinator = await setUpOrganisation(server.app);
    for (const role of ['facilitator', 'visitor'] as const) {
      const member = await addMember(coordinator, role);
      expect((await member.get('/api/organisation/publicity')).status).toBe(403);
      expect((await member.call('PUT', '/api/organisation/publicity', SETTINGS)).status).toBe(403);
    }
    const stranger = new (coordinator.constructor as typeof Client)(server.app);
    expect((await stranger.get('/api/organisation/publicity')).status).toBe(401);
  });
});
