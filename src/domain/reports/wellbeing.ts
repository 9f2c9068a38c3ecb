// Wellbeing: the focus areas raised in notes over time, ONS4 answers before and after (counts of people, never
// who), and concerns raised with how quickly a coordinator picked them up.
import { londonDate } from '../london.ts';
import { FOCUS_AREAS } from '../note.ts';
import { ONS4_QUESTIONS, ons4Band, ons4Series, type Ons4Band, type Ons4Key, type Ons4Point } from '../ons4.ts';
import { periodKey, periodLabel, periodsBetween, type Period, type ReportNote, type Scope } from './scope.ts';
import { SMALL } from './suppress.ts';
import { columnSums, keepBack, type CellRef, type Column, type ReportTable, type Row } from './table.ts';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function focusAreas(scope: Scope): ReportTable {
  const rows = FOCUS_AREAS.map((area) => {
    const notes = scope.notes.filter((note) => note.focusAreas?.includes(area));
    const people = new Set(notes.map((note) => scope.personOf(note.attendeeId ?? '')));
    return { area: capitalise(area), notes: notes.length, parents: people.size };
  });
  return {
    id: 'focus-areas',
    title: 'Focus areas raised in notes',
    columns: [
      { key: 'area', label: 'Focus area', kind: 'label' },
      { key: 'notes', label: 'Notes', kind: 'events' },
      { key: 'parents', label: 'Parents', kind: 'people' },
    ],
    rows,
  };
}

export function focusAreasOverTime(scope: Scope, period: Period): ReportTable {
  const counts = new Map<string, Map<string, number>>();
  for (const note of scope.notes) {
    const key = periodKey(londonDate(note.createdAt ?? ''), period);
    let byArea = counts.get(key);
    if (!byArea) counts.set(key, (byArea = new Map()));
    for (const area of note.focusAreas ?? []) byArea.set(area, (byArea.get(area) ?? 0) + 1);
  }
  const columns: Column[] = [
    { key: 'period', label: capitalise(period), kind: 'label' },
    ...FOCUS_AREAS.map((area) => ({ key: area, label: capitalise(area), kind: 'events' as const })),
  ];
  const rows = periodsBetween(scope.filters.from, scope.filters.to, period).map((key) => {
    const row: Row = { period: periodLabel(key, period) };
    for (const area of FOCUS_AREAS) row[area] = counts.get(key)?.get(area) ?? 0;
    return row;
  });
  return { id: `focus-areas-by-${period}`, title: `Focus areas by ${period}`, columns, rows };
}

/** Each person's first and latest ONS4 answers in the range, for the people who answered at least twice. */
function firstAndLast(scope: Scope): { first: Ons4Point; last: Ons4Point }[] {
  const byPerson = new Map<string, ReportNote[]>();
  for (const note of scope.notes) {
    if (!note.ons4 || !note.attendeeId) continue;
    const personId = scope.personOf(note.attendeeId);
    const notes = byPerson.get(personId);
    if (notes) notes.push(note);
    else byPerson.set(personId, [note]);
  }
  const pairs: { first: Ons4Point; last: Ons4Point }[] = [];
  for (const notes of byPerson.values()) {
    const series = ons4Series(notes);
    const first = series[0];
    const last = series[series.length - 1];
    if (series.length >= 2 && first && last) pairs.push({ first, last });
  }
  return pairs;
}

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : undefined;

/** For each measure: people with two or more answers, their average first and latest, and who moved which way. */
export function ons4Changes(scope: Scope): ReportTable {
  const pairs = firstAndLast(scope);
  const people = pairs.length;
  const rows = ONS4_QUESTIONS.map(({ key, measure, lowerIsBetter }) => {
    const change = (pair: (typeof pairs)[number]) => (pair.last[key] - pair.first[key]) * (lowerIsBetter ? -1 : 1);
    return {
      measure,
      people,
      before: { value: mean(pairs.map((pair) => pair.first[key])), people },
      after: { value: mean(pairs.map((pair) => pair.last[key])), people },
      better: pairs.filter((pair) => change(pair) > 0).length,
      same: pairs.filter((pair) => change(pair) === 0).length,
      worse: pairs.filter((pair) => change(pair) < 0).length,
    };
  });
  const table: ReportTable = {
    id: 'ons4-changes',
    title: 'Wellbeing (ONS4): first and latest answers',
    columns: [
      { key: 'measure', label: 'Measure', kind: 'label' },
      { key: 'people', label: 'Parents answering twice or more', kind: 'people' },
      { key: 'before', label: 'Average first answer', kind: 'average' },
      { key: 'after', label: 'Average latest answer', kind: 'average' },
      { key: 'better', label: 'Better', kind: 'people' },
      { key: 'same', label: 'No change', kind: 'people' },
      { key: 'worse', label: 'Worse', kind: 'people' },
    ],
    rows,
  };
  // Better, no change and worse add up to the parents answering, shown in the same row.
  return keepBack(
    table,
    rows.map((_, row) => ['better', 'same', 'worse'].map((key): CellRef => [row, key])),
  );
}

