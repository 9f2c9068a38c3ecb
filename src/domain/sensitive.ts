// The fields kept on the device only as ciphertext (src/db/sealing.ts): what a volunteer writes about a person,
// their wellbeing, and how to reach them or find their home. What the device must work with while Coorie is
// locked (sync, merge, check-in search and lists) stays clear: ids, display names, dates, foreign keys,
// per-field versions, and every indexed field (KIND_INDEXES; tests/db/atrest.test.ts checks none is here).
import type { KindName } from './indexes.ts';

export const SENSITIVE_FIELDS = {
  venue: [],
  session: ['reflection'],
  attendee: ['contact', 'needs', 'heardVia', 'cake', 'consent', 'dietary'],
  checkIn: [],
  outreach: [],
  note: ['body', 'focusAreas', 'concern', 'ons4', 'positives', 'followUp'],
  visit: ['where'],
  activity: [],
  service: [],
  feedback: ['comment'],
  training: [],
  pvg: [],
  hours: [],
  supervision: [],
  supervisionNote: ['content'],
  booking: ['travelNote'],
  partner: [],
  referral: ['reason'],
  questionnaire: [],
  // Sealed whether anonymous or not: free text can name someone, and answers kept with a person are about them.
  response: ['answers', 'other'],
} as const satisfies Record<KindName, readonly string[]>;

const SETS = new Map<string, ReadonlySet<string>>(
  Object.entries(SENSITIVE_FIELDS).map(([kind, fields]) => [kind, new Set<string>(fields)]),
);

export function sensitiveFields(kind: string): readonly string[] {
  return (SENSITIVE_FIELDS as Record<string, readonly string[] | undefined>)[kind] ?? [];
}

export function isSensitive(kind: string, field: string): boolean {
  return SETS.get(kind)?.has(field) === true;
}

/** Where a sealed value belongs: sealing binds it there (AES-GCM additional data). */
export function sealPlace(kind: string, id: string, field: string): string {
  return `${kind}/${id}/${field}`;
}
