// The starter activity library that ships with Coorie, and suggestions that fit the babies expected.
import { fitsAge, type Activity } from '../activity.ts';
import { PLAY_ACTIVITIES } from './activitiesPlay.ts';
import { TOGETHER_ACTIVITIES } from './activitiesTogether.ts';
import type { StarterActivity } from './starter.ts';

export { SAFETY_BASICS, type StarterActivity } from './starter.ts';

export const STARTER_ACTIVITIES: readonly StarterActivity[] = [...PLAY_ACTIVITIES, ...TOGETHER_ACTIVITIES];

export interface ActivitySuggestion {
  activity: Activity;
  /** How many of the expected babies it suits. */
  fits: number;
}

/**
 * Activities ranked by how many of the expected babies they suit; among equals, the one made for the
 * narrower age range first (it was written for these babies), then by title. Activities that suit none of
 * them are left out, unless no ages are known at all, when everything is offered.
 */
export function suggestActivities(
  library: readonly Activity[],
  babyAgesInMonths: readonly number[],
): ActivitySuggestion[] {
  const span = (activity: Activity) => (activity.maxAgeMonths ?? 60) - (activity.minAgeMonths ?? 0);
  return library
    .filter((activity) => activity.deleted !== true)
    .map((activity) => ({ activity, fits: babyAgesInMonths.filter((age) => fitsAge(activity, age)).length }))
    .filter((suggestion) => suggestion.fits > 0 || babyAgesInMonths.length === 0)
    .sort(
      (a, b) =>
        b.fits - a.fits ||
        span(a.activity) - span(b.activity) ||
        (a.activity.title ?? '').localeCompare(b.activity.title ?? '', 'en-GB'),
    );
}
