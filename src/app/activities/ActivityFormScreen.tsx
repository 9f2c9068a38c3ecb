// Add an activity of your own, or edit one. Editing a starter idea saves the organisation's copy under the
// same id, which then replaces the original on every device (see domain/library/overrides.ts).
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { ACTIVITY_KINDS } from '../../domain/activity.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { DraftNotice, InputField, SelectField, TextAreaField } from '../components/FormControls.tsx';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import { useDraftForm } from '../components/useDraftForm.ts';
import '../styles/activities.css';
import {
  activityToForm,
  BLANK_ACTIVITY,
  formToActivity,
  validateActivity,
  type ActivityFormValues,
} from './activityForm.ts';
import { kindLabel, useActivityEntry, type ActivityEntry } from './library.ts';

const KIND_CHOICES = ACTIVITY_KINDS.map((value) => ({ value, label: kindLabel(value) }));

export function ActivityFormScreen() {
  const { id } = useParams();
  const entry = useActivityEntry(id ?? '');
  if (!id) return <ActivityForm initial={BLANK_ACTIVITY} />;
  if (entry === undefined) return <Loading />;
  if (entry === null) {
    return <NotFound thing="activity" back="/activities" backLabel="Back to activities" />;
  }
  return <ActivityForm key={entry.record.id} entry={entry} initial={activityToForm(entry.record)} />;
}

function ActivityForm({ entry, initial }: { entry?: ActivityEntry; initial: ActivityFormValues }) {
  const db = useDb();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const editingId = entry?.record.id;
  const form = useDraftForm(editingId ? `activity:${editingId}` : 'activity:new', initial, validateActivity);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(event.currentTarget) || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const id = editingId ?? newId();
      await saveRecord(
        db,
        'activity',
        id,
        formToActivity(form.values, entry?.origin !== undefined && entry.origin !== 'own'),
        {
          userId: user?.id ?? '',
        },
      );
      await form.discard();
      await navigate(`/activities/${id}`, { replace: true });
    } catch {
      setProblem('The activity could not be saved on this device. Try again; what you typed is kept.');
    } finally {
      setBusy(false);
    }
  }

  async function onCancel() {
    await form.discard();
    await navigate(editingId ? `/activities/${editingId}` : '/activities');
  }

  const title = entry ? `Edit “${entry.record.title ?? 'activity'}”` : 'Add an activity';
  if (!form.loaded) return <Loading />;
  return (
    <Screen title={title} className="activity-form-screen">
      {entry?.origin === 'built-in' && (
        <p className="lede">
          You’re editing a starter idea. Your version replaces it for everyone in your organisation; you can go back to
          the original at any time.
        </p>
      )}
      <DraftNotice restored={form.restored} onStartAgain={form.reset} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label={title}>
        <InputField label="Name" {...form.bind('title')} />
        <SelectField label="Kind" placeholder="Choose a kind" choices={KIND_CHOICES} {...form.bind('kind')} />
        <div className="field-row">
          <InputField
            label="Youngest age (months)"
            hint="0 for newborns"
            type="number"
            inputMode="numeric"
            {...form.bind('minAgeMonths')}
          />
          <InputField
            label="Oldest age (months)"
            hint="Up to 60"
            type="number"
            inputMode="numeric"
            {...form.bind('maxAgeMonths')}
          />
        </div>
        <TextAreaField
          label="Safety notes"
          hint="What to check before and during: small parts, cords, allergies, an adult always watching."
          rows={5}
          {...form.bind('safety')}
        />
        <TextAreaField label="Materials" hint="One item on each line." rows={5} {...form.bind('materials')} />
        <TextAreaField label="How to" rows={6} {...form.bind('howTo')} />
        <TextAreaField
          label="Why it helps"
          hint="For the parent and for the baby: what you hope they get from it."
          {...form.bind('whyItHelps')}
        />
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {entry ? 'Save changes' : 'Add activity'}
          </button>
          <button type="button" className="button-secondary" onClick={() => void onCancel()}>
            Cancel
          </button>
        </div>
      </form>
    </Screen>
  );
}
