// Schedule a visit, or change one: who, what kind, when, where (kept short) and how long it should take.
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useDb, useRecords } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { useRecord } from '../../db/hooks.ts';
import { londonDate } from '../../domain/london.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { DraftNotice, FormActions, InputField, RadioGroup, SelectField, useForm } from '../components/form/index.ts';
import { EmptyState, Loading, NotFound, Screen } from '../components/Screen.tsx';
import '../styles/visits.css';
import { useContacts } from '../team/contacts.ts';
import {
  blankVisit,
  formToVisit,
  validateVisit,
  VISIT_KIND_LABELS,
  visitToForm,
  type VisitFormValues,
} from './visitForm.ts';

const KIND_CHOICES = Object.entries(VISIT_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function VisitFormScreen() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const visit = useRecord('visit', id);
  if (!id) {
    return <VisitForm initial={blankVisit(londonDate(new Date()), search.get('person') ?? '')} />;
  }
  if (visit === undefined) return <Loading />;
  if (visit === null) {
    return <NotFound thing="visit" back="/visits" backLabel="Back to visits" />;
  }
  return <VisitForm key={visit.id} visitId={visit.id} initial={visitToForm(visit)} />;
}

function VisitForm({ visitId, initial }: { visitId?: string; initial: VisitFormValues }) {
  const db = useDb();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const people = useRecords('attendee', { orderBy: 'displayName' });
  const form = useForm({
    draftKey: visitId ? `visit:${visitId}` : 'visit:new',
    initial,
    validate: validateVisit,
    onValid: save,
  });
  const [problem, setProblem] = useState<string | null>(null);
  // The buddy: anyone on the team but the supporter; a coordinator (the first by name) unless another is chosen.
  const colleagues = useContacts().filter((contact) => contact.id !== user?.id);
  const defaultBuddy = colleagues.find((contact) => contact.role === 'coordinator');
  const buddyChoices = colleagues.map((contact) => ({
    value: contact.id,
    label: contact.role === 'coordinator' ? `${contact.name} (coordinator)` : contact.name,
  }));

  const choices = (people ?? [])
    .filter((person) => !person.mergedInto)
    .map((person) => ({
      value: person.id,
      label: person.locality
        ? `${String(person.displayName)} (${String(person.locality)})`
        : String(person.displayName),
    }));

  async function save() {
    setProblem(null);
    try {
      const id = visitId ?? newId();
      const values = formToVisit(form.values, defaultBuddy?.id);
      if (!visitId) Object.assign(values, { supporterId: user?.id ?? '', status: 'scheduled' });
      await saveRecord(db, 'visit', id, values, { userId: user?.id ?? '' });
      await form.discard();
      await navigate(`/visits/${id}`, { replace: true });
    } catch {
      setProblem('The visit could not be saved on this device. Try again; what you typed is kept.');
    }
  }

  async function onCancel() {
    await form.discard();
    await navigate(visitId ? `/visits/${visitId}` : '/visits');
  }

  const title = visitId ? 'Change the visit' : 'Schedule a visit';
  if (people === undefined || !form.loaded) return <Loading />;
  if (choices.length === 0) {
    return (
      <Screen title={title}>
        <EmptyState>
          <p>There is nobody to visit yet.</p>
          <p>
            Add the person in <Link to="/people">People</Link> first (with their consent), then schedule the visit.
          </p>
        </EmptyState>
      </Screen>
    );
  }
  return (
    <Screen title={title} className="visit-form-screen">
      <DraftNotice restored={form.restored} onStartAgain={form.reset} />
      <form noValidate onSubmit={(event) => void form.onSubmit(event)} aria-label={title}>
        <SelectField
          label="Who is the visit with?"
          placeholder="Choose a person"
          choices={choices}
          {...form.field('attendeeId')}
        />
        <RadioGroup legend="Kind of visit" options={KIND_CHOICES} {...form.field('kind')} />
        <div className="field-row">
          <InputField label="Date" type="date" {...form.field('date')} />
          <InputField label="Start time" type="time" {...form.field('time')} />
        </div>
        <InputField
          label="Where"
          hint="Just enough for your coordinator to find you: a street or village, or the venue. No full address."
          {...form.field('where')}
        />
        <InputField
          label="Expected length in minutes"
          hint="Your coordinator is alerted 15 minutes after this if you haven't marked yourself safe."
          type="number"
          inputMode="numeric"
          {...form.field('expectedMinutes')}
        />
        {buddyChoices.length > 0 && (
          <SelectField
            label="Buddy"
            hint="Who is alerted with the coordinators if you haven't checked out, and who you text if you have no signal."
            placeholder={defaultBuddy ? `${defaultBuddy.name} (coordinator)` : 'Choose a buddy'}
            choices={buddyChoices}
            {...form.field('buddyId')}
          />
        )}
        <FormActions
          problem={problem}
          busy={form.busy}
          submit={visitId ? 'Save changes' : 'Schedule visit'}
          onCancel={onCancel}
        />
      </form>
    </Screen>
  );
}
