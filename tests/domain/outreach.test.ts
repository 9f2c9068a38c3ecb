// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attendee } from '../../src/domain/attendee.ts';
import {
  REVEALING_WORDS,
  canCall,
  canText,
  canVoicemail,
  composeMessage,
  revealingWords,
  smsLink,
  telLink,
} from '../../src/domain/outreach.ts';
import { normalisePhone } from '../../src/domain/phone.ts';

const contact = (overrides: Partial<NonNullable<Attendee['contact']>> = {}) => ({
  phone: '07700 900123',
  okToText: true,
  okToVoicemail: false,
  okToNameCharity: false,
  ...overrides,
});
const amy: Attendee = { id: 'amy', displayName: 'Amy', contact: contact() };
// Tuesday 24 November 2026, 10am in London.
const tuesday = { id: 's1', title: 'Perinatal wellbeing group', startsAt: '2026-11-24T10:00:00Z' };
const hall = { id: 'v1', name: 'St Gerardine’s Hall' };
const organisationName = 'Mums in Mind Moray';

describe('the text before a group', () => {
  it('is short and friendly, and discreet unless the person said the charity may be named', () => {
    const message = composeMessage({ attendee: amy, session: tuesday, venue: hall, organisationName, sender: 'Sarah' });
    expect(message).toBe(
      "Hi Amy, it's Sarah. Just checking you're still OK for Tuesday 24 November at 10am at St Gerardine’s Hall? Hope to see you there x",
    );
    expect(revealingWords(message, organisationName)).toEqual([]);
  });

  it('says today, tomorrow or the weekday when it knows when it is sent', () => {
    const monday = new Date('2026-11-23T18:00:00Z');
    const at = (startsAt: string) =>
      composeMessage({
        attendee: amy,
        session: { ...tuesday, startsAt },
        organisationName,
        sender: 'Sarah',
        now: monday,
      });
    expect(at('2026-11-24T10:00:00Z')).toContain('OK for tomorrow at 10am at the usual place?');
    expect(at('2026-11-23T19:30:00Z')).toContain('OK for today at 7:30pm');
    expect(at('2026-11-27T13:00:00Z')).toContain('OK for Friday at 1pm');
    expect(at('2026-12-01T10:00:00Z')).toContain('OK for Tuesday 1 December at 10am');
  });

  it('uses London time: 10am in summer is 9am UTC', () => {
    const message = composeMessage({
      attendee: amy,
      session: { ...tuesday, startsAt: '2026-06-02T09:00:00Z' },
      organisationName,
      sender: 'Sarah',
    });
    expect(message).toContain('Tuesday 2 June at 10am');
  });

  it('names the organisation and the group only when the person agreed', () => {
    const open = { ...amy, contact: contact({ okToNameCharity: true }) };
    expect(composeMessage({ attendee: open, session: tuesday, venue: hall, organisationName, sender: 'Sarah' })).toBe(
      "Hi Amy, it's Sarah from Mums in Mind Moray. Just checking you're still OK for the group Tuesday 24 November at 10am at St Gerardine’s Hall? Hope to see you there x",
    );
  });

  it('says "the usual place" rather than a venue whose name gives the purpose away', () => {
    const hub = { id: 'v2', name: 'Moray Wellbeing Hub' };
    const message = composeMessage({ attendee: amy, session: tuesday, venue: hub, organisationName, sender: 'Sarah' });
    expect(message).toContain('at the usual place?');
    expect(message).not.toContain('Wellbeing');
  });

  it('never names the organisation or the group’s purpose in a discreet message, whatever the names and times', () => {
    const name = fc.oneof(
      fc.constantFrom('Amy', 'Zoë', 'Mairi', 'Siobhan', 'Sarah-Jane', ''),
      fc
        .string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéëABCDEFGHIJKLMNOPQRSTUVWXYZ -’'.split('')),
          minLength: 0,
          maxLength: 20,
        })
        .filter((value) => revealingWords(value, organisationName).length === 0),
    );
    const instant = fc.date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2030-12-31T23:59:00Z'),
      noInvalidDate: true,
    });
    const venueName = fc.constantFrom(
      'Rothes Church Hall',
      'Mums in Mind Room',
      'Buckie Family Support Centre',
      'The Mental Health Hub',
      'Forres Town Hall',
    );
    fc.assert(
      fc.property(
        name,
        name,
        instant,
        fc.option(instant),
        venueName,
        // Discreet is the default: a "no", or no answer recorded, or no contact preferences at all.
        fc.constantFrom<Attendee['contact']>(contact({ okToNameCharity: false }), undefined),
        (displayName, sender, startsAt, now, venue, preferences) => {
          const attendee: Attendee = { id: 'a', displayName, contact: preferences };
          const message = composeMessage({
            attendee,
            session: { ...tuesday, startsAt: startsAt.toISOString() },
            venue: { id: 'v', name: venue },
            organisationName,
            sender,
            now: now ?? undefined,
          });
          expect(revealingWords(message, organisationName)).toEqual([]);
          expect(message.toLowerCase()).not.toContain('mums in mind');
          for (const word of REVEALING_WORDS) expect(message.toLowerCase()).not.toMatch(new RegExp(`\\b${word}\\b`));
        },
      ),
    );
  });

  it('warns about revealing words in an edited message, as whole words only', () => {
    expect(revealingWords('See you at the group on Tuesday', organisationName)).toEqual(['group']);
    expect(revealingWords('Mums in Mind Moray meets Tuesday', organisationName)).toEqual([
      'Mums in Mind Moray',
      'mind',
    ]);
    expect(revealingWords('Peer support and WELLBEING', organisationName)).toEqual([
      'peer support',
      'support',
      'wellbeing',
    ]);
    // "groupie", "reminder" and "supportive" are not the words themselves.
    expect(revealingWords('Reminder: a supportive groupie', organisationName)).toEqual([]);
  });
});

