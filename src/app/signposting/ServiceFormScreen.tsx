// Add a local service to the directory, or correct one. Correcting a shipped entry saves the organisation's
// copy under the same id, which then replaces it on every device (see domain/library/overrides.ts).
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { deleteRecord, newId, saveRecord } from '../../db/records.ts';
import { londonDate } from '../../domain/london.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import {
  CheckboxField,
  DraftNotice,
  FormActions,
  InputField,
  TextAreaField,
  useForm,
} from '../components/form/index.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import '../styles/signposting.css';
import { useServiceEntry, type ServiceEntry } from './directory.ts';
import { blankService, formToService, serviceToForm, validateService, type ServiceFormValues } from './serviceForm.ts';

export function ServiceFormScreen() {
  const { id } = useParams();
  const entry = useServiceEntry(id ?? '');
  if (!id) return <ServiceForm initial={blankService(londonDate(new Date()))} />;
  if (entry === undefined) return <Loading />;
  if (entry === null) {
    return <NotFound thing="service" back="/signposting" backLabel="Back to signposting" />;
  }
  return <ServiceForm key={entry.record.id} entry={entry} initial={serviceToForm(entry.record)} />;
}

function ServiceForm({ entry, initial }: { entry?: ServiceEntry; initial: ServiceFormValues }) {
  const db = useDb();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const editingId = entry?.record.id;
  const today = londonDate(new Date());
  const form = useForm({
    draftKey: editingId ? `service:${editingId}` : 'service:new',
    initial,
    validate: (values) => validateService(values, today),
    onValid: save,
  });
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function save() {
    setProblem(null);
    try {
      const builtIn = entry !== undefined && entry.origin !== 'own';
      await saveRecord(db, 'service', editingId ?? newId(), formToService(form.values, builtIn), {
        userId: user?.id ?? '',
      });
      await form.discard();
      await navigate('/signposting', { replace: true });
    } catch {
      setProblem('The service could not be saved on this device. Try again; what you typed is kept.');
    }
  }

  async function leave() {
    await form.discard();
    await navigate('/signposting');
  }

  // Removing a corrected shipped entry deletes only the copy: the shipped details show again.
  async function remove() {
    if (!editingId) return;
    await deleteRecord(db, 'service', editingId);
    await leave();
  }

  const title = entry ? `Edit “${entry.record.name ?? 'service'}”` : 'Add a local service';
  if (!form.loaded) return <Loading />;
  return (
    <Screen title={title} className="service-form-screen">
      <DraftNotice restored={form.restored} onStartAgain={form.reset} />
      <form noValidate onSubmit={(event) => void form.onSubmit(event)} aria-label={title}>
        <InputField label="Name" {...form.field('name')} />
        <TextAreaField
          label="What it offers"
          hint="In a sentence or two, as you'd tell a parent."
          {...form.field('offers')}
        />
        <InputField
          label="Phone"
          type="tel"
          inputMode="tel"
          hint="Leave empty if there is none."
          {...form.field('phone')}
        />
        <InputField label="Website" type="url" inputMode="url" hint="Like www.example.org" {...form.field('web')} />
        <InputField label="Hours" hint="Like “Monday to Friday, 9am to 5pm”" {...form.field('hours')} />
        <InputField label="Area" hint="Like Elgin, Moray or Scotland" {...form.field('locality')} />
        <InputField
          label="Details last checked on"
          hint="Shown beside the service as “check before use”."
          type="date"
          {...form.field('checkedOn')}
        />
        <CheckboxField
          id="field-needsChecking"
          name="needsChecking"
          label="Number not yet verified"
          hint="Tick to warn everyone to check the number before relying on it."
          checked={form.values.needsChecking === 'yes'}
          onChange={(checked) => form.set('needsChecking', checked ? 'yes' : '')}
        />
        <FormActions
          problem={problem}
          busy={form.busy}
          submit={entry ? 'Save changes' : 'Add service'}
          onCancel={leave}
        />
      </form>
      {entry && entry.origin !== 'built-in' && (
        <section aria-labelledby="service-remove" className="service-remove">
          <h2 id="service-remove">{entry.origin === 'own' ? 'Remove from the directory' : 'Undo your changes'}</h2>
          {confirming ? (
            <button type="button" className="button-secondary" onClick={() => void remove()}>
              {entry.origin === 'own' ? 'Yes, remove it' : 'Yes, go back to the shipped details'}
            </button>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
              {entry.origin === 'own' ? 'Remove this service' : 'Go back to the shipped details'}
            </button>
          )}
        </section>
      )}
    </Screen>
  );
}
