// Promotion (README, "Promotion and the public timetable"): what an organisation makes public, the public
// timetable built from it, and the routes it promotes itself through (server/routes/publicity.ts).
import { z } from 'zod';
import { MAX_PUBLIC_WEEKS, MAX_PUBLICITY_LINE, MAX_PUBLICITY_TEXT, MIN_PUBLIC_WEEKS } from './limits.ts';
import { PROMOTION_ROUTES, PUBLIC_SESSION_KINDS } from '../domain/promotion.ts';

const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\r\n]/.test(value), 'must be one line');

/** PUT /api/organisation/publicity: everything the public timetable shows beyond the sessions themselves. */
export const publicityBody = z.strictObject({
  enabled: z.boolean(),
  intro: line(MAX_PUBLICITY_TEXT),
  contact: line(MAX_PUBLICITY_LINE),
  /** Drop-ins and courses only: a 1-2-1 is never public, whatever is sent. */
  kinds: z.array(z.enum(PUBLIC_SESSION_KINDS)).max(PUBLIC_SESSION_KINDS.length),
  weeksAhead: z
    .number()
    .int()
    .min(MIN_PUBLIC_WEEKS, `must be at least ${MIN_PUBLIC_WEEKS} week`)
    .max(MAX_PUBLIC_WEEKS, `must be at most ${MAX_PUBLIC_WEEKS} weeks`),
  showVenues: z.boolean(),
  whatToExpect: line(MAX_PUBLICITY_TEXT),
  babiesWelcome: z.boolean(),
  childcare: line(MAX_PUBLICITY_LINE),
  transport: line(MAX_PUBLICITY_LINE),
  routes: z.array(z.enum(PROMOTION_ROUTES)).max(PROMOTION_ROUTES.length),
  /** Makes a new address for the timetable: the old one stops working (a poster printed with it too). */
  newLink: z.boolean().optional(),
});
export type PublicityBody = z.infer<typeof publicityBody>;

export const publicitySettingsSchema = publicityBody.omit({ newLink: true }).extend({
  /** The timetable's address is /t/<slug>. */
  slug: z.string(),
  organisation: z.string(),
});
export type PublicitySettings = z.infer<typeof publicitySettingsSchema>;
export const publicityAnswer = z.object({ settings: publicitySettingsSchema });

export const timetableParams = z.strictObject({ slug: z.string().max(100) });

/** One session as the public sees it: only these fields ever leave the server. */
export const publicSessionSchema = z.object({
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  kind: z.enum(PUBLIC_SESSION_KINDS),
  theme: z.string().nullable(),
  cancelled: z.boolean(),
  venue: z
    .object({
      /** Null when the organisation keeps venues to itself: only the locality shows. */
      name: z.string().nullable(),
      locality: z.string().nullable(),
      address: z.string().nullable(),
      babyChange: z.boolean(),
      parking: z.boolean(),
    })
    .nullable(),
});
export type PublicSession = z.infer<typeof publicSessionSchema>;

/** GET /api/public/timetable/:slug */
export const publicTimetableSchema = z.object({
  organisation: z.string(),
  intro: z.string(),
  contact: z.string(),
  whatToExpect: z.string(),
  babiesWelcome: z.boolean(),
  childcare: z.string(),
  transport: z.string(),
  weeksAhead: z.number(),
  sessions: z.array(publicSessionSchema),
  generatedAt: z.string(),
});
export type PublicTimetable = z.infer<typeof publicTimetableSchema>;
