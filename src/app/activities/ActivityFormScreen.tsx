// Add an activity of your own, or edit one. Editing a starter idea saves the organisation's copy under the
// same id, which then replaces the original on every device (see domain/library/overrides.ts).
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { ACTIVITY_KINDS } from '../../domain/activity.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { DraftNotice, FormActions, InputField, SelectField, TextAreaField, useForm } from '../components/form/index.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
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
  const form = useForm({
    draftKey: editingId ? `activity:${editingId}` : 'activity:new',
    initial,
    validate: validateActivity,
    onValid: save,
  });
  const [problem, setProblem] = useState<string | null>(null);

  async function save() {
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
      <form noValidate onSubmit={(event) => void form.onSubmit(event)} aria-label={title}>
        <InputField label="Name" {...form.field('title')} />
        <SelectField label="Kind" placeholder="Choose a kind" choices={KIND_CHOICES} {...form.field('kind')} />
        <div className="field-row">
          <InputField
            label="Youngest age (months)"
            hint="0 for newborns"
            type="number"
            inputMode="numeric"
            {...form.field('minAgeMonths')}
          />
          <InputField
            label="Oldest age (months)"
            hint="Up to 60"
            type="number"
            inputMode="numeric"
            {...form.field('maxAgeMonths')}
          />
        </div>
        <TextAreaField
          label="Safety notes"
          hint="What to check before and during: small parts, cords, allergies, an adult always watching."
          rows={5}
          {...form.field('safety')}
        />
        <TextAreaField label="Materials" hint="One item on each line." rows={5} {...form.field('materials')} />
        <TextAreaField label="How to" rows={6} {...form.field('howTo')} />
        <TextAreaField
          label="Why it helps"
          hint="For the parent and for the baby: what you hope they get from it."
          {...form.field('whyItHelps')}
        />
        <FormActions
          problem={problem}
          busy={form.busy}
          submit={entry ? 'Save changes' : 'Add activity'}
          onCancel={onCancel}
        />
      </form>
    </Screen>
  );
}
