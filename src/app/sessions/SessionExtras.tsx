// The parts of a session page around its plan: activity ideas, the reflection, the cakes, making a course.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useDb, useRecords } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { saveSessions, sessionValues } from '../../db/sessions.ts';
import type { Activity } from '../../domain/activity.ts';
import type { Attendee } from '../../domain/attendee.ts';
import type { CheckIn } from '../../domain/checkIn.ts';
import { babyAgesInMonths } from '../../domain/expected.ts';
import { STARTER_ACTIVITIES, suggestActivities, type ActivitySuggestion } from '../../domain/library/activities.ts';
import { overlayLibrary } from '../../domain/library/overrides.ts';
import { MAX_SERIES_WEEKS, cakeList, weeklySeries } from '../../domain/schedule.ts';
import type { Session } from '../../domain/session.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { InputField, TextAreaField, useDraft } from '../components/form/index.ts';

const SUGGESTIONS_SHOWN = 5;
const PER_KIND = 2;

/** The best few ideas, but no more than two of a kind, so a facilitator sees a basket, a story and a song. */
function varied(suggestions: ActivitySuggestion[]): ActivitySuggestion[] {
  const perKind = new Map<string, number>();
  const picked: ActivitySuggestion[] = [];
  for (const suggestion of suggestions) {
    const kind = suggestion.activity.kind ?? '';
    if ((perKind.get(kind) ?? 0) >= PER_KIND) continue;
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    picked.push(suggestion);
    if (picked.length === SUGGESTIONS_SHOWN) break;
  }
  return picked;
}
const ages = (min = 0, max = 60) => `${min}–${max} months`;

