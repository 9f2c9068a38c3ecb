// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addMember, change, hlc, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { personChanges, push } from './people.ts';

describe.each(databases())('subject access export on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it('gives a coordinator every record about the person, duplicates included, as plain values', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor');
    await push(visitor, [
      ...personChanges('a1'),
      ...personChanges('a2', 'Eilidh'),
      change('attendee', 'dup1', { displayName: 'Kirsty M', mergedInto: 'a1' }),
      change('note', 'n-dup1', { attendeeId: 'dup1', body: 'Asked about the baby massage class.' }),
      change('note', 'n-gone', { attendeeId: 'a1', body: 'Written in error.', deleted: true }),
      change('response', 'q-anon', { questionnaireId: 'qn1', version: 1, how: 'kiosk', answers: { came: false } }),
    ]);
    const answer = await coordinator.get('/api/people/a1/export');
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body.person).toEqual({
      id: 'a1',
      displayName: 'Kirsty',
      cake: 'lemon drizzle',
      contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
    });
    expect(body.mergedPeople).toEqual([{ id: 'dup1', displayName: 'Kirsty M', mergedInto: 'a1' }]);
    expect(body.checkIns).toEqual([{ id: 's1:a1', sessionId: 's1', attendeeId: 'a1', withBaby: true }]);
    expect(body.outreach).toHaveLength(1);
    expect(body.visits).toEqual([{ id: 'v-a1', attendeeId: 'a1', at: '2026-11-20T10:00:00Z' }]);
    expect(body.bookings).toEqual([
      {
        id: 's1:a1',
        sessionId: 's1',
        attendeeId: 'a1',
        crecheBooked: true,
        travel: 'taxi',
        travelArranged: true,
        travelNote: 'Taxi from the square at 9.30',
      },
    ]);
    // Referrals are personal data: in the copy with their reason, as plain values.
    expect(body.referrals).toEqual([
      {
        id: 'r-a1',
        attendeeId: 'a1',
        partnerId: 'p-hub',
        reason: 'Kirsty asked about money advice.',
        consentGiven: true,
        madeAt: '2026-11-20T11:00:00Z',
        followUpDue: '2026-12-04',
      },
    ]);
    // Research answers kept with her, with her consent, are hers to see; anonymous answers name nobody.
    expect(body.responses).toEqual([
      {
        id: 'q-a1',
        questionnaireId: 'qn1',
        version: 1,
        how: 'visit',
        answeredOn: '2026-11-20',
        answers: { came: true, wish: 'Kirsty would like an evening group.' },
        attendeeId: 'a1',
        consent: true,
      },
    ]);
    // The visitor's private note is in it: a subject access request covers every note, and deleted ones
    // that are still held.
    expect(body.notes.map((note: { id: string }) => note.id).sort()).toEqual(['n-a1', 'n-dup1', 'n-gone']);
    expect(Date.parse(body.exportedAt)).not.toBeNaN();
    expect(JSON.stringify(body)).not.toMatch(/Eilidh|versions/);

    const audit = await coordinator.get('/api/audit?action=person_exported');
    expect(audit.body.entries).toEqual([expect.objectContaining({ kind: 'attendee', recordId: 'a1' })]);
  });

  it('includes earlier values the history keeps, and names who recorded what', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Morag');
    const visitorId = (await visitor.get('/api/me')).body.user.id as string;
    const contact = (phone: string) => ({ phone, okToText: true, okToVoicemail: false, okToNameCharity: false });
    await push(visitor, [
      change('attendee', 'a1', { displayName: 'Kirsty', contact: contact('07700 900123'), createdBy: visitorId }),
      change('outreach', 'o1', { sessionId: 's1', attendeeId: 'a1', method: 'text', byUserId: visitorId }),
      change('visit', 'v1', { attendeeId: 'a1', at: '2026-11-20T10:00:00Z', supporterId: 'someone-long-gone' }),
    ]);
    await push(coordinator, [change('attendee', 'a1', { contact: contact('07700 900456') }, hlc(Date.now() + 1000))]);

    const body = (await coordinator.get('/api/people/a1/export')).body;
    expect(body.person.contact.phone).toBe('07700 900456');
    // The old number is still held in the history, so the copy shows it, with who recorded it and when.
    expect(body.history).toEqual([
      {
        kind: 'attendee',
        id: 'a1',
        at: expect.any(String),
        by: 'Morag',
        values: { displayName: 'Kirsty', contact: contact('07700 900123'), createdBy: 'Morag' },
      },
      expect.objectContaining({ kind: 'outreach', id: 'o1', by: 'Morag' }),
      expect.objectContaining({ kind: 'visit', id: 'v1', by: 'Morag' }),
      { kind: 'attendee', id: 'a1', at: expect.any(String), by: 'Ailsa', values: { contact: contact('07700 900456') } },
    ]);
    // Team members by name, never by account id.
    expect(body.person.createdBy).toBe('Morag');
    expect(body.outreach[0].byUserId).toBe('Morag');
    expect(body.visits[0].supporterId).toBe('A former team member');
    expect(JSON.stringify(body)).not.toContain(visitorId);
  });

  it('is refused to other roles and other organisations, and gone after erasure', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, personChanges('a1'));
    const facilitator = await addMember(coordinator, 'facilitator');
    expect((await facilitator.get('/api/people/a1/export')).status).toBe(403);
    const other = await setUpOrganisation(server.app, 'Highland Parents');
    expect((await other.get('/api/people/a1/export')).status).toBe(404);
    await coordinator.post('/api/people/a1/erase');
    const erased = await coordinator.get('/api/people/a1/export');
    expect(erased.status).toBe(410);
    expect(erased.body.error.code).toBe('erased');
  });
});
