// The plan editor: a new session, a course of weekly sessions, a copy of a previous session, or an edit.
import { addWeeks } from 'date-fns';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useDb, useRecords } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { changedFields, saveSessions, sessionValues } from '../../db/sessions.ts';
import { LOCALITIES } from '../../domain/venue.ts';
import { copyOfSession, weeklySeries } from '../../domain/schedule.ts';
import { SESSION_KINDS, THEMES, type Session } from '../../domain/session.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Screen } from '../components/Screen.tsx';
import {
  CheckboxField,
  FieldFrame,
  FormActions,
  InputField,
  RadioGroup,
  TextAreaField,
  useDraft,
} from '../components/form/index.ts';
import { FacilitatorsEditor, MaterialsEditor, OutlineEditor } from './ListEditors.tsx';
import {
  KIND_LABELS,
  NEW_VENUE,
  THEME_LABELS,
  emptyPlan,
  hasErrors,
  planFromSession,
  planValues,
  validatePlan,
  type PlanErrors,
  type PlanForm,
  type ThemeChoice,
} from './planForm.ts';
import '../styles/sessions.css';
import { venueLabel } from '../../domain/venueWords.ts';

const KIND_OPTIONS = SESSION_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
const THEME_OPTIONS: { value: ThemeChoice; label: string }[] = [
  { value: '', label: 'No theme' },
  ...THEMES.map((value) => ({ value, label: THEME_LABELS[value] })),
  { value: 'own', label: 'Your own theme' },
];

/** The starting plan of a new session: blank, or "new from" a previous one a week on. */
export function initialPlan(from: Session | undefined, now: Date): PlanForm {
  if (!from?.startsAt) return emptyPlan(now);
  const copy = copyOfSession(sessionValues(from), addWeeks(from.startsAt, 1));
  return { ...planFromSession({ id: 'copy', ...copy }), weeks: '1' };
}

interface PlanEditorProps {
  /** The session being edited; none for a new one. */
  session?: Session | undefined;
  draftKey: string;
  initial: PlanForm;
}

