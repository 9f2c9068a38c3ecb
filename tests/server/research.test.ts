// @vitest-environment node
// Peer research: who may design questionnaires, and the public link that parents answer on (no account, no
// cookie, no address stored, floods refused).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addMember, change, Client, PASSWORD, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { pullAll, push } from './people.ts';

const AT = '2026-11-24T10:00:00Z';
const QUESTIONS = [
  { id: 'came', type: 'yesno', text: 'Have you been to a group?', required: true, skip: [{ when: 'no', to: 'why' }] },
  { id: 'liked', type: 'shortText', text: 'What did you like?' },
  {
    id: 'why',
    type: 'single',
    text: 'What gets in the way?',
    options: [
      { id: 'car', label: 'Transport' },
      { id: 'kids', label: 'Childcare' },
    ],
    other: true,
  },
];

const questionnaire = (linkId: string, extra: Record<string, unknown> = {}) => ({
  title: 'What would help you?',
  about: 'Run by Moray Peers. No names.',
  status: 'open',
  linkId,
  versions: [{ number: 1, createdAt: AT, questions: QUESTIONS }],
  ...extra,
});

const answerId = () => randomUUID().replaceAll('-', '');

describe.each(databases())('peer research on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });
  let address = 0;
  /** Each test sends from its own address, so that the hourly limit of one does not reach the next. */
  const nextAddress = () => `198.51.100.${++address}`;

  async function send(linkId: string, body: unknown, remoteAddress: string) {
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/public/questionnaires/${linkId}/responses`,
      payload: body as object,
      remoteAddress,
    });
    return { status: response.statusCode, body: response.json(), setCookie: response.headers['set-cookie'] };
  }

  async function publish(extra: Record<string, unknown> = {}) {
    const coordinator = await setUpOrganisation(server.app);
    const linkId = `L${answerId()}`;
    const [result] = await push(coordinator, [change('questionnaire', 'qn1', questionnaire(linkId, extra))]);
    expect(result?.status).toBe('applied');
    return { coordinator, linkId };
  }

  it('lets coordinators and peer researchers design questionnaires, and no one else', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const facilitator = await addMember(coordinator, 'facilitator', 'Morag');
    const visitor = await addMember(coordinator, 'visitor', 'Isla');
    const draft = change('questionnaire', 'qn1', questionnaire('link-one'));
    expect((await push(facilitator, [draft]))[0]?.code).toBe('forbidden');
    const team = (await coordinator.get('/api/users')).body.users as { id: string; name: string }[];
    const morag = team.find((user) => user.name === 'Morag')!.id;
    expect((await visitor.patch(`/api/users/${morag}`, { peerResearcher: true })).status).toBe(403);
    const marked = await coordinator.patch(`/api/users/${morag}`, { peerResearcher: true });
    expect(marked.status).toBe(200);
    expect(marked.body.user.peerResearcher).toBe(true);
    expect((await push(facilitator, [draft]))[0]?.status).toBe('applied');
    expect((await push(visitor, [change('questionnaire', 'qn1', { title: 'Mine now' })]))[0]?.code).toBe('forbidden');
    // Everyone in the team reads it; anyone may answer it.
    expect((await pullAll(visitor)).records.get('questionnaire/qn1')?.values.title).toBe('What would help you?');
    const answer = change('response', 'r1', {
      questionnaireId: 'qn1',
      version: 1,
      how: 'kiosk',
      answers: { came: true },
    });
    expect((await push(visitor, [answer]))[0]?.status).toBe('applied');
    await coordinator.patch(`/api/users/${morag}`, { peerResearcher: false });
    expect((await push(facilitator, [change('questionnaire', 'qn1', { title: 'Again' })]))[0]?.code).toBe('forbidden');
  });

  it('tells each device, at sign-in and on /api/me, whether its member is marked as a peer researcher', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const facilitator = await addMember(coordinator, 'facilitator', 'Morag');
    expect((await coordinator.get('/api/me')).body.user.peerResearcher).toBe(false);
    const before = await facilitator.get('/api/me');
    expect(before.status).toBe(200);
    expect(before.body.user).toMatchObject({ name: 'Morag', role: 'facilitator', peerResearcher: false });
    const team = (await coordinator.get('/api/users')).body.users as { id: string; name: string; email: string }[];
    const morag = team.find((user) => user.name === 'Morag')!;
    await coordinator.patch(`/api/users/${morag.id}`, { peerResearcher: true });
    // The same sign-in learns of the change at its next /api/me, and a new sign-in is told at once.
    expect((await facilitator.get('/api/me')).body.user.peerResearcher).toBe(true);
    const tablet = new Client(server.app);
    const signedIn = await tablet.post('/api/auth/sign-in', { email: morag.email, password: PASSWORD, device: 'Hall' });
    expect(signedIn.body.user.peerResearcher).toBe(true);
    await coordinator.patch(`/api/users/${morag.id}`, { peerResearcher: false });
    expect((await tablet.get('/api/me')).body.user.peerResearcher).toBe(false);
  });

  it('keeps answers with a person only with their consent', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const values = { questionnaireId: 'qn1', version: 1, how: 'visit', answers: { came: true }, attendeeId: 'a1' };
    expect((await push(coordinator, [change('response', 'r1', values)]))[0]?.code).toBe('invalid_value');
    const consented = change('response', 'r2', { ...values, consent: true });
    expect((await push(coordinator, [consented]))[0]?.status).toBe('applied');
  });

  it('exports and erases answers kept with a person along with the person', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const values = { questionnaireId: 'qn1', version: 1, how: 'visit', answers: { came: true }, attendeeId: 'a1' };
    await push(coordinator, [
      change('attendee', 'a1', { displayName: 'Kirsty' }),
      change('response', 'r1', { ...values, consent: true }),
      change('response', 'r2', { questionnaireId: 'qn1', version: 1, how: 'kiosk', answers: { came: false } }),
    ]);
    const exported = await coordinator.get('/api/people/a1/export');
    expect(JSON.stringify(exported.body)).toContain('"r1"');
    expect(JSON.stringify(exported.body)).not.toContain('"r2"');
    const erased = await coordinator.post('/api/people/a1/erase');
    expect(erased.status).toBe(200);
    const { records } = await pullAll(coordinator);
    expect(records.get('response/r1')?.values).toEqual({ deleted: true, erased: true });
    expect(records.get('response/r2')?.values.answers).toEqual({ came: false });
  });

  it('shows an open questionnaire by its link, without a cookie, and nothing for a draft, a closed or an unknown one', async () => {
    const { coordinator, linkId } = await publish();
    const signedOut = new Client(server.app);
    const open = await signedOut.get(`/api/public/questionnaires/${linkId}`);
    expect(open.status).toBe(200);
    expect(open.setCookie).toEqual([]);
    expect(open.body.questionnaire).toMatchObject({ title: 'What would help you?', version: 1 });
    expect(open.body.questionnaire.questions).toHaveLength(3);
    expect((await signedOut.get('/api/public/questionnaires/nothing-here')).status).toBe(404);
    expect((await signedOut.get('/api/public/questionnaires/bad%20id')).status).toBe(400);
    await push(coordinator, [change('questionnaire', 'qn1', { status: 'draft' }, undefined)]);
    const draft = await signedOut.get(`/api/public/questionnaires/${linkId}`);
    expect(draft.status).toBe(404);
    expect(draft.body.error.message).toMatch(/no questionnaire at this link/);
    await push(coordinator, [change('questionnaire', 'qn1', { status: 'closed' })]);
    const closed = await signedOut.get(`/api/public/questionnaires/${linkId}`);
    expect(closed.status).toBe(410);
    expect(closed.body.error.code).toBe('closed');
    const late = await send(linkId, { id: answerId(), version: 1, answers: { came: true } }, nextAddress());
    expect(late.status).toBe(410);
    expect((await send('no-such-link', { id: answerId(), version: 1, answers: {} }, nextAddress())).status).toBe(404);
  });

  it('carries a question’s help, range and end words to the link, holds answers to the range, and refuses bad settings', async () => {
    const settings = [
      ...QUESTIONS,
      { id: 'kids', type: 'number', text: 'How many children?', help: 'Count all ages.', min: 1, max: 12 },
      { id: 'felt', type: 'scale', scale: '1-5', text: 'How welcome?', lowLabel: 'Not at all', highLabel: 'Very' },
    ];
    const versions = [{ number: 1, createdAt: AT, questions: settings }];
    const { coordinator, linkId } = await publish({ versions, linkCap: 50 });
    const read = await new Client(server.app).get(`/api/public/questionnaires/${linkId}`);
    expect(read.body.questionnaire.questions.slice(3)).toEqual(settings.slice(3));
    const tooMany = await send(
      linkId,
      { id: answerId(), version: 1, answers: { came: true, kids: 13 } },
      nextAddress(),
    );
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('Type a number no more than 12.');
    const refused = await push(coordinator, [
      change('questionnaire', 'qn1', { linkCap: 10_001 }),
      change('questionnaire', 'qn2', questionnaire('link-two', { linkCap: 0 })),
      change(
        'questionnaire',
        'qn3',
        questionnaire('link-three', { versions: [{ ...versions[0], questions: [{ ...settings[3], min: 20 }] }] }),
      ),
      change(
        'questionnaire',
        'qn4',
        questionnaire('link-four', {
          versions: [{ ...versions[0], questions: [{ ...settings[4], lowLabel: 'x'.repeat(61) }] }],
        }),
      ),
    ]);
    expect(refused.map((result) => result?.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(refused[2]?.message).toMatch(/smallest number allowed is above the largest/);
  });

  it('prints the open link as a poster with its QR code, and as the QR code alone, for anyone with the link', async () => {
    const { coordinator, linkId } = await publish({ title: 'What would <help> you?' });
    const signedOut = new Client(server.app);
    const poster = await signedOut.get(`/q/${linkId}/poster`, { host: 'coorie.example.org' });
    expect(poster.status).toBe(200);
    expect(poster.setCookie).toEqual([]);
    expect(poster.headers['content-type']).toContain('text/html');
    expect(poster.headers['content-security-policy']).toContain("default-src 'none'");
    const html = String(poster.body);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('<h1>What would &lt;help&gt; you?</h1>');
    expect(html).toContain('Run by Moray Peers. No names.');
    expect(html).toMatch(/<svg[^>]*class="qr"/);
    expect(html).toContain(`http://coorie.example.org/answer/${linkId}`);
    // Nothing but what the public link itself shows: no question wording, no answers.
    expect(html).not.toContain('Have you been to a group?');

    const qr = await signedOut.get(`/q/${linkId}/qr.svg`, { host: 'coorie.example.org' });
    expect(qr.status).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(String(qr.body)).toMatch(/^<svg[^>]*aria-label="QR code: answer “What would &lt;help&gt; you\?”"/);

    expect((await coordinator.get(`/q/${linkId}/poster`)).status).toBe(200);
    expect((await signedOut.get('/q/nothing-here/poster')).status).toBe(404);
    expect((await signedOut.get('/q/nothing-here/qr.svg')).status).toBe(404);
    expect((await signedOut.get('/q/bad%20id/poster')).status).toBe(400);
    await push(coordinator, [change('questionnaire', 'qn1', { status: 'draft' })]);
    expect((await signedOut.get(`/q/${linkId}/poster`)).status).toBe(404);
    await push(coordinator, [change('questionnaire', 'qn1', { status: 'closed' })]);
    expect((await signedOut.get(`/q/${linkId}/poster`)).status).toBe(410);
    expect((await signedOut.get(`/q/${linkId}/qr.svg`)).status).toBe(410);
  });

  it('stores answers by link with no address, device or person, once however often they are sent', async () => {
    const { coordinator, linkId } = await publish();
    const ip = nextAddress();
    const id = answerId();
    const body = { id, version: 1, answers: { came: false, liked: 'skipped', why: 'other' }, other: { why: 'Bus' } };
    const saved = await send(linkId, body, ip);
    expect(saved).toMatchObject({ status: 200, body: { status: 'saved' } });
    expect(saved.setCookie).toBeUndefined();
    expect((await send(linkId, { ...body, answers: { came: true } }, ip)).body.status).toBe('already_saved');
    const { records } = await pullAll(coordinator);
    const responses = [...records.values()].filter((record) => record.kind === 'response');
    expect(responses).toHaveLength(1);
    // The answer skipped past ("liked") is dropped; nothing names a person, a device or the address.
    expect(responses[0]?.values).toEqual({
      questionnaireId: 'qn1',
      version: 1,
      how: 'link',
      answeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      answers: { came: false, why: 'other' },
      other: { why: 'Bus' },
    });
    const { db } = server.app.store;
    const stored = JSON.stringify([
      await db.selectFrom('records').selectAll().where('kind', '=', 'response').execute(),
      await db.selectFrom('record_changes').selectAll().execute(),
      await db.selectFrom('audit_log').selectAll().execute(),
    ]);
    expect(stored).not.toContain(ip);
  });

  it('refuses bad, incomplete and oversized answers, saying what is wrong', async () => {
    const { linkId } = await publish();
    const ip = nextAddress();
    const missing = await send(linkId, { id: answerId(), version: 1, answers: {} }, ip);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      code: 'invalid_answers',
      details: [{ questionId: 'came', message: 'Choose an answer.' }],
    });
    const other = await send(linkId, { id: answerId(), version: 1, answers: { came: false, why: 'other' } }, ip);
    expect(other.body.error.details[0].message).toMatch(/say what/);
    const wrong = await send(linkId, { id: answerId(), version: 1, answers: { came: 'perhaps' } }, ip);
    expect(wrong.status).toBe(400);
    const extra = await send(linkId, { id: answerId(), version: 1, answers: { came: true }, ip: '1.2.3.4' }, ip);
    expect(extra.status).toBe(400);
    expect((await send(linkId, { id: 'short', version: 1, answers: { came: true } }, ip)).status).toBe(400);
    const gone = await send(linkId, { id: answerId(), version: 7, answers: { came: true } }, ip);
    expect(gone).toMatchObject({ status: 409, body: { error: { code: 'version_gone' } } });
    const huge = await send(
      linkId,
      { id: answerId(), version: 1, answers: { came: true, liked: 'x'.repeat(40_000) } },
      ip,
    );
    expect(huge.status).toBe(413);
  });

  it('holds back a flood from one address, and stops at the questionnaire’s cap', async () => {
    const { linkId } = await publish({ linkCap: 22 });
    const ip = nextAddress();
    const statuses: number[] = [];
    for (let index = 0; index < 21; index++) {
      statuses.push((await send(linkId, { id: answerId(), version: 1, answers: { came: true } }, ip)).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
    const elsewhere = nextAddress();
    expect((await send(linkId, { id: answerId(), version: 1, answers: { came: true } }, elsewhere)).status).toBe(200);
    expect((await send(linkId, { id: answerId(), version: 1, answers: { came: true } }, elsewhere)).status).toBe(200);
    const full = await send(linkId, { id: answerId(), version: 1, answers: { came: true } }, elsewhere);
    expect(full).toMatchObject({ status: 409, body: { error: { code: 'link_full' } } });
  });
});
