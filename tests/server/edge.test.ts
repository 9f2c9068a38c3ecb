// @vitest-environment node
// The rules every request meets at the door (src/server/plugins/guards.ts), tried as a hostile client would: writes
// from other sites under every spelling of an address, and control characters in every part of a request.
import { describe, expect, it } from 'vitest';
import { change, Client, PASSWORD, pushBody, setUpOrganisation, uniqueEmail } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { personChanges, pullAll, push } from './people.ts';

const EVIL = { origin: 'https://evil.example' };

describe.each(databases())('the cross-site guard on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  it('refuses a write from another site however its address is spelt, and erases nobody', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, personChanges('a1'));
    const spellings = [
      '/%61pi/people/a1/erase',
      '/api/people/a1/%65rase',
      '/api/people/%61%31/erase',
      '//api/people/a1/erase',
      '/api//people/a1/erase',
      '/api/../api/people/a1/erase',
      '/api/./people/a1/erase',
      '/API/people/a1/erase',
      '/Api/People/a1/Erase',
      '/api/people/a1/erase/',
      '/api/people/a1/erase?x=1',
    ];
    for (const url of spellings) {
      const answer = await coordinator.call('POST', url, {}, EVIL);
      expect({ url, status: answer.status, body: answer.body }).toEqual({
        url,
        status: 403,
        body: { error: { code: 'cross_site', message: expect.any(String) } },
      });
    }
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const answer = await coordinator.call(method, '/%61pi/devices/d1', {}, EVIL);
      expect({ method, status: answer.status }).toEqual({ method, status: 403 });
    }
    // An address that matches no route, and a page outside the API, are refused too: the rule is the method.
    expect((await coordinator.call('POST', '/index.html', {}, EVIL)).status).toBe(403);
    const { records } = await pullAll(coordinator);
    expect(records.get('attendee/a1')?.values.displayName).toBe('Kirsty');
  });

  it('lets the same writes through from its own pages and from clients that send no Origin', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, personChanges('a1'));
    await push(coordinator, personChanges('a2'));
    const own = { origin: 'http://coorie.test', host: 'coorie.test' };
    const sameSite = await coordinator.call('POST', '/%61pi/people/a1/erase', {}, own);
    expect(sameSite.status).toBe(200);
    const noOrigin = await coordinator.call('POST', '/api/people/a2/erase', {});
    expect(noOrigin.status).toBe(200);
    // Reading is never refused: a link from another site may open the app.
    expect((await coordinator.get('/%61pi/me', EVIL)).status).toBe(200);
  });
});

