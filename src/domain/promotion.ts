// Promotion: the session kinds a timetable may show, the routes an organisation promotes itself through, and
// the ready-made post made from the next sessions. Pure, shared by the server's public pages and the app.
import { format } from 'date-fns';
import { LONDON, shortTime } from './london.ts';

/** A 1-2-1 is never public: it would tell the world that one parent is meeting a supporter. */
export const PUBLIC_SESSION_KINDS = ['drop-in', 'course'] as const;
export type PublicSessionKind = (typeof PUBLIC_SESSION_KINDS)[number];

/**
 * The routes promoted, in the words "How did you hear about us" records (app/people/personForm.ts HEARD_VIA),
 * so that the report can set one against the other; tests/domain/promotion.test.ts keeps the two in step.
 */
export const PROMOTION_ROUTES = [
  'social media',
  'health visitor',
  'GP',
  'baby group',
  'internet search',
  'friend',
] as const;
export type PromotionRoute = (typeof PROMOTION_ROUTES)[number];

export const ROUTE_LABELS: Record<PromotionRoute, string> = {
  'social media': 'Facebook and other social media',
  'health visitor': 'Health visitors',
  GP: 'GP surgeries',
  'baby group': 'Other baby groups',
  'internet search': 'Internet search (a website)',
  friend: 'Word of mouth (friends)',
};

export const KIND_LABELS: Record<PublicSessionKind, string> = { 'drop-in': 'Drop-in', course: 'Course' };

/** What a post needs of a session: the public timetable's own fields. */
export interface PostSession {
  title: string;
  startsAt: string;
  cancelled: boolean;
  venue: { name: string | null; locality: string | null } | null;
}

/** "Tuesday 8 December, 10am": a session's day and time in London. */
export function publicWhen(startsAt: string): string {
  return `${format(new Date(startsAt), 'EEEE d MMMM', { in: LONDON })}, ${shortTime(startsAt)}`;
}

/**
 * A post to paste into Facebook or send to health visitors: plain text, the next few sessions that are on, and
 * the timetable's address. Nothing about anyone who comes: it is made from the public timetable only.
 */
export function readyMadePost(input: {
  organisation: string;
  sessions: readonly PostSession[];
  url: string;
  babiesWelcome: boolean;
  contact: string;
  max?: number;
}): string {
  const next = input.sessions.filter((session) => !session.cancelled).slice(0, input.max ?? 4);
  const lines = [`Coming up with ${input.organisation}:`, ''];
  if (next.length === 0) lines.push('New sessions will be on our timetable soon.');
  for (const session of next) {
    const place = [session.venue?.name, session.venue?.locality].filter(Boolean).join(', ');
    const where = place ? ` at ${place}` : '';
    lines.push(`• ${publicWhen(session.startsAt)}: ${session.title}${where}`);
  }
  lines.push('');
  if (input.babiesWelcome) lines.push('Babies are very welcome.');
  if (input.contact) lines.push(input.contact);
  lines.push(`All our sessions: ${input.url}`);
  return lines.join('\n');
}
