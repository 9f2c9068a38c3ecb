// The forms of a volunteer's page: training completed, hours given, a supervision session, PVG membership.
// Each says what to fix beside the field, and saves to the device (it syncs later).
import { useState, type FormEvent } from 'react';
import { PVG_STATUSES, type Pvg, type PvgStatus } from '../../domain/pvg.ts';
import { useDb } from '../../db/hooks.ts';
import { addHours, addSupervision, addTraining, savePvg } from '../../db/volunteers.ts';
import type { TeamContact } from '../../db/meta.ts';
import type { KindRecords } from '../../domain/kinds.ts';
import { FormActions, InputField, SelectField, TextAreaField } from '../components/form/index.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
type Errors = Record<string, string | undefined>;

interface FormProps {
  memberId: string;
  userId: string;
  onSaved: (message: string) => void;
}

/** Shared by the forms: validate, save, report. */
function useSubmit(validate: () => Errors, save: () => Promise<string>, onSaved: (message: string) => void) {
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      setProblem('Check the fields marked above.');
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      onSaved(await save());
    } catch {
      setProblem('It could not be saved on this device. Try again.');
    } finally {
      setBusy(false);
    }
  }
  return { errors, problem, busy, submit };
}

/** What an add form needs to change an entry instead: the entry (prefilled) and a way back. */
interface Editing<T> {
  entry?: T | undefined;
  onCancel?: (() => void) | undefined;
}

export function TrainingForm({
  memberId,
  userId,
  onSaved,
  entry,
  onCancel,
}: FormProps & Editing<KindRecords['training']>) {
  const db = useDb();
  const [name, setName] = useState(entry?.name ?? '');
  const [completedOn, setCompletedOn] = useState(entry?.completedOn ?? '');
  const [renewBy, setRenewBy] = useState(entry?.renewBy ?? '');
  const key = entry ? `training-${entry.id}` : 'training';
  const title = entry ? `Change ${entry.name ?? 'training'}` : 'Add training';
  const form = useSubmit(
    () => ({
      name: name.trim() ? undefined : 'Enter the name of the course',
      completedOn: ISO_DATE.test(completedOn) ? undefined : 'Enter the date the course was completed, like 24/11/2026',
      renewBy:
        renewBy === ''
          ? undefined
          : !ISO_DATE.test(renewBy)
            ? 'Enter the renewal date like 24/11/2027, or leave it empty'
            : renewBy <= completedOn
              ? 'The renewal date must be after the date it was completed'
              : undefined,
    }),
    async () => {
      await addTraining(db, { memberId, name: name.trim(), completedOn, renewBy }, { userId, id: entry?.id });
      setName('');
      setCompletedOn('');
      setRenewBy('');
      return `${name.trim()} saved.`;
    },
    onSaved,
  );
  return (
    <form onSubmit={form.submit} noValidate aria-labelledby={`${key}-form-title`} className="volunteer-form">
      <h3 id={`${key}-form-title`}>{title}</h3>
      <InputField id={`${key}-name`} label="Course" value={name} onChange={setName} error={form.errors.name} />
      <InputField
        id={`${key}-completed`}
        type="date"
        label="Completed on"
        value={completedOn}
        onChange={setCompletedOn}
        error={form.errors.completedOn}
      />
      <InputField
        id={`${key}-renew`}
        type="date"
        label="Renew by (optional)"
        hint="Leave empty if it never needs renewing"
        value={renewBy}
        onChange={setRenewBy}
        error={form.errors.renewBy}
      />
      <FormActions
        problem={form.problem}
        busy={form.busy}
        submit={entry ? 'Save changes' : 'Save training'}
        onCancel={onCancel}
      />
    </form>
  );
}

export function HoursForm({ memberId, userId, onSaved, entry, onCancel }: FormProps & Editing<KindRecords['hours']>) {
  const db = useDb();
  const [on, setOn] = useState(entry?.on ?? '');
  const [hours, setHours] = useState(entry?.hours === undefined ? '' : String(entry.hours));
  const [what, setWhat] = useState(entry?.what ?? '');
  const key = entry ? `hours-${entry.id}` : 'hours';
  const amount = Number(hours.replace(',', '.'));
  const form = useSubmit(
    () => ({
      on: ISO_DATE.test(on) ? undefined : 'Enter the date, like 24/11/2026',
      hours:
        hours.trim() && amount >= 0.25 && amount <= 24 && Number.isInteger(amount * 4)
          ? undefined
          : 'Enter the hours in quarter hours, from 0.25 to 24, like 1.5',
    }),
    async () => {
      await addHours(db, { memberId, on, hours: amount, what: what.trim() }, { userId, id: entry?.id });
      setOn('');
      setHours('');
      setWhat('');
      return 'Hours saved.';
    },
    onSaved,
  );
  return (
    <form onSubmit={form.submit} noValidate aria-labelledby={`${key}-form-title`} className="volunteer-form">
      <h3 id={`${key}-form-title`}>{entry ? 'Change hours' : 'Add hours'}</h3>
      {!entry && (
        <p className="field-hint">Sessions you run and visits you make are counted for you: add anything else.</p>
      )}
      <InputField id={`${key}-on`} type="date" label="Date" value={on} onChange={setOn} error={form.errors.on} />
      <InputField id={`${key}-amount`} label="Hours" value={hours} onChange={setHours} error={form.errors.hours} />
      <InputField
        id={`${key}-what`}
        label="What (optional)"
        hint="Like “phone round” or “training others”"
        value={what}
        onChange={setWhat}
      />
      <FormActions
        problem={form.problem}
        busy={form.busy}
        submit={entry ? 'Save changes' : 'Save hours'}
        onCancel={onCancel}
      />
    </form>
  );
}

