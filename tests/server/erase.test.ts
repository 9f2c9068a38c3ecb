// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateValues } from '../../src/domain/kinds.ts';
import { addMember, change, hlc, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { personChanges, pullAll, push } from './people.ts';

const TOMBSTONE = { deleted: true, erased: true };
const RELATED = [
  'attendee/a1',
  'checkIn/s1:a1',
  'outreach/o-a1',
  'note/n-a1',
  'visit/v-a1',
  'booking/s1:a1',
  'referral/r-a1',
  'response/q-a1',
];

describe('the erasure tombstone', () => {
  it("passes every person kind's own validation, so devices can take it in", () => {
    for (const kind of [
      'attendee',
      'checkIn',
      'outreach',
      'note',
      'visit',
      'booking',
      'referral',
      'response',
    ] as const) {
      expect(validateValues(kind, TOMBSTONE, true)).toEqual([]);
    }
  });
});

describe.each(databases())('erasing a person on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it('reduces the person and every record about them to tombstones that every device pulls', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const facilitator = await addMember(coordinator, 'facilitator');
    await push(facilitator, [
      ...personChanges('a1'),
      ...personChanges('a2', 'Eilidh'),
      change('feedback', 'f1', { sessionId: 's1', feltWelcome: 5, comment: 'Lovely morning.' }),
    ]);
    const before = await pullAll(facilitator);

    const erased = await coordinator.post('/api/people/a1/erase');
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({
      erased: { attendee: 1, checkIn: 1, outreach: 1, note: 1, visit: 1, booking: 1, referral: 1, response: 1 },
    });

    // The facilitator's next pull carries exactly the tombstones, each winning over what the device holds.
    const after = await pullAll(facilitator, before.cursor);
    expect([...after.records.keys()].sort()).toEqual([...RELATED].sort());
    for (const key of RELATED) {
      const tombstone = after.records.get(key);
      expect(tombstone?.values).toEqual(TOMBSTONE);
      expect(Object.keys(tombstone?.versions ?? {}).sort()).toEqual(['deleted', 'erased']);
      const old = Object.values(before.records.get(key)?.versions ?? {});
      for (const version of old) expect((tombstone?.versions.deleted ?? '') > version).toBe(true);
    }
    // A device syncing for the first time sees no trace of the person, and everyone else as before.
    const fresh = await pullAll(coordinator);
    expect(fresh.records.get('attendee/a2')?.values.displayName).toBe('Eilidh');
    expect(fresh.records.get('feedback/f1')?.values).toEqual({
      sessionId: 's1',
      feltWelcome: 5,
      comment: 'Lovely morning.',
    });
    expect(JSON.stringify([...fresh.records.values()])).not.toMatch(/Kirsty/);
  });

  it('follows duplicates merged into the person', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, [
      ...personChanges('a1'),
      change('attendee', 'dup1', { displayName: 'Kirsty M', mergedInto: 'a1' }),
      change('attendee', 'dup2', { displayName: 'K', mergedInto: 'dup1' }),
      change('note', 'n-dup2', { attendeeId: 'dup2', body: 'Came with her sister.' }),
    ]);
    const erased = await coordinator.post('/api/people/a1/erase');
    expect(erased.body.erased).toEqual({
      attendee: 3,
      checkIn: 1,
      outreach: 1,
      note: 2,
      visit: 1,
      booking: 1,
      referral: 1,
      response: 1,
    });
    const { records } = await pullAll(coordinator);
    for (const key of ['attendee/dup1', 'attendee/dup2', 'note/n-dup2']) {
      expect(records.get(key)?.values).toEqual(TOMBSTONE);
    }
  });

  it('refuses, with erased, every later push that would bring the person back', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor');
    await push(visitor, personChanges('a1'));
    await coordinator.post('/api/people/a1/erase');
    // An offline tablet comes back with edits stamped later than the erasure.
    const late = hlc(Date.now() + 60_000);
    const results = await push(visitor, [
      change('attendee', 'a1', { displayName: 'Kirsty', deleted: false }, late),
      change('note', 'n-a1', { body: 'More about Kirsty.' }, late),
      change('note', 'n-new', { attendeeId: 'a1', body: 'Written offline after the erasure.' }, late),
      change('checkIn', 's2:a1', { sessionId: 's2', attendeeId: 'a1' }, late),
      change('attendee', 'dup9', { displayName: 'Kirsty again', mergedInto: 'a1' }, late),
      change('attendee', 'a3', { displayName: 'Morven' }, late),
    ]);
    expect(results.map((result) => result.code ?? result.status)).toEqual([
      'erased',
      'erased',
      'erased',
      'erased',
      'erased',
      'applied',
    ]);
    const { records } = await pullAll(coordinator);
    expect(records.get('attendee/a1')?.values).toEqual(TOMBSTONE);
    expect(records.has('note/n-new')).toBe(false);
    expect(records.has('checkIn/s2:a1')).toBe(false);
  });

  it('lets only the server mark a record erased', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const results = await push(coordinator, [change('attendee', 'a1', { displayName: 'Kirsty', erased: true })]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it('is for coordinators of the organisation only, and happens once', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, personChanges('a1'));
    for (const role of ['facilitator', 'visitor'] as const) {
      const member = await addMember(coordinator, role);
      const refused = await member.post('/api/people/a1/erase');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    const other = await setUpOrganisation(server.app, 'Highland Parents');
    expect((await other.post('/api/people/a1/erase')).status).toBe(404);
    expect((await coordinator.post('/api/people/nobody/erase')).status).toBe(404);
    expect((await coordinator.post('/api/people/..%2F..%2Fetc/erase')).status).toBe(404);
    // A record about the person is not the person.
    expect((await coordinator.post('/api/people/n-a1/erase')).status).toBe(404);

    expect((await coordinator.post('/api/people/a1/erase')).status).toBe(200);
    const again = await coordinator.post('/api/people/a1/erase');
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('erased');
  });

  it('blanks the person from the change history but keeps who changed what, and logs the erasure', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const facilitator = await addMember(coordinator, 'facilitator', 'Morag');
    await push(facilitator, personChanges('a1'));
    await push(facilitator, [change('note', 'n-a1', { followUp: 'Ring Kirsty on Friday.' }, hlc(Date.now() + 1))]);
    await coordinator.post('/api/people/a1/erase');

    const history = await coordinator.get('/api/records/note/n-a1/history');
    expect(history.status).toBe(200);
    const changes = history.body.changes as { userName: string; values: Record<string, unknown> }[];
    expect(changes.map((entry) => entry.userName)).toEqual(['Morag', 'Morag', 'Ailsa']);
    expect(changes[0]?.values).toEqual({ attendeeId: null, body: null, concern: null });
    expect(changes[1]?.values).toEqual({ followUp: null });
    expect(changes[2]?.values).toEqual(TOMBSTONE);
    expect(JSON.stringify(history.body)).not.toMatch(/Kirsty|Friday/);

    const audit = await coordinator.get('/api/audit?kind=attendee&id=a1');
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        action: 'person_erased',
        userName: 'Ailsa',
        detail: {
          erased: { attendee: 1, checkIn: 1, outreach: 1, note: 1, visit: 1, booking: 1, referral: 1, response: 1 },
        },
      }),
    ]);
  });
});
