// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { logRetentionDue } from '../../src/server/people/retention.ts';
import { addMember, change, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { personChanges, push } from './people.ts';

const YEARS_AGO = new Date(Date.now() - 2 * 365 * 24 * 60 * 60 * 1000).toISOString();

describe.each(databases())('retention on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  /** Makes every record so far look as if it was last written two years ago. */
  const age = () => server.store.db.updateTable('records').set({ updated_at: YEARS_AGO }).execute();

  it('previews people with no activity in the period, and erases those a coordinator confirms', async () => {
    const coordinator = await setUpOrganisation(server.app);
    expect((await coordinator.get('/api/retention/preview')).body).toEqual({ months: null, people: [] });
    const set = await coordinator.call('PUT', '/api/organisation/retention', { months: 12 });
    expect(set.body).toEqual({ months: 12 });

    await push(coordinator, [
      ...personChanges('a1', 'Kirsty'),
      change('attendee', 'a2', { displayName: 'Eilidh' }),
      change('attendee', 'a3', { displayName: 'Morven' }),
      change('attendee', 'a4', { displayName: 'Catriona' }),
      change('attendee', 'dup4', { displayName: 'Cat', mergedInto: 'a4' }),
    ]);
    await age();
    // Recent activity: a note about Eilidh, and a check-in of Catriona's duplicate.
    await push(coordinator, [
      change('note', 'n-a2', { attendeeId: 'a2', body: 'Doing well.' }),
      change('checkIn', 's9:dup4', { sessionId: 's9', attendeeId: 'dup4' }),
    ]);

    const preview = await coordinator.get('/api/retention/preview');
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      months: 12,
      people: [
        { id: 'a1', displayName: 'Kirsty', lastActivity: YEARS_AGO },
        { id: 'a3', displayName: 'Morven', lastActivity: YEARS_AGO },
      ],
    });

    const notDue = await coordinator.post('/api/retention/run', { ids: ['a1', 'a2'] });
    expect(notDue.status).toBe(400);
    expect(notDue.body.error).toMatchObject({ code: 'not_in_preview', details: [{ id: 'a2' }] });

    const run = await coordinator.post('/api/retention/run', { ids: ['a1'] });
    expect(run.status).toBe(200);
    expect(run.body.erased).toEqual([
      {
        id: 'a1',
        erased: { attendee: 1, checkIn: 1, outreach: 1, note: 1, visit: 1, booking: 1, referral: 1, response: 1 },
      },
    ]);
    expect((await coordinator.get('/api/people/a1/export')).status).toBe(410);
    const after = await coordinator.get('/api/retention/preview');
    expect(after.body.people.map((person: { id: string }) => person.id)).toEqual(['a3']);
  });

  it('takes 6 to 120 months, or null to turn it off, from coordinators only', async () => {
    const coordinator = await setUpOrganisation(server.app);
    for (const months of [5, 121, 12.5, '12']) {
      const answer = await coordinator.call('PUT', '/api/organisation/retention', { months });
      expect(answer.status).toBe(400);
    }
    expect((await coordinator.call('PUT', '/api/organisation/retention', { months: 6 })).status).toBe(200);
    expect((await coordinator.call('PUT', '/api/organisation/retention', { months: null })).body).toEqual({
      months: null,
    });
    const facilitator = await addMember(coordinator, 'facilitator');
    expect((await facilitator.call('PUT', '/api/organisation/retention', { months: 24 })).status).toBe(403);
    expect((await facilitator.get('/api/retention/preview')).status).toBe(403);
    expect((await facilitator.post('/api/retention/run', { ids: ['a1'] })).status).toBe(403);
  });

  it("is each organisation's own, and the daily check only logs who is due", async () => {
    const moray = await setUpOrganisation(server.app);
    const highland = await setUpOrganisation(server.app, 'Highland Parents');
    await moray.call('PUT', '/api/organisation/retention', { months: 12 });
    await push(moray, [change('attendee', 'a1', { displayName: 'Kirsty' })]);
    await push(highland, [change('attendee', 'a1', { displayName: 'Shona' })]);
    await age();
    expect((await highland.get('/api/retention/preview')).body.people).toEqual([]);
    expect((await highland.post('/api/retention/run', { ids: ['a1'] })).status).toBe(400);

    await logRetentionDue(server.store.db);
    const log = await moray.get('/api/audit?action=retention_due');
    expect(log.body.entries).toEqual([expect.objectContaining({ detail: { months: 12, due: 1 } })]);
    expect((await highland.get('/api/audit?action=retention_due')).body.entries).toEqual([]);
    expect((await moray.get('/api/retention/preview')).body.people).toHaveLength(1);
  });
});