describe('phone links', () => {
  it('turns UK numbers as people write them into international ones', () => {
    expect(normalisePhone('07700 900123')).toBe('+447700900123');
    expect(normalisePhone('+44 (0)7700 900123')).toBe('+447700900123');
    expect(normalisePhone('+44 7700-900-123')).toBe('+447700900123');
    expect(normalisePhone('0044 7700 900123')).toBe('+447700900123');
    expect(normalisePhone('447700900123')).toBe('+447700900123');
    expect(normalisePhone('01343 563999')).toBe('+441343563999');
    expect(normalisePhone('0800 83 85 87')).toBe('+44800838587');
    expect(normalisePhone('+353 87 123 4567')).toBe('+353871234567');
    expect(normalisePhone('116 123')).toBe('116123');
    expect(normalisePhone('999')).toBe('999');
    expect(normalisePhone('call me')).toBeUndefined();
    expect(normalisePhone('0770')).toBeUndefined();
    expect(normalisePhone('')).toBeUndefined();
  });

  it('makes sms: links with the message encoded, and tel: links', () => {
    expect(smsLink('07700 900123', "Hi Amy, it's Sarah & co? x")).toBe(
      "sms:+447700900123?&body=Hi%20Amy%2C%20it's%20Sarah%20%26%20co%3F%20x",
    );
    expect(telLink('07700 900123')).toBe('tel:+447700900123');
    expect(telLink('116 123')).toBe('tel:116123');
    expect(smsLink('not a number', 'Hi')).toBeUndefined();
    expect(telLink(undefined)).toBeUndefined();
  });

  it('texts only people who said yes, on a number that takes texts', () => {
    expect(canText(amy)).toBe(true);
    expect(canText({ ...amy, contact: contact({ okToText: false }) })).toBe(false);
    expect(canText({ ...amy, contact: contact({ phone: '01343 563999' }) })).toBe(false);
    expect(canText({ ...amy, contact: contact({ phone: '' }) })).toBe(false);
    expect(canText({ id: 'x', displayName: 'No contact' })).toBe(false);
    expect(canText({ ...amy, deleted: true })).toBe(false);
  });

  it('leaves voicemail only when the person said so; a call needs only a number', () => {
    expect(canVoicemail(amy)).toBe(false);
    expect(canVoicemail({ ...amy, contact: contact({ okToVoicemail: true, phone: '01343 563999' }) })).toBe(true);
    expect(canCall(amy)).toBe(true);
    expect(canCall({ ...amy, contact: contact({ phone: '' }) })).toBe(false);
  });
});