describe.each(databases())('control characters at the door on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  const refused = (answer: { status: number; body: { error?: { code?: string } } }) => ({
    status: answer.status,
    code: answer.body.error?.code,
  });
  const INVALID = { status: 400, code: 'invalid_input' };

  it('refuses NUL in the device id of a push, the device name of a sign-in and an organisation name', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const deviceId = await coordinator.post('/api/sync/push', pushBody([], 'b-nul', 'tablet\u0000one'));
    expect(refused(deviceId)).toEqual(INVALID);
    const signIn = await new Client(server.app).post('/api/auth/sign-in', {
      email: uniqueEmail(),
      password: PASSWORD,
      device: 'Hall\u0000tablet',
    });
    expect(refused(signIn)).toEqual(INVALID);
    for (const organisation of ['Moray\u0000Peers', 'Moray\u0007Peers', 'Moray\nPeers', 'Moray\u001bPeers']) {
      const answer = await new Client(server.app).post('/api/organisations', {
        organisation,
        name: 'Ailsa',
        email: uniqueEmail(),
        password: PASSWORD,
      });
      expect({ organisation, ...refused(answer) }).toEqual({ organisation, ...INVALID });
    }
    // A key is text too.
    const key = await coordinator.post('/api/users', { 'na\u0000me': 'Morag' });
    expect(refused(key)).toEqual(INVALID);
  });

  it('refuses NUL in an audit filter and in a record id in the address, however the address is spelt', async () => {
    const coordinator = await setUpOrganisation(server.app);
    for (const url of [
      '/api/audit?action=sign%00in',
      '/api/audit?kind=note&id=n%01',
      '/api/audit?%00=1',
      '/api/people/a%00b/export',
      '/%61pi/people/a%00b/export',
      '/api/records/attendee/a%00b/history',
      '/api/records/attendee%1f/a1/history',
    ]) {
      const answer = await coordinator.get(url);
      expect({ url, ...refused(answer) }).toEqual({ url, ...INVALID });
    }
    const erase = await coordinator.post('/api/people/a%00b/erase', {});
    expect(refused(erase)).toEqual(INVALID);
    const device = await coordinator.delete('/api/devices/d%00');
    expect(refused(device)).toEqual(INVALID);
  });

  it('keeps line breaks and tabs in record text, and rejects only the change with another control character', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const results = await push(coordinator, [
      change('attendee', 'a1', { displayName: 'Kirsty' }),
      change('note', 'n1', { attendeeId: 'a1', body: 'Slept better.\nTalked about her mum.\r\n\tLooked brighter.' }),
      change('note', 'n2', { attendeeId: 'a1', body: 'Bad\u0000text' }),
      change('attendee', 'a2', { displayName: 'Jo', babies: [{ alias: 'Wee\u0008one' }] }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'rejected', 'rejected']);
    expect(results[2]).toMatchObject({ code: 'invalid_value', message: expect.stringMatching(/body.*control/) });
    expect(results[3]).toMatchObject({ code: 'invalid_value', message: expect.stringMatching(/babies\.0\.alias/) });
    const { records } = await pullAll(coordinator);
    expect(records.get('note/n1')?.values.body).toBe('Slept better.\nTalked about her mum.\r\n\tLooked brighter.');
    expect(records.has('note/n2')).toBe(false);
    expect(records.has('attendee/a2')).toBe(false);
  });
});

/** Requests through a proxy at 127.0.0.1 (inject's socket address) from the client address `via` saw. */
const forwarded = (chain: string) => ({ 'x-forwarded-for': chain });

describe.each(databases())('behind one trusted proxy on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { TRUST_PROXY: 'true', SYNC_RATE_LIMIT: '3' });

  it('limits by the address the proxy saw, whatever the client writes further left', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const answer = await new Client(server.app).get('/api/sync/pull', forwarded(`198.51.100.${i}, 203.0.113.7`));
      statuses.push(answer.status);
    }
    // Without a session the sync limit counts per address: three, then refused, however the left-most entry varies.
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const neighbour = await new Client(server.app).get('/api/sync/pull', forwarded('203.0.113.8'));
    expect(neighbour.status).toBe(401);
  });

  it('writes the address the proxy saw into the audit log of a sign-in', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const email = uniqueEmail('morag');
    await coordinator.post('/api/users', { name: 'Morag', email, role: 'visitor', password: PASSWORD });
    const signIn = await new Client(server.app).post(
      '/api/auth/sign-in',
      { email, password: PASSWORD, device: 'Phone' },
      forwarded('10.9.8.7, 203.0.113.7'),
    );
    expect(signIn.status).toBe(200);
    const audit = await coordinator.get('/api/audit?action=sign_in');
    const ips = audit.body.entries.map((entry: { detail: { ip?: string } }) => entry.detail.ip);
    expect(ips).toContain('203.0.113.7');
    expect(ips).not.toContain('10.9.8.7');
  });
});

describe.each(databases())('behind two trusted proxies on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { TRUST_PROXY: '2' });

  it('takes the address the outer proxy saw, and still knows the request came over https', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const email = uniqueEmail('morag');
    await coordinator.post('/api/users', { name: 'Morag', email, role: 'visitor', password: PASSWORD });
    const signIn = await new Client(server.app).post(
      '/api/auth/sign-in',
      { email, password: PASSWORD, device: 'Phone' },
      { ...forwarded('10.9.8.7, 203.0.113.7, 10.0.0.2'), 'x-forwarded-proto': 'https' },
    );
    expect(signIn.status).toBe(200);
    expect(signIn.setCookie.join()).toMatch(/; Secure/);
    const audit = await coordinator.get('/api/audit?action=sign_in');
    const ips = audit.body.entries.map((entry: { detail: { ip?: string } }) => entry.detail.ip);
    expect(ips).toEqual(['203.0.113.7']);
  });
});
