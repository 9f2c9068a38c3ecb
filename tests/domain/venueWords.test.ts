// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Attendee } from '../../src/domain/attendee.ts';
import { composeMessage } from '../../src/domain/outreach.ts';
import { venueAfterAt, venueLabel } from '../../src/domain/venueWords.ts';

describe('how a venue reads', () => {
  it('adds the locality only when the name does not already say it', () => {
    expect(venueLabel({ name: 'Family room, Forres', locality: 'Forres' })).toBe('Family room, Forres');
    expect(venueLabel({ name: 'Forres family room', locality: 'Forres' })).toBe('Forres family room');
    expect(venueLabel({ name: 'Church hall, Rothes', locality: 'Speyside' })).toBe('Church hall, Rothes, Speyside');
    expect(venueLabel({ name: 'Community centre', locality: 'Buckie' })).toBe('Community centre, Buckie');
    expect(venueLabel({ name: 'The Bothy', locality: 'Other' })).toBe('The Bothy');
    expect(venueLabel({ name: 'The Bothy' })).toBe('The Bothy');
  });

  it('puts "the" before a name that begins with a kind of place, and nothing before a proper name', () => {
    expect(venueAfterAt('Family room')).toBe('the Family room');
    expect(venueAfterAt('Church hall, Rothes')).toBe('the Church hall, Rothes');
    expect(venueAfterAt('community centre')).toBe('the community centre');
    expect(venueAfterAt('Buckie Community Centre')).toBe('Buckie Community Centre');
    expect(venueAfterAt('St Gerardine’s Hall')).toBe('St Gerardine’s Hall');
    expect(venueAfterAt('The Bothy')).toBe('The Bothy');
  });

  it('reads "at the Family room" in the text before a group', () => {
    const amy: Attendee = {
      id: 'amy',
      displayName: 'Amy',
      contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
    };
    const message = composeMessage({
      attendee: amy,
      session: { id: 's1', startsAt: '2026-11-24T10:00:00Z' },
      venue: { id: 'v1', name: 'Family room, Forres' },
      organisationName: 'Mums in Mind Moray',
      sender: 'Sarah',
    });
    expect(message).toContain('at 10am at the Family room, Forres?');
  });
});
