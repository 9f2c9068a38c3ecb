// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CONSENT_WORDING,
  CONSENT_WORDINGS,
  giveConsent,
  hasConsent,
  hasConsentForNotes,
  withdrawConsent,
} from '../../src/domain/consent.ts';
import {
  ESCALATION_STEPS,
  NEVER_PROMISE_CONFIDENTIALITY,
  SHARING_TO_PROTECT,
  opensEscalation,
} from '../../src/domain/escalation.ts';
import { validateValues } from '../../src/domain/kinds.ts';
import { STARTER_SERVICES } from '../../src/domain/library/services.ts';
import { ONS4_ATTRIBUTION, ONS4_QUESTIONS, ons4Band, ons4Series } from '../../src/domain/ons4.ts';

describe('consent', () => {
  it('is worded plainly and honestly about what is kept, who sees it, confidentiality and rights', () => {
    const text = CONSENT_WORDING.paragraphs.join(' ');
    expect(CONSENT_WORDINGS[CONSENT_WORDING.version]).toBe(CONSENT_WORDING);
    expect(text).toMatch(/first name/);
    expect(text).toMatch(/coordinators/);
    expect(text).toMatch(/cannot promise to keep it secret/);
    expect(text).toMatch(/at risk/);
    expect(text).toMatch(/ask us to delete it/);
    expect(text).toMatch(/see everything we hold/);
    expect(text).toMatch(/change your mind/);
  });

  it('must be given, to a known wording, for notes, and not withdrawn', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const given = giveConsent(['notes', 'contact'], now);
    expect(validateValues('attendee', { displayName: 'Amy', consent: given }, true)).toEqual([]);
    expect(hasConsentForNotes({ id: 'a', consent: given })).toBe(true);
    expect(hasConsentForNotes({ id: 'a' })).toBe(false);
    expect(hasConsentForNotes({ id: 'a', consent: giveConsent(['contact'], now) })).toBe(false);
    expect(hasConsent({ id: 'a', consent: giveConsent(['contact'], now) }, 'contact')).toBe(true);
    expect(hasConsentForNotes({ id: 'a', consent: { ...given, wordingVersion: 'made-up' } })).toBe(false);

    const withdrawn = withdrawConsent(given, new Date('2026-12-01T10:00:00Z'));
    expect(withdrawn).toEqual({ ...given, withdrawnAt: '2026-12-01T10:00:00.000Z' });
    expect(validateValues('attendee', { consent: withdrawn }, false)).toEqual([]);
    expect(hasConsentForNotes({ id: 'a', consent: withdrawn })).toBe(false);
    // Giving consent again replaces the withdrawn record.
    expect(hasConsentForNotes({ id: 'a', consent: giveConsent(['notes'], new Date('2026-12-02T10:00:00Z')) })).toBe(
      true,
    );
  });
});

describe('ONS personal wellbeing (ONS4)', () => {
  it('asks the four questions as the ONS words them, with attribution', () => {
    expect(ONS4_QUESTIONS.map((question) => question.question)).toEqual([
      'Overall, how satisfied are you with your life nowadays?',
      'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      'Overall, how happy did you feel yesterday?',
      'On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, how anxious did you feel yesterday?',
    ]);
    expect(ONS4_ATTRIBUTION).toMatch(/Office for National Statistics/);
  });

  it('bands scores as the ONS reports them, with anxiety the other way round', () => {
    expect([0, 4, 5, 6, 7, 8, 9, 10].map((score) => ons4Band('satisfied', score))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very high',
      'very high',
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((score) => ons4Band('anxious', score))).toEqual([
      'very low',
      'very low',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });

  it('gives a person’s answers over time, oldest first, skipping notes without them', () => {
    const scores = (n: number) => ({ satisfied: n, worthwhile: n, happy: n, anxious: 10 - n });
    const series = ons4Series([
      { id: 'n2', createdAt: '2026-11-20T10:00:00.000Z', ons4: scores(6) },
      { id: 'n1', createdAt: '2026-10-01T10:00:00.000Z', ons4: scores(3) },
      { id: 'n3', createdAt: '2026-11-21T10:00:00.000Z' },
      { id: 'n4', createdAt: '2026-11-22T10:00:00.000Z', ons4: scores(9), deleted: true },
    ]);
    expect(series).toEqual([
      { noteId: 'n1', at: '2026-10-01T10:00:00.000Z', ...scores(3) },
      { noteId: 'n2', at: '2026-11-20T10:00:00.000Z', ...scores(6) },
    ]);
  });
});

describe('urgent concerns', () => {
  it('open the escalation guidance, which starts with 999 and never promises confidentiality', () => {
    expect(opensEscalation({ concern: 'urgent' })).toBe(true);
    expect(opensEscalation({ concern: 'talk to coordinator' })).toBe(false);
    expect(ESCALATION_STEPS[0]?.title).toMatch(/999/);
    expect(ESCALATION_STEPS.some((step) => /never promise/i.test(step.title))).toBe(true);
    expect(NEVER_PROMISE_CONFIDENTIALITY).toMatch(/Never promise/);
    expect(SHARING_TO_PROTECT).toMatch(/Data Protection Act 2018, Schedule 1, paragraph 18/);
  });

  it('points only at directory entries that exist', () => {
    const known = new Set(STARTER_SERVICES.map((service) => service.id));
    for (const step of ESCALATION_STEPS) for (const id of step.serviceIds) expect(known.has(id), id).toBe(true);
  });
});
