// An activity idea for the group: baby baskets, stories, songs, play and short talks.
import { z } from 'zod';
import { commonFields, multiLineText, requiredText, textList } from './fields.ts';

export const ACTIVITY_KINDS = [
  'treasure basket',
  'heuristic play',
  'story',
  'song or rhyme',
  'sensory play',
  'peer-led talk',
] as const;

export const activityFields = z.strictObject({
  ...commonFields,
  title: requiredText(120),
  kind: z.enum(ACTIVITY_KINDS),
  minAgeMonths: z.number().int().min(0).max(60),
  maxAgeMonths: z.number().int().min(0).max(60),
  materials: textList,
  howTo: multiLineText(),
  whyItHelps: multiLineText(),
  safety: multiLineText(),
  builtIn: z.boolean(),
});
export type Activity = { id: string } & Partial<z.infer<typeof activityFields>>;
export const activityRequired = ['title', 'kind'] as const;

export function fitsAge(activity: Activity, ageMonths: number): boolean {
  return (activity.minAgeMonths ?? 0) <= ageMonths && ageMonths <= (activity.maxAgeMonths ?? 60);
}