const BANDS: Record<Ons4Key, Ons4Band[]> = {
  satisfied: ['low', 'medium', 'high', 'very high'],
  worthwhile: ['low', 'medium', 'high', 'very high'],
  happy: ['low', 'medium', 'high', 'very high'],
  anxious: ['very low', 'low', 'medium', 'high'],
};

/** How many people's first and latest answers fell in each of the ONS's reporting bands. */
export function ons4Distribution(scope: Scope): ReportTable {
  const pairs = firstAndLast(scope);
  const rows: Row[] = [];
  const measures: number[][] = [];
  for (const { key, measure } of ONS4_QUESTIONS) {
    measures.push(BANDS[key].map((_, band) => rows.length + band));
    for (const band of BANDS[key]) {
      rows.push({
        measure,
        band: capitalise(band),
        before: pairs.filter((pair) => ons4Band(key, pair.first[key]) === band).length,
        after: pairs.filter((pair) => ons4Band(key, pair.last[key]) === band).length,
      });
    }
  }
  const table: ReportTable = {
    id: 'ons4-distribution',
    title: 'Wellbeing (ONS4): answers by band',
    columns: [
      { key: 'measure', label: 'Measure', kind: 'label' },
      { key: 'band', label: 'Band', kind: 'label' },
      { key: 'before', label: 'First answer', kind: 'people' },
      { key: 'after', label: 'Latest answer', kind: 'people' },
    ],
    rows,
  };
  // A measure's bands add up, first answers and latest alike, to the parents answering twice or more.
  return keepBack(
    table,
    measures.flatMap((bands) => columnSums(table, ['before', 'after'], bands)),
  );
}

const CONCERNS = [
  { level: 'keep an eye', label: 'Keep an eye', pickedUp: false },
  { level: 'talk to coordinator', label: 'Talk to coordinator', pickedUp: true },
  { level: 'urgent', label: 'Urgent', pickedUp: true },
] as const;

const median = (values: number[]) => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Concerns raised in notes, and for those a coordinator must pick up: how many were, and how fast (median). */
export function concerns(scope: Scope): ReportTable {
  const rows = CONCERNS.map(({ level, label, pickedUp }) => {
    const raised = scope.notes.filter((note) => note.concern === level);
    if (!pickedUp) return { label, raised: raised.length };
    const minutes: number[] = [];
    let picked = 0;
    let withinDay = 0;
    for (const note of raised) {
      if (!note.concernPickedUpBy?.trim()) continue;
      picked++;
      if (!note.pickedUpAt || !note.createdAt) continue;
      const waited = Math.max(0, (Date.parse(note.pickedUpAt) - Date.parse(note.createdAt)) / 60_000);
      minutes.push(waited);
      if (waited <= 24 * 60) withinDay++;
    }
    return {
      label,
      raised: raised.length,
      pickedUp: picked,
      waiting: raised.length - picked,
      withinDay,
      // Worked out from fewer than five concerns, a typical time would tell when one parent's was picked up.
      median: minutes.length < SMALL ? undefined : median(minutes),
    };
  });
  // Concerns are written about parents: counted like their notes ('events'), so fewer than five show as "<5".
  const table: ReportTable = {
    id: 'concerns',
    title: 'Concerns raised',
    columns: [
      { key: 'label', label: 'Concern', kind: 'label' },
      { key: 'raised', label: 'Raised', kind: 'events' },
      { key: 'pickedUp', label: 'Picked up', kind: 'events' },
      { key: 'waiting', label: 'Waiting', kind: 'events' },
      { key: 'withinDay', label: 'Picked up within a day', kind: 'events' },
      { key: 'median', label: 'Typical time to pick up (median)', kind: 'duration' },
    ],
    rows,
  };
  // Picked up and waiting add up to those raised, in each row a coordinator picks up.
  const pickedUpRows = CONCERNS.flatMap(({ pickedUp }, row) => (pickedUp ? [row] : []));
  return keepBack(
    table,
    pickedUpRows.map((row): CellRef[] => [
      [row, 'pickedUp'],
      [row, 'waiting'],
    ]),
  );
}
