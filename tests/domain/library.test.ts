// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS } from '../../src/domain/activity.ts';
import { ID_PATTERN } from '../../src/domain/fields.ts';
import { validateValues } from '../../src/domain/kinds.ts';
import { SAFETY_BASICS, STARTER_ACTIVITIES, suggestActivities } from '../../src/domain/library/activities.ts';
import { STARTER_SERVICES } from '../../src/domain/library/services.ts';

const withoutId = <T extends { id: string }>({ id: _id, ...values }: T) => values;

describe('the starter activity library', () => {
  it('has at least 28 activities of every kind, each a valid built-in record with a stable id', () => {
    expect(STARTER_ACTIVITIES.length).toBeGreaterThanOrEqual(28);
    expect(new Set(STARTER_ACTIVITIES.map((activity) => activity.kind))).toEqual(new Set(ACTIVITY_KINDS));
    expect(new Set(STARTER_ACTIVITIES.map((activity) => activity.id)).size).toBe(STARTER_ACTIVITIES.length);
    for (const activity of STARTER_ACTIVITIES) {
      expect(activity.id).toMatch(ID_PATTERN);
      expect(activity.id).toMatch(/^starter-[a-z0-9-]+$/);
      expect(validateValues('activity', withoutId(activity), true), activity.id).toEqual([]);
      expect(activity.builtIn).toBe(true);
      expect(activity.minAgeMonths).toBeLessThanOrEqual(activity.maxAgeMonths);
      expect(activity.materials.length, activity.id).toBeGreaterThan(0);
      expect(activity.howTo.length, activity.id).toBeGreaterThan(50);
      expect(activity.whyItHelps.length, activity.id).toBeGreaterThan(50);
    }
  });

  it('puts the safety rules on every activity', () => {
    for (const activity of STARTER_ACTIVITIES) {
      expect(activity.safety, activity.id).toContain(SAFETY_BASICS);
      expect(activity.safety).toMatch(/Check every item before each session/);
      expect(activity.safety).toMatch(/toilet-roll tube/);
      expect(activity.safety).toMatch(/button batteries .*A&E now or call 999/);
      expect(activity.safety).toMatch(/magnets/);
      expect(activity.safety).toMatch(/No cords/);
      expect(activity.safety).toMatch(/An adult always watching/);
    }
  });

  it('offers treasure baskets for babies who sit but do not crawl, heuristic play in the second year, songs from birth', () => {
    const of = (kind: string) => STARTER_ACTIVITIES.filter((activity) => activity.kind === kind);
    expect(of('treasure basket').every((a) => a.minAgeMonths === 5 && a.maxAgeMonths === 10)).toBe(true);
    expect(of('heuristic play').every((a) => a.minAgeMonths <= 12 && a.maxAgeMonths >= 24)).toBe(true);
    expect(of('song or rhyme').some((a) => a.minAgeMonths === 0)).toBe(true);
    expect(of('story').some((a) => a.minAgeMonths === 0)).toBe(true);
    expect(STARTER_ACTIVITIES.some((activity) => /Bookbug/.test(activity.howTo))).toBe(true);
  });

  it('suggests first what suits the most babies expected, the more specific first among equals', () => {
    const suggestions = suggestActivities(STARTER_ACTIVITIES, [6, 7, 9]);
    const top = suggestions[0];
    expect(top?.fits).toBe(3);
    expect(top?.activity.kind).toBe('treasure basket');
    const counts = suggestions.map((suggestion) => suggestion.fits);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(suggestions.every((suggestion) => suggestion.fits > 0)).toBe(true);

    const mixed = suggestActivities(STARTER_ACTIVITIES, [2, 8, 18]);
    expect(mixed[0]?.fits).toBe(3);
    expect(mixed.find((s) => s.activity.id === 'starter-treasure-basket')?.fits).toBe(1);
    expect(mixed.find((s) => s.activity.id === 'starter-heuristic-play')?.fits).toBe(1);
  });

  it('leaves out deleted activities, and offers everything when no ages are known', () => {
    const library = [...STARTER_ACTIVITIES, { id: 'gone', title: 'Gone', kind: 'story' as const, deleted: true }];
    expect(suggestActivities(library, []).length).toBe(STARTER_ACTIVITIES.length);
    expect(suggestActivities(library, [200]).length).toBe(0);
  });
});

describe('the signposting directory', () => {
  it('holds the national and Moray contacts, each valid, built in and dated', () => {
    expect(new Set(STARTER_SERVICES.map((service) => service.id)).size).toBe(STARTER_SERVICES.length);
    for (const service of STARTER_SERVICES) {
      expect(service.id).toMatch(ID_PATTERN);
      expect(service.id).toMatch(/^starter-[a-z0-9-]+$/);
      expect(validateValues('service', withoutId(service), true), service.id).toEqual([]);
      expect(service).toMatchObject({ builtIn: true, checkedOn: '2026-11-23' });
    }
    const phone = (name: RegExp) => STARTER_SERVICES.find((service) => name.test(service.name))?.phone;
    expect(phone(/NHS 24/)).toBe('111');
    expect(phone(/Breathing Space/)).toBe('0800 83 85 87');
    expect(phone(/Samaritans/)).toBe('116 123');
    expect(phone(/Parentline/)).toBe('08000 28 22 33');
    expect(phone(/PANDAS/)).toBe('85258');
    expect(phone(/Community Care Access Team/)).toBe('01343 563999');
    expect(phone(/Police Scotland/)).toBe('101');
    expect(phone(/Emergency/)).toBe('999');
    expect(STARTER_SERVICES.find((service) => /Bookbug/.test(service.name))).toBeDefined();
    expect(STARTER_SERVICES.find((service) => /Breathing Space/.test(service.name))?.hours).toMatch(/6pm/);
  });

  it('marks the Moray child protection numbers from an old source as needing checking', () => {
    const flagged = STARTER_SERVICES.filter((service) => service.needsChecking).map((service) => service.phone);
    expect(flagged.sort()).toEqual(['01343 554370', '03457 565656']);
  });
});
