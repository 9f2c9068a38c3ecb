// The rules of the activity form, with the words that say what to fix, and its values as a record.
import type { Errors } from '../account/validation.ts';
import { ACTIVITY_KINDS, type Activity } from '../../domain/activity.ts';

export type ActivityField =
  'title' | 'kind' | 'minAgeMonths' | 'maxAgeMonths' | 'materials' | 'howTo' | 'whyItHelps' | 'safety';
export type ActivityFormValues = Record<ActivityField, string>;

const MAX_TITLE = 120;
const MAX_AGE = 60;
const MAX_ITEM = 200;
const MAX_ITEMS = 100;
const MAX_TEXT = 20_000;

export const BLANK_ACTIVITY: ActivityFormValues = {
  title: '',
  kind: '',
  minAgeMonths: '0',
  maxAgeMonths: '12',
  materials: '',
  howTo: '',
  whyItHelps: '',
  safety: '',
};

export function activityToForm(activity: Activity): ActivityFormValues {
  return {
    title: activity.title ?? '',
    kind: activity.kind ?? '',
    minAgeMonths: String(activity.minAgeMonths ?? 0),
    maxAgeMonths: String(activity.maxAgeMonths ?? MAX_AGE),
    materials: (activity.materials ?? []).join('\n'),
    howTo: activity.howTo ?? '',
    whyItHelps: activity.whyItHelps ?? '',
    safety: activity.safety ?? '',
  };
}

const materialLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function checkAge(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter an age in months (0 for newborns).';
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > MAX_AGE)
    return `Enter a whole number of months from 0 to ${MAX_AGE}.`;
  return undefined;
}

function checkLong(value: string, missing: string | undefined): string | undefined {
  if (missing && !value.trim()) return missing;
  if (value.length > MAX_TEXT) return `Shorten this to ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer.`;
  return undefined;
}

export function validateActivity(values: ActivityFormValues): Errors<ActivityField> {
  const errors: Errors<ActivityField> = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Give the activity a name.';
  else if (title.length > MAX_TITLE) errors.title = `Shorten the name to ${MAX_TITLE} characters or fewer.`;
  if (!(ACTIVITY_KINDS as readonly string[]).includes(values.kind)) errors.kind = 'Choose the kind of activity.';
  const min = checkAge(values.minAgeMonths);
  const max = checkAge(values.maxAgeMonths);
  if (min) errors.minAgeMonths = min;
  if (max) errors.maxAgeMonths = max;
  else if (!min && Number(values.maxAgeMonths) < Number(values.minAgeMonths)) {
    errors.maxAgeMonths = `The oldest age can't be younger than the youngest (${values.minAgeMonths.trim()} months).`;
  }
  const lines = materialLines(values.materials);
  const longLine = lines.findIndex((line) => line.length > MAX_ITEM);
  if (longLine >= 0) errors.materials = `Shorten item ${longLine + 1} to ${MAX_ITEM} characters or fewer.`;
  else if (lines.length > MAX_ITEMS) errors.materials = `List at most ${MAX_ITEMS} items.`;
  const howTo = checkLong(values.howTo, 'Say how to run it, so that anyone in the team can pick it up.');
  if (howTo) errors.howTo = howTo;
  const why = checkLong(values.whyItHelps, undefined);
  if (why) errors.whyItHelps = why;
  const safety = checkLong(
    values.safety,
    'Add safety notes: what to check before and during. Every activity needs them.',
  );
  if (safety) errors.safety = safety;
  return errors;
}

/** The record's values from a valid form. `deleted: false` brings back an edit that was once undone. */
export function formToActivity(values: ActivityFormValues, builtIn: boolean): Record<string, unknown> {
  return {
    title: values.title.trim(),
    kind: values.kind,
    minAgeMonths: Number(values.minAgeMonths.trim()),
    maxAgeMonths: Number(values.maxAgeMonths.trim()),
    materials: materialLines(values.materials),
    howTo: values.howTo.trim(),
    whyItHelps: values.whyItHelps.trim(),
    safety: values.safety.trim(),
    builtIn,
    deleted: false,
  };
}
