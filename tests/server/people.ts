// Fixtures for the privacy suites: a person with a record of every kind about them, pushed like a device.
import { expect } from 'vitest';
import type { Client } from './client.ts';
import { change, pushBody } from './client.ts';

export async function push(client: Client, changes: unknown[]) {
  const answer = await client.post('/api/sync/push', pushBody(changes));
  expect(answer.status).toBe(200);
  return answer.body.results as { status: string; code?: string; message?: string }[];
}

export interface PulledRecord {
  kind: string;
  id: string;
  values: Record<string, unknown>;
  versions: Record<string, string>;
}

/** Every record the client may see, by `kind/id`, latest state, pulling from `cursor`. */
export async function pullAll(client: Client, cursor = '') {
  const records = new Map<string, PulledRecord>();
  for (let page = 0; page < 100; page++) {
    const answer = await client.get(`/api/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    expect(answer.status).toBe(200);
    for (const record of answer.body.changes as PulledRecord[]) records.set(`${record.kind}/${record.id}`, record);
    cursor = answer.body.cursor;
    if (!answer.body.more) return { records, cursor };
  }
  throw new Error('pull never finished');
}

/**
 * A person `id` with a check-in, an outreach, a private note, a visit, a booking, a referral and research answers
 * kept with them (with their consent) about them.
 */
export function personChanges(id: string, displayName = 'Kirsty') {
  return [
    change('attendee', id, { displayName, cake: 'lemon drizzle', contact: contact() }),
    change('checkIn', `s1:${id}`, { sessionId: 's1', attendeeId: id, withBaby: true }),
    change('outreach', `o-${id}`, { sessionId: 's1', attendeeId: id, method: 'text', outcome: 'coming' }),
    change('note', `n-${id}`, { attendeeId: id, body: `${displayName} seemed low today.`, concern: 'keep an eye' }),
    change('visit', `v-${id}`, { attendeeId: id, at: '2026-11-20T10:00:00Z' }),
    change('booking', `s1:${id}`, {
      sessionId: 's1',
      attendeeId: id,
      crecheBooked: true,
      travel: 'taxi',
      travelArranged: true,
      travelNote: 'Taxi from the square at 9.30',
    }),
    change('referral', `r-${id}`, {
      attendeeId: id,
      partnerId: 'p-hub',
      reason: `${displayName} asked about money advice.`,
      consentGiven: true,
      madeAt: '2026-11-20T11:00:00Z',
      followUpDue: '2026-12-04',
    }),
    change('response', `q-${id}`, {
      questionnaireId: 'qn1',
      version: 1,
      how: 'visit',
      answeredOn: '2026-11-20',
      answers: { came: true, wish: `${displayName} would like an evening group.` },
      attendeeId: id,
      consent: true,
    }),
  ];
}

function contact() {
  return { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false };
}