export function SupervisionForm({
  memberId,
  userId,
  onSaved,
  supervisors,
}: FormProps & { supervisors: readonly TeamContact[] }) {
  const db = useDb();
  const [on, setOn] = useState('');
  const [chosen, setSupervisorId] = useState('');
  // The team arrives from the device's store after the first render: a coordinator is their own default.
  const supervisorId = chosen || (supervisors.some((s) => s.id === userId) ? userId : '');
  const [content, setContent] = useState('');
  const form = useSubmit(
    () => ({
      on: ISO_DATE.test(on) ? undefined : 'Enter the date of the session, like 24/11/2026',
      supervisorId: supervisorId ? undefined : 'Choose who the supervision was with',
    }),
    async () => {
      await addSupervision(db, { memberId, supervisorId, on, content }, { userId });
      setOn('');
      setContent('');
      return 'Supervision saved.';
    },
    onSaved,
  );
  return (
    <form onSubmit={form.submit} noValidate aria-labelledby="supervision-form-title" className="volunteer-form">
      <h3 id="supervision-form-title">Add a supervision session</h3>
      <InputField id="supervision-on" type="date" label="Date" value={on} onChange={setOn} error={form.errors.on} />
      <SelectField
        id="supervision-with"
        label="With"
        placeholder="Choose a coordinator"
        choices={supervisors.map((s) => ({ value: s.id, label: s.name }))}
        value={supervisorId}
        onChange={setSupervisorId}
        error={form.errors.supervisorId}
      />
      <TextAreaField
        id="supervision-content"
        label="What you talked about (optional)"
        hint="Only the two of you can read this: not other coordinators, not the team."
        value={content}
        onChange={setContent}
      />
      <FormActions problem={form.problem} busy={form.busy} submit="Save supervision" />
    </form>
  );
}

const STATUS_WORDS: Record<PvgStatus, string> = {
  member: 'Member',
  applied: 'Applied, waiting',
  'not a member': 'Not a member',
  lapsed: 'Lapsed',
};
export const pvgStatusWords = (status: PvgStatus | undefined) => (status ? STATUS_WORDS[status] : 'Not recorded');

export function PvgForm({ memberId, userId, onSaved, pvg }: FormProps & { pvg: Pvg | null }) {
  const db = useDb();
  const [status, setStatus] = useState<string>(pvg?.status ?? '');
  const [renewBy, setRenewBy] = useState(pvg?.renewBy ?? '');
  const [checkedOn, setCheckedOn] = useState(pvg?.checkedOn ?? '');
  const form = useSubmit(
    () => ({
      status: status ? undefined : 'Choose the membership status',
      renewBy:
        renewBy === '' || ISO_DATE.test(renewBy)
          ? undefined
          : 'Enter the renewal date like 24/11/2027, or leave it empty',
      checkedOn:
        checkedOn === '' || ISO_DATE.test(checkedOn) ? undefined : 'Enter the date you checked, like 24/11/2026',
    }),
    async () => {
      await savePvg(db, { memberId, status: status as PvgStatus, renewBy, checkedOn }, { userId });
      return 'PVG membership saved.';
    },
    onSaved,
  );
  return (
    <form onSubmit={form.submit} noValidate aria-labelledby="pvg-form-title" className="volunteer-form">
      <h3 id="pvg-form-title">Record PVG membership</h3>
      <p className="field-hint">No membership number: keep that with the organisation’s PVG records.</p>
      <SelectField
        id="pvg-status"
        label="Status"
        placeholder="Choose a status"
        choices={PVG_STATUSES.map((value) => ({ value, label: STATUS_WORDS[value] }))}
        value={status}
        onChange={setStatus}
        error={form.errors.status}
      />
      <InputField
        id="pvg-renew"
        type="date"
        label="Renew by (optional)"
        value={renewBy}
        onChange={setRenewBy}
        error={form.errors.renewBy}
      />
      <InputField
        id="pvg-checked"
        type="date"
        label="Last checked on (optional)"
        value={checkedOn}
        onChange={setCheckedOn}
        error={form.errors.checkedOn}
      />
      <FormActions problem={form.problem} busy={form.busy} submit="Save PVG membership" />
    </form>
  );
}
