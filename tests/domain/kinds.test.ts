// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkInId } from '../../src/domain/checkIn.ts';
import { KIND_NAMES, isKindName, validateValues } from '../../src/domain/kinds.ts';
import { isVisitOverdue } from '../../src/domain/visitTiming.ts';

const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('record kinds', () => {
  it('registers every record kind', () => {
    expect([...KIND_NAMES].sort()).toEqual(
      [
        'activity',
        'booking',
        'attendee',
        'checkIn',
        'feedback',
        'note',
        'outreach',
        'partner',
        'referral',
        'questionnaire',
        'response',
        'service',
        'session',
        'venue',
        'visit',
        'training',
        'pvg',
        'hours',
        'supervision',
        'supervisionNote',
      ].sort(),
    );
    expect(isKindName('session')).toBe(true);
    expect(isKindName('toString')).toBe(false);
  });

  it('requires the fields a new record must carry', () => {
    expect(fields(validateValues('attendee', {}, true))).toEqual(['displayName']);
    expect(fields(validateValues('session', { title: 'Drop-in' }, true))).toEqual(['startsAt']);
    expect(fields(validateValues('note', {}, true)).sort()).toEqual(['attendeeId', 'body']);
    expect(fields(validateValues('checkIn', { sessionId: 's1' }, true))).toEqual(['attendeeId']);
    // A change to a record already seen may carry any subset of fields.
    expect(validateValues('session', { theme: 'identity' }, false)).toEqual([]);
  });

  it('limits lengths: display names 1–80, titles 1–120, text 20,000', () => {
    expect(validateValues('attendee', { displayName: 'A'.repeat(80) }, true)).toEqual([]);
    expect(fields(validateValues('attendee', { displayName: 'A'.repeat(81) }, true))).toEqual(['displayName']);
    expect(fields(validateValues('attendee', { displayName: '' }, true))).toContain('displayName');
    expect(
      fields(validateValues('session', { title: 'T'.repeat(121), startsAt: '2026-11-23T10:00:00Z' }, true)),
    ).toEqual(['title']);
    expect(validateValues('note', { attendeeId: 'a', body: 'x'.repeat(20_000) }, true)).toEqual([]);
    expect(fields(validateValues('note', { attendeeId: 'a', body: 'x'.repeat(20_001) }, true))).toEqual(['body']);
  });

  it('counts text as it is stored: spaces count towards the limit, and only spaces is not a value', () => {
    const padded = validateValues('attendee', { displayName: `${' '.repeat(1_000_000)}Jo` }, true);
    expect(padded).toEqual([{ field: 'displayName', message: 'displayName must be at most 80 characters' }]);
    expect(fields(validateValues('venue', { name: `${' '.repeat(200)}Hall` }, true))).toEqual(['name']);
    expect(fields(validateValues('attendee', { cake: `${' '.repeat(300)}scones` }, false))).toEqual(['cake']);
    expect(fields(validateValues('attendee', { displayName: '   ' }, true))).toEqual(['displayName']);
    expect(validateValues('attendee', { displayName: ` ${'A'.repeat(78)} ` }, true)).toEqual([]);
  });

  it('keeps single-line fields on one line; only fields typed in several lines hold line breaks', () => {
    for (const name of [
      'Jo\nSmith',
      'Jo\r\nSmith',
      'Jo\rSmith',
      'Jo\tSmith',
      'Jo\u2028Smith',
      'Jo\u0007',
      'Jo\u007f',
    ]) {
      expect(validateValues('attendee', { displayName: name }, true)).toEqual([
        { field: 'displayName', message: 'displayName must be one line' },
      ]);
    }
    expect(
      fields(
        validateValues(
          'attendee',
          {
            contact: { phone: '07700\n900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
          },
          false,
        ),
      ),
    ).toEqual(['contact']);
    expect(fields(validateValues('attendee', { babies: [{ alias: 'Wee\none' }] }, false))).toEqual(['babies']);
    expect(fields(validateValues('attendee', { needs: ['pram\naccess'] }, false))).toEqual(['needs']);
    expect(
      fields(validateValues('session', { title: 'Baby\nmassage', startsAt: '2026-11-23T10:00:00Z' }, true)),
    ).toEqual(['title']);
    expect(fields(validateValues('session', { outline: ['Welcome\nand tea'] }, false))).toEqual(['outline']);
    expect(
      fields(validateValues('service', { name: 'Health\nvisitors', phone: '01343\t123456' }, true)).sort(),
    ).toEqual(['name', 'phone']);
    expect(fields(validateValues('venue', { name: 'Hall', locality: 'Elgin\n' }, true))).toEqual(['locality']);

    // A note, a reflection, directions: several lines (and tabs) are what they are for.
    expect(
      validateValues('note', { attendeeId: 'a', body: 'First line\r\nsecond\n\tthird', followUp: 'a\nb' }, true),
    ).toEqual([]);
    expect(validateValues('session', { reflection: 'Went well.\n\nMore tea next time.' }, false)).toEqual([]);
    expect(
      validateValues('venue', { name: 'Hall', address: '1 High St\nElgin', access: 'Ramp\nat back' }, true),
    ).toEqual([]);
    expect(validateValues('activity', { title: 'Songs', howTo: '1. Sit\n2. Sing' }, false)).toEqual([]);
    // but no other control character.
    expect(validateValues('note', { attendeeId: 'a', body: 'bell\u0007' }, true)).toEqual([
      { field: 'body', message: 'body has a control character' },
    ]);
    expect(fields(validateValues('note', { attendeeId: 'a', body: 'ok', positives: 'del\u007f' }, true))).toEqual([
      'positives',
    ]);
  });

  it('refuses unknown fields, wrong types and malformed ids and dates', () => {
    const problems = validateValues(
      'session',
      { title: 'Drop-in', startsAt: 'next Tuesday', venueId: 'bad id!', colour: 'red', kind: 'party' },
      true,
    );
    expect(fields(problems).sort()).toEqual(['colour', 'kind', 'startsAt', 'venueId']);
    expect(problems.find((problem) => problem.field === 'colour')?.message).toMatch(/no field "colour"/);
    expect(fields(validateValues('attendee', { displayName: 42 }, true))).toEqual(['displayName']);
    expect(fields(validateValues('attendee', { displayName: 'Amy', __proto__: 'x' }, true))).toEqual([]);
    expect(fields(validateValues('attendee', JSON.parse('{"displayName":"Amy","__proto__":{"x":1}}'), true))).toEqual([
      '__proto__',
    ]);
  });

  it('accepts a deletion of a record it has not seen without its required fields', () => {
    expect(validateValues('attendee', { deleted: true }, true)).toEqual([]);
  });

  it('makes one check-in id per person per session', () => {
    expect(checkInId('session-1', 'attendee-7')).toBe('session-1:attendee-7');
  });

  it('says a visit is overdue once the expected time and some grace have passed without "left safely"', () => {
    const arrivedAt = '2026-11-23T10:00:00Z';
    const visit = { id: 'v', arrivedAt, expectedMinutes: 60 };
    expect(isVisitOverdue(visit, new Date('2026-11-23T11:10:00Z'))).toBe(false);
    expect(isVisitOverdue(visit, new Date('2026-11-23T11:16:00Z'))).toBe(true);
    expect(isVisitOverdue({ ...visit, leftAt: '2026-11-23T11:00:00Z' }, new Date('2026-11-23T12:00:00Z'))).toBe(false);
    expect(isVisitOverdue({ id: 'v' }, new Date())).toBe(false);
    // An arrival taken back (arrivedAt null) is valid, on the device and the server, and never overdue.
    expect(validateValues('visit', { arrivedAt: null, status: 'scheduled' }, false)).toEqual([]);
    expect(validateValues('visit', { leftAt: null }, false)).toHaveLength(1);
    expect(isVisitOverdue({ ...visit, arrivedAt: null }, new Date('2026-11-23T12:00:00Z'))).toBe(false);
  });
});
