// The activity library as the screens see it: the starter ideas with the organisation's own laid over them.
import { useMemo } from 'react';
import { useRecords } from '../../db/hooks.ts';
import type { Activity } from '../../domain/activity.ts';
import { STARTER_ACTIVITIES } from '../../domain/library/activities.ts';
import { overlayLibrary, type LibraryEntry } from '../../domain/library/overrides.ts';

export type ActivityEntry = LibraryEntry<Activity>;

const byTitle = (a: ActivityEntry, b: ActivityEntry) =>
  (a.record.title ?? '').localeCompare(b.record.title ?? '', 'en-GB');

/** Every activity, by title; `undefined` while the device database answers. */
export function useActivityLibrary(): ActivityEntry[] | undefined {
  // Rows were validated against the activity schema when saved.
  const rows = useRecords('activity');
  return useMemo(() => rows && overlayLibrary<Activity>(STARTER_ACTIVITIES, rows).toSorted(byTitle), [rows]);
}

/** One activity, built-in or own; `null` when there is none with this id. */
export function useActivityEntry(id: string): ActivityEntry | null | undefined {
  const library = useActivityLibrary();
  return library && (library.find((entry) => entry.record.id === id) ?? null);
}

/** "Treasure basket" from the stored "treasure basket". */
export function kindLabel(kind: string | undefined): string {
  return kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : 'Activity';
}

function monthsLabel(months: number): string {
  if (months === 0) return 'birth';
  if (months % 12 === 0) return `${months / 12} year${months === 12 ? '' : 's'}`;
  return `${months} month${months === 1 ? '' : 's'}`;
}

/** "From birth to 12 months", "5 to 10 months", "1 year to 3 years". */
export function ageRangeLabel(activity: Activity): string {
  const min = activity.minAgeMonths ?? 0;
  const max = activity.maxAgeMonths ?? 60;
  if (min === 0) return `From birth to ${monthsLabel(max)}`;
  if (min % 12 !== 0 && max % 12 !== 0) return `${min} to ${max} months`;
  return `${monthsLabel(min)} to ${monthsLabel(max)}`;
}