export function Suggestions({ session, expected }: { session: Session; expected: readonly Attendee[] }) {
  const db = useDb();
  const user = useCurrentUser();
  const own = useRecords('activity') ?? [];
  // The organisation's edits of starter activities, and its own ideas, laid over the shipped library.
  const library = overlayLibrary<Activity>(STARTER_ACTIVITIES, own).map((entry) => entry.record);
  const babyAges = babyAgesInMonths(expected, session.startsAt ?? new Date());
  const chosen = new Set(session.activityIds ?? []);
  const suggestions = varied(suggestActivities(library, babyAges).filter(({ activity }) => !chosen.has(activity.id)));
  const inPlan = library.filter((activity) => chosen.has(activity.id));
  const toggle = (activityId: string) => {
    const next = chosen.has(activityId) ? [...chosen].filter((id) => id !== activityId) : [...chosen, activityId];
    void saveRecord(db, 'session', session.id, { activityIds: next }, { userId: user?.id ?? '' });
  };
  return (
    <section aria-labelledby="activities-heading">
      <h2 id="activities-heading">Activities</h2>
      {inPlan.length > 0 && (
        <ul className="activity-list" aria-label="In the plan">
          {inPlan.map((activity) => (
            <li key={activity.id} className="activity-card">
              <h3>{activity.title}</h3>
              <p className="record-meta">{ages(activity.minAgeMonths, activity.maxAgeMonths)}</p>
              {activity.safety && (
                <p className="safety">
                  <strong>Safety: </strong>
                  {activity.safety}
                </p>
              )}
              <button type="button" className="button-secondary" onClick={() => toggle(activity.id)}>
                Take {activity.title} out of the plan
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Ideas for the babies expected</h3>
      <p className="field-hint">
        {babyAges.length === 0
          ? 'No ages known for the babies expected yet, so these are ideas for any age.'
          : `For babies aged ${[...babyAges]
              .sort((a, b) => a - b)
              .map((age) => `${age}`)
              .join(', ')} months.`}
      </p>
      <ul className="activity-list" aria-label="Suggested activities">
        {suggestions.map(({ activity, fits }) => (
          <li key={activity.id} className="activity-card">
            <h4>{activity.title}</h4>
            <p className="record-meta">
              {activity.kind} · {ages(activity.minAgeMonths, activity.maxAgeMonths)}
              {babyAges.length > 0 && ` · suits ${fits} of ${babyAges.length}`}
            </p>
            <button type="button" className="button-secondary" onClick={() => toggle(activity.id)}>
              Add {activity.title} to the plan
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Reflection({ session }: { session: Session }) {
  const db = useDb();
  const user = useCurrentUser();
  const draft = useDraft(`session-reflection:${session.id}`, session.reflection ?? '');
  const [saved, setSaved] = useState(false);
  const tooLong = draft.value.length > 20_000;
  async function save(event: FormEvent) {
    event.preventDefault();
    if (tooLong) return;
    const changes: Record<string, unknown> = { reflection: draft.value.trim() };
    // Writing the reflection is what closes a session off.
    if (session.status !== 'cancelled' && session.status !== 'done') changes.status = 'done';
    await saveRecord(db, 'session', session.id, changes, { userId: user?.id ?? '' });
    await draft.discard();
    setSaved(true);
  }
  return (
    <section aria-labelledby="reflection-heading">
      <h2 id="reflection-heading">After the session</h2>
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextAreaField
          id="reflection"
          label="Reflection"
          hint="How did it go? What would you keep or change next time? No names, please."
          value={draft.value}
          error={tooLong ? 'Shorten the reflection to 20,000 characters or fewer.' : undefined}
          onChange={(value) => {
            setSaved(false);
            draft.setValue(value);
          }}
        />
        <button type="submit" className="button-primary">
          Save the reflection
        </button>
        <p role="status">{saved ? 'Reflection saved on this device.' : ''}</p>
      </form>
    </section>
  );
}

interface CakeListProps {
  sessionIds: string[];
  checkIns: readonly CheckIn[];
  attendees: readonly Attendee[];
}

export function CakeList({ sessionIds, checkIns, attendees }: CakeListProps) {
  const cakes = cakeList(sessionIds, checkIns, attendees);
  return (
    <section aria-labelledby="cakes-heading">
      <h2 id="cakes-heading">Everyone’s cakes</h2>
      <p className="field-hint">The cake session: bring the cakes people said they would be.</p>
      {cakes.length === 0 ? (
        <p className="empty-line">Nobody on this course has said what cake they would be yet.</p>
      ) : (
        <ul className="cake-list">
          {cakes.map((entry) => (
            <li key={entry.attendeeId}>
              <strong>{entry.displayName}</strong>: {entry.cake}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MakeCourse({ session }: { session: Session }) {
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [weeks, setWeeks] = useState('6');
  const [touched, setTouched] = useState(false);
  const count = Number(weeks);
  const error =
    Number.isInteger(count) && count >= 2 && count <= MAX_SERIES_WEEKS
      ? undefined
      : `Enter a number of weeks from 2 to ${MAX_SERIES_WEEKS}.`;
  async function make(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (error || !session.startsAt) return;
    // The id comes from this session, so making the course twice (a double tap, two tablets) adds nothing.
    const series = weeklySeries(
      { ...sessionValues(session), startsAt: session.startsAt },
      count,
      `course-${session.id}`,
    );
    const [first, ...rest] = series;
    if (!first) return;
    // This session becomes week 1 and keeps its id, so its check-ins, outreach and notes stay with it; only
    // its title and series change (its ticked materials, status and reflection are its own).
    await saveSessions(db, [{ id: session.id, title: first.title, seriesId: first.seriesId }, ...rest], user?.id ?? '');
    await navigate('/sessions');
  }
  return (
    <section aria-labelledby="course-heading">
      <h2 id="course-heading">Make it a course</h2>
      <form onSubmit={(event) => void make(event)} noValidate className="inline-form">
        <InputField
          id="course-weeks"
          label="Weekly for how many weeks?"
          hint="This session becomes week 1; the rest follow at the same time each week."
          type="number"
          inputMode="numeric"
          value={weeks}
          error={touched ? error : undefined}
          onChange={(value) => {
            setWeeks(value);
            setTouched(true);
          }}
        />
        <button type="submit" className="button-secondary">
          Make it a course
        </button>
      </form>
    </section>
  );
}
