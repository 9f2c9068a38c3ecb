// The device's secondary indexes per record kind, kept free of the schemas so that opening the database
// does not load zod on the first screen. kinds.ts joins them to the schemas in the one registry.
export const KIND_INDEXES = {
  venue: ['locality'],
  session: ['startsAt', 'venueId', 'seriesId'],
  attendee: ['displayName'],
  checkIn: ['sessionId', 'attendeeId'],
  outreach: ['sessionId', 'attendeeId'],
  // Not `concern`: it is sealed at rest (sensitive.ts), and an index would keep it in clear.
  note: ['attendeeId', 'sessionId', 'followUpDue'],
  visit: ['attendeeId', '[supporterId+at]', 'at'],
  activity: ['kind', 'minAgeMonths', 'maxAgeMonths'],
  service: ['locality'],
  feedback: ['sessionId'],
  // The volunteer records: by member for their page, by renewal date for Today's "due" list.
  training: ['memberId', 'renewBy'],
  pvg: ['memberId', 'renewBy'],
  hours: ['memberId', 'on'],
  supervision: ['memberId', 'on'],
  supervisionNote: ['supervisionId'],
  booking: ['sessionId', 'attendeeId'],
  partner: ['name'],
  // Not `followUpDue`: Today reads the derived `_i.due` (db/derived.ts), which only open follow-ups carry.
  referral: ['attendeeId', 'partnerId', 'madeAt'],
  questionnaire: ['status', 'linkId'],
  response: ['questionnaireId', 'attendeeId'],
} as const;

export type KindName = keyof typeof KIND_INDEXES;
export const KIND_NAMES = Object.keys(KIND_INDEXES) as KindName[];

export function isKindName(value: unknown): value is KindName {
  return typeof value === 'string' && Object.hasOwn(KIND_INDEXES, value);
}
