// What a parent is asked before anything about them is written down, and whether that consent stands.
import type { Attendee, Consent } from './attendee.ts';

/** What a person can say yes to; `consent.what` holds the ones they agreed to. */
export const CONSENT_SCOPES = ['notes', 'contact'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export interface ConsentWording {
  version: string;
  title: string;
  /** Read out or shown to the person, one paragraph each. */
  paragraphs: readonly string[];
  /** The questions they answer, one per scope. */
  questions: Readonly<Record<ConsentScope, string>>;
}

/**
 * Every wording ever used stays here, because a record of consent names the version the person heard.
 * Change the text by adding a new version, never by editing an old one.
 */
export const CONSENT_WORDINGS: Readonly<Record<string, ConsentWording>> = {
  '2026-11-v1': {
    version: '2026-11-v1',
    title: 'Before we write anything down',
    paragraphs: [
      'We would like to keep a few short notes about how you are doing, so that whoever sees you next knows what matters to you and can follow up anything we promised.',
      'We record your first name (or a name you choose), your baby’s first name and age, roughly where you live, how to contact you, and short notes about your wellbeing. We never need your full name or address.',
      'Your notes are seen by the volunteer who wrote them and by our coordinators. We only share them with the rest of the volunteer team if that helps us support you.',
      'We keep what you tell us private. But we cannot promise to keep it secret if we are worried that you, your baby or someone else might be at risk of harm. Then we may need to tell someone who can help, and we will try to talk to you about it first.',
      'Everything is kept on our locked tablets and a secure server, and deleted when you have not been in touch with us for a while.',
      'You can ask to see everything we hold about you, ask us to correct it, or ask us to delete it, at any time: just ask any volunteer or our coordinator. We will answer within a month. You can also change your mind about these notes whenever you like, and we will stop writing them.',
    ],
    questions: {
      notes: 'Are you happy for us to keep short notes about how you are doing?',
      contact: 'Are you happy for us to text or phone you before a group?',
    },
  },
};

export const CONSENT_WORDING: ConsentWording = CONSENT_WORDINGS['2026-11-v1'] as ConsentWording;

/** Consent stands when it was given to a known wording, covers the scope and has not been withdrawn. */
export function hasConsent(attendee: Attendee, scope: ConsentScope): boolean {
  const consent = attendee.consent;
  if (!consent || consent.withdrawnAt || !Object.hasOwn(CONSENT_WORDINGS, consent.wordingVersion)) return false;
  return consent.what.includes(scope);
}

/** Notes may be written only about someone whose consent to notes stands (README, "Consent withdrawn"). */
export function hasConsentForNotes(attendee: Attendee): boolean {
  return hasConsent(attendee, 'notes');
}

/** A fresh record of consent to the current wording; it replaces any earlier one, withdrawn or not. */
export function giveConsent(scopes: readonly ConsentScope[], now: Date): Consent {
  return { what: [...new Set(scopes)], at: now.toISOString(), wordingVersion: CONSENT_WORDING.version };
}

/**
 * Withdrawal keeps what was agreed and when, and adds when it was taken back: the history is part of the
 * record. Notes already written stay until the person asks for erasure, which is a separate request.
 */
export function withdrawConsent(consent: Consent, now: Date): Consent {
  return { ...consent, withdrawnAt: now.toISOString() };
}
