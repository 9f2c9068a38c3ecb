// A text or call before a group, what came of it, and the discreet message and links to send it.
import { differenceInCalendarDays, format } from 'date-fns';
import { z } from 'zod';
import type { Attendee } from './attendee.ts';
import { commonFields, dateTime, id, text } from './fields.ts';
import { CALENDAR, LONDON, calendarDate, londonDate, shortTime } from './london.ts';
import { canReceiveTexts, normalisePhone } from './phone.ts';
import type { Session } from './session.ts';
import type { Venue } from './venue.ts';
import { venueAfterAt } from './venueWords.ts';

const OUTREACH_METHODS = ['text', 'call'] as const;
export const OUTREACH_OUTCOMES = ['coming', 'not coming', 'no answer'] as const;

export const outreachFields = z.strictObject({
  ...commonFields,
  sessionId: id,
  attendeeId: id,
  method: z.enum(OUTREACH_METHODS),
  outcome: z.enum(OUTREACH_OUTCOMES),
  at: dateTime,
  byUserId: text(100),
});
export type Outreach = { id: string } & Partial<z.infer<typeof outreachFields>>;
export const outreachRequired = ['sessionId', 'attendeeId'] as const;

/**
 * Words that would tell whoever sees a text (a partner, a parent, a lock screen in a shared house) what the
 * group is for. "group" is here too: "the group" from a volunteer reads as "a support group", and stigma in
 * a small community is the first worry of the people we text.
 */
export const REVEALING_WORDS = [
  'mental health',
  'mental',
  'perinatal',
  'postnatal',
  'post-natal',
  'antenatal',
  'postpartum',
  'peer support',
  'support',
  'supporter',
  'wellbeing',
  'well-being',
  'group',
  'charity',
  'depression',
  'depressed',
  'anxiety',
  'anxious',
  'counselling',
  'therapy',
  'mind',
] as const;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (value: string) => value.toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();

/** The revealing words (and the organisation's name) found in a message, for a warning as it is edited. */
export function revealingWords(message: string, organisationName: string): string[] {
  const found: string[] = [];
  const name = squash(organisationName);
  if (name && squash(message).includes(name)) found.push(organisationName.trim());
  for (const word of REVEALING_WORDS) {
    if (new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}($|[^\\p{L}])`, 'iu').test(message)) found.push(word);
  }
  return found;
}

/** Messages are discreet unless the person has said yes to naming the charity. */
export function isDiscreet(attendee: Attendee): boolean {
  return attendee.contact?.okToNameCharity !== true;
}

function whenText(startsAt: string, now: Date | undefined): string {
  const time = shortTime(startsAt);
  if (now) {
    const days = differenceInCalendarDays(calendarDate(londonDate(startsAt)), calendarDate(londonDate(now)), {
      in: CALENDAR,
    });
    if (days === 0) return `today at ${time}`;
    if (days === 1) return `tomorrow at ${time}`;
    if (days > 1 && days < 7) return `${format(new Date(startsAt), 'EEEE', { in: LONDON })} at ${time}`;
  }
  return `${format(new Date(startsAt), 'EEEE d MMMM', { in: LONDON })} at ${time}`;
}

export interface MessageInput {
  attendee: Attendee;
  session: Session;
  venue?: Venue | undefined;
  organisationName: string;
  /** The sender's first name, as the person knows them. */
  sender: string;
  /** Lets the message say "today", "tomorrow" or a weekday; without it the date is written out. */
  now?: Date | undefined;
}

/**
 * A short, friendly text before a group, for the facilitator to edit and send. A discreet message never
 * names the organisation, the session's title or a venue whose name gives the purpose away.
 */
export function composeMessage({ attendee, session, venue, organisationName, sender, now }: MessageInput): string {
  const discreet = isDiscreet(attendee);
  const name = attendee.displayName?.trim();
  const from = sender.trim();
  const greeting = name ? `Hi ${name}` : 'Hi';
  const intro = from
    ? `, it's ${from}${discreet || !organisationName.trim() ? '' : ` from ${organisationName.trim()}`}`
    : '';
  const when = ` ${session.startsAt ? whenText(session.startsAt, now) : 'next time'}`;
  const venueName = venue?.name?.trim();
  const place = discreet
    ? venueName && revealingWords(venueName, organisationName).length === 0
      ? ` at ${venueAfterAt(venueName)}`
      : ' at the usual place'
    : venueName
      ? ` at ${venueAfterAt(venueName)}`
      : '';
  const what = discreet ? '' : ' the group';
  return `${greeting}${intro}. Just checking you're still OK for${what}${when}${place}? Hope to see you there x`;
}

/** An sms: link that opens the phone's messages app with the text filled in (the "?&" form works on iOS and Android). */
export function smsLink(phone: string | undefined, body: string): string | undefined {
  const number = normalisePhone(phone);
  return number ? `sms:${number}?&body=${encodeURIComponent(body)}` : undefined;
}

export function telLink(phone: string | undefined): string | undefined {
  const number = normalisePhone(phone);
  return number ? `tel:${number}` : undefined;
}

export function canText(attendee: Attendee): boolean {
  return attendee.deleted !== true && attendee.contact?.okToText === true && canReceiveTexts(attendee.contact.phone);
}

export function canVoicemail(attendee: Attendee): boolean {
  return (
    attendee.deleted !== true && attendee.contact?.okToVoicemail === true && !!normalisePhone(attendee.contact.phone)
  );
}

/** Calling needs only a number: the person chooses whether to answer; voicemail is a separate question. */
export function canCall(attendee: Attendee): boolean {
  return attendee.deleted !== true && !!normalisePhone(attendee.contact?.phone);
}
