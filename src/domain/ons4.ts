// The ONS personal wellbeing questions (ONS4), worded as the ONS asks them, and a person's answers over time.
import type { Note } from './note.ts';

export type Ons4Key = 'satisfied' | 'worthwhile' | 'happy' | 'anxious';

export interface Ons4Question {
  key: Ons4Key;
  /** The measure's short name, as the ONS reports it. */
  measure: string;
  question: string;
  /** For anxiety a lower score is the better one; reported separately, never added to the others. */
  lowerIsBetter: boolean;
}

export const ONS4_INTRODUCTION =
  'I will now ask you four questions about your feelings on aspects of your life. There are no right or wrong answers. For each of these questions I’d like you to give an answer on a scale of 0 to 10, where 0 is “not at all” and 10 is “completely”.';

export const ONS4_QUESTIONS: readonly Ons4Question[] = [
  {
    key: 'satisfied',
    measure: 'Life satisfaction',
    question: 'Overall, how satisfied are you with your life nowadays?',
    lowerIsBetter: false,
  },
  {
    key: 'worthwhile',
    measure: 'Worthwhile',
    question: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
    lowerIsBetter: false,
  },
  {
    key: 'happy',
    measure: 'Happiness',
    question: 'Overall, how happy did you feel yesterday?',
    lowerIsBetter: false,
  },
  {
    key: 'anxious',
    measure: 'Anxiety',
    question:
      'On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, how anxious did you feel yesterday?',
    lowerIsBetter: true,
  },
];

export const ONS4_ATTRIBUTION =
  'Personal wellbeing questions (ONS4) from the Office for National Statistics, used under the Open Government Licence v3.0. Each answer is reported on its own; the four are never added up.';

export type Ons4Band = 'very low' | 'low' | 'medium' | 'high' | 'very high';

/** The thresholds the ONS uses to report each measure. */
export function ons4Band(key: Ons4Key, score: number): Ons4Band {
  if (key === 'anxious') {
    if (score <= 1) return 'very low';
    if (score <= 3) return 'low';
    if (score <= 5) return 'medium';
    return 'high';
  }
  if (score <= 4) return 'low';
  if (score <= 6) return 'medium';
  if (score <= 8) return 'high';
  return 'very high';
}

export interface Ons4Point {
  noteId: string;
  /** When the note was written (ISO 8601). */
  at: string;
  satisfied: number;
  worthwhile: number;
  happy: number;
  anxious: number;
}

/** One person's answers over time, oldest first, from the notes that recorded them. Pass that person's notes. */
export function ons4Series(notes: readonly Note[]): Ons4Point[] {
  const points: Ons4Point[] = [];
  for (const note of notes) {
    if (note.deleted === true || !note.ons4 || !note.createdAt) continue;
    points.push({ noteId: note.id, at: note.createdAt, ...note.ons4 });
  }
  return points.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || a.noteId.localeCompare(b.noteId));
}