export function PlanEditor({ session, draftKey, initial }: PlanEditorProps) {
  const db = useDb();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const venues = useRecords('venue');
  const { value: form, setValue: setForm, discard, restored } = useDraft<PlanForm>(draftKey, initial);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const isNew = !session;
  const isNewCourse = isNew && form.kind === 'course';
  const errors = validatePlan(form, isNewCourse);
  const shown = (field: keyof PlanErrors & string) =>
    submitted || touched.has(field) ? (errors[field] as string | undefined) : undefined;
  const set = <K extends keyof PlanForm>(field: K, value: PlanForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    setTouched((current) => new Set(current).add(field));
  };
  const blur = (field: string) => () => setTouched((current) => new Set(current).add(field));
  const back = session ? `/sessions/${session.id}` : '/sessions';

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors)) {
      // Straight to the first thing to fix; its message is read out through aria-describedby.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const userId = user?.id ?? '';
      let venueId = form.venueId && form.venueId !== NEW_VENUE ? form.venueId : undefined;
      if (form.venueId === NEW_VENUE) {
        venueId = newId();
        const venue: Record<string, unknown> = { name: form.newVenueName.trim() };
        if (form.newVenueLocality) venue.locality = form.newVenueLocality;
        await saveRecord(db, 'venue', venueId, venue, { userId });
        // Should the session fail to save, trying again must not add the venue twice.
        setForm((current) => ({ ...current, venueId: venueId ?? '', newVenueName: '', newVenueLocality: '' }));
      }
      const values = planValues(form, venueId);
      let target: string;
      if (session) {
        const changes = changedFields(sessionValues(session), values);
        if (Object.keys(changes).length > 0) await saveRecord(db, 'session', session.id, changes, { userId });
        target = session.id;
      } else if (isNewCourse && Number(form.weeks) > 1) {
        const template = { ...values, startsAt: String(values.startsAt) } as Parameters<typeof weeklySeries>[0];
        const weeks = weeklySeries(template, Number(form.weeks), newId());
        await saveSessions(db, weeks, userId);
        target = weeks[0]?.id ?? '';
      } else {
        target = newId();
        await saveRecord(db, 'session', target, { ...values, status: 'planned' }, { userId });
      }
      await discard();
      await navigate(`/sessions/${target}`);
    } catch {
      setProblem('The plan could not be saved on this device. Try again; what you typed is kept.');
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    await discard();
    await navigate(back);
  }

  const title = session ? 'Edit the plan' : 'Plan a session';
  return (
    <Screen title={title} className="plan-editor">
      {restored && (
        <p role="status" className="notice">
          Your unsaved changes are back.
        </p>
      )}
      <form ref={formRef} noValidate onSubmit={(event) => void save(event)}>
        <InputField
          id="title"
          label="Title"
          value={form.title}
          error={shown('title')}
          onChange={(value) => set('title', value)}
          onBlur={blur('title')}
        />
        <div className="field-row">
          <InputField
            id="date"
            label="Date"
            type="date"
            value={form.date}
            error={shown('date')}
            onChange={(value) => set('date', value)}
            onBlur={blur('date')}
          />
          <InputField
            id="start"
            label="Starts"
            type="time"
            value={form.start}
            error={shown('start')}
            onChange={(value) => set('start', value)}
            onBlur={blur('start')}
          />
          <InputField
            id="end"
            label="Ends"
            type="time"
            value={form.end}
            error={shown('end')}
            onChange={(value) => set('end', value)}
            onBlur={blur('end')}
          />
        </div>
        <FieldFrame id="venue" label="Venue">
          {(describedBy) => (
            <select
              id="venue"
              value={form.venueId}
              aria-describedby={describedBy}
              onChange={(event) => set('venueId', event.target.value)}
            >
              <option value="">Not decided yet</option>
              {(venues ?? []).map((venue) => (
                <option key={venue.id} value={venue.id}>
                  {venueLabel({
                    name: String(venue.name ?? 'Unnamed venue'),
                    locality: venue.locality ? String(venue.locality) : undefined,
                  })}
                </option>
              ))}
              <option value={NEW_VENUE}>Add a new venue…</option>
            </select>
          )}
        </FieldFrame>
        {form.venueId === NEW_VENUE && (
          <div className="new-venue">
            <InputField
              id="newVenueName"
              label="Name of the new venue"
              value={form.newVenueName}
              error={shown('newVenueName')}
              onChange={(value) => set('newVenueName', value)}
              onBlur={blur('newVenueName')}
            />
            <FieldFrame id="newVenueLocality" label="Where is it?">
              {() => (
                <select
                  id="newVenueLocality"
                  value={form.newVenueLocality}
                  onChange={(event) => set('newVenueLocality', event.target.value)}
                >
                  <option value="">Choose a place</option>
                  {LOCALITIES.map((locality) => (
                    <option key={locality} value={locality}>
                      {locality}
                    </option>
                  ))}
                </select>
              )}
            </FieldFrame>
          </div>
        )}
        <RadioGroup
          look="tiles"
          id="kind"
          legend="Kind of session"
          value={form.kind}
          options={KIND_OPTIONS}
          onChange={(v) => set('kind', v)}
        />
        {isNewCourse && (
          <InputField
            id="weeks"
            label="Weekly for how many weeks?"
            hint="Each week gets its own session at the same time, so each can be checked in and noted."
            type="number"
            inputMode="numeric"
            value={form.weeks}
            error={shown('weeks')}
            onChange={(value) => set('weeks', value)}
            onBlur={blur('weeks')}
          />
        )}
        <RadioGroup
          look="tiles"
          id="theme"
          legend="Theme"
          value={form.theme}
          options={THEME_OPTIONS}
          onChange={(v) => set('theme', v)}
        />
        {form.theme === 'own' && (
          <InputField
            id="ownTheme"
            label="Name your theme"
            value={form.ownTheme}
            error={shown('ownTheme')}
            onChange={(value) => set('ownTheme', value)}
            onBlur={blur('ownTheme')}
          />
        )}
        <OutlineEditor
          steps={form.outline}
          errors={submitted || touched.has('outline') ? errors.outline : undefined}
          onChange={(steps) => set('outline', steps)}
        />
        <FacilitatorsEditor
          names={form.facilitators}
          me={user?.name}
          onChange={(names) => set('facilitators', names)}
        />
        <TextAreaField
          id="childcare"
          label="Childcare"
          hint="Who looks after older babies and toddlers, and where."
          rows={3}
          value={form.childcare}
          error={shown('childcare')}
          onChange={(value) => set('childcare', value)}
          onBlur={blur('childcare')}
        />
        <InputField
          id="crechePlaces"
          label="Crèche places offered"
          hint="Leave blank if there is no crèche. Bookings are made on the session page."
          inputMode="numeric"
          value={form.crechePlaces ?? ''}
          error={shown('crechePlaces')}
          onChange={(value) => set('crechePlaces', value)}
          onBlur={blur('crechePlaces')}
        />
        <TextAreaField
          id="busTimes"
          label="Bus times to the venue"
          hint="For the team to pass on, for example “Stagecoach 10 from Elgin 9:40, back 12:15”."
          rows={2}
          value={form.busTimes ?? ''}
          error={shown('busTimes')}
          onChange={(value) => set('busTimes', value)}
          onBlur={blur('busTimes')}
        />
        <CheckboxField
          id="cakeSession"
          label="Bring the cakes to this session"
          hint="The “if you were a cake…” cakes: any session can be the one, not only the last of a course."
          checked={form.cakeSession === true}
          onChange={(checked) => set('cakeSession', checked)}
        />
        <MaterialsEditor items={form.materials} onChange={(items) => set('materials', items)} />
        <FormActions
          problem={problem}
          busy={busy}
          submit={
            session
              ? 'Save the plan'
              : isNewCourse && Number(form.weeks) > 1
                ? `Plan ${form.weeks} weeks`
                : 'Save the plan'
          }
          onCancel={cancel}
        />
      </form>
    </Screen>
  );
}
