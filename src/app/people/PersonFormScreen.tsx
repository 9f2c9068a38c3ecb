// Adding a person or changing their details: checked as people type, kept as a draft until saved.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { babyAge } from '../../domain/babyAge.ts';
import { useDb } from '../../db/hooks.ts';
import { usePersonRecord } from '../../db/people.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import {
  CheckboxField,
  CheckboxGroup,
  DraftNotice,
  FormActions,
  InputField,
  optionsOf,
  RadioGroup,
  useForm,
} from '../components/form/index.ts';
import {
  draftToValues,
  emptyPerson,
  HEARD_VIA,
  MAX_BABIES,
  newBaby,
  personFieldOrder,
  personToDraft,
  validatePerson,
  type BabyDraft,
  type PersonDraft,
} from './personForm.ts';
import { DIETARY_LABELS, DIETARY_NEEDS } from '../../domain/food.ts';
import '../styles/people.css';

const DIETARY_OPTIONS = DIETARY_NEEDS.map((value) => ({ value, label: DIETARY_LABELS[value] }));

export function NewPersonScreen() {
  return (
    <Screen title="Add a person" className="people-notes">
      <PersonForm draftKey="person:new" initial={emptyPerson()} />
    </Screen>
  );
}

export function EditPersonScreen() {
  const { id = '' } = useParams();
  const person = usePersonRecord(id);
  return (
    <Screen title="Change details" className="people-notes">
      {person === undefined ? (
        <Loading />
      ) : !person || person.deleted === true ? (
        <p>
          This person is not on this device. <Link to="/people">Back to People</Link>
        </p>
      ) : (
        <PersonForm key={id} id={id} draftKey={`person:${id}:edit`} initial={personToDraft(person)} />
      )}
    </Screen>
  );
}

const HEARD_LABELS: Record<string, string> = { GP: 'GP' };

function PersonForm({ id, draftKey, initial }: { id?: string; draftKey: string; initial: PersonDraft }) {
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [failure, setFailure] = useState('');
  const form = useForm({ draftKey, initial, validate: validatePerson, order: personFieldOrder, onValid: save });
  const { values: draft, set, shown, touch } = form;
  const done = id ? `/people/${id}` : '/people';

  if (!form.loaded) return <Loading />;

  async function save() {
    try {
      const recordId = id ?? newId();
      await saveRecord(db, 'attendee', recordId, draftToValues(draft), { userId: user?.id });
      await form.discard();
      const name = draft.displayName.trim();
      void navigate(`/people/${recordId}`, {
        replace: true,
        state: { message: id ? `${name}’s details are saved.` : `${name} is added.` },
      });
    } catch {
      setFailure('This could not be saved on this device. Try again; your changes are still here.');
    }
  }

  async function cancel() {
    await form.discard();
    void navigate(done);
  }

  const setBaby = (index: number, change: Partial<BabyDraft>) =>
    set(
      'babies',
      draft.babies.map((baby, i) => (i === index ? { ...baby, ...change } : baby)),
    );
  const field = (name: string) => ({ id: `person-${name}`, error: shown(name), onBlur: () => touch(name) });

  return (
    <form className="person-form" noValidate onSubmit={(event) => void form.onSubmit(event)}>
      <DraftNotice restored={form.restored} />
      <InputField
        {...form.field('displayName')}
        label="Name"
        hint="A first name or a name they choose. Never a full name."
      />

      <h2>Babies</h2>
      {draft.babies.length === 0 && <p className="field-hint">No baby added yet.</p>}
      {draft.babies.map((baby, index) => (
        <BabyFields
          key={baby.key}
          index={index}
          baby={baby}
          field={field}
          onChange={(change) => setBaby(index, change)}
          onRemove={() =>
            set(
              'babies',
              draft.babies.filter((_, i) => i !== index),
            )
          }
        />
      ))}
      {draft.babies.length < MAX_BABIES && (
        <button type="button" className="button-secondary" onClick={() => set('babies', [...draft.babies, newBaby()])}>
          Add a baby
        </button>
      )}

      <h2>About them</h2>
      <InputField
        {...form.field('locality')}
        label="Area they live in"
        hint="A town or village, like Elgin or Buckie. Never an address."
      />
      <RadioGroup
        look="chips"
        id="person-heardVia"
        legend="How they heard about the group"
        options={optionsOf(HEARD_VIA).map((option) => ({
          ...option,
          label: HEARD_LABELS[option.value] ?? option.label,
        }))}
        value={draft.heardVia}
        onChange={(value) => set('heardVia', value)}
      />
      {draft.heardVia === 'other' && <InputField {...form.field('heardViaOther')} label="How else they heard" />}

      <h2>Contact</h2>
      <InputField
        {...form.field('phone')}
        label="Phone number"
        type="tel"
        inputMode="tel"
        hint="Only shown on this person's page and when texting before a group, behind a tap."
      />
      <CheckboxField {...form.checkbox('okToText')} label="OK to text them" />
      <CheckboxField {...form.checkbox('okToVoicemail')} label="OK to leave a voicemail" />
      <CheckboxField
        {...form.checkbox('okToNameCharity')}
        label="OK to name the organisation in a message"
        hint="Leave this unticked unless they said yes: someone else may see their phone."
      />

      <h2>What would help them come</h2>
      <CheckboxField {...form.checkbox('needsChildcare')} label="Childcare" />
      <CheckboxField {...form.checkbox('needsTransport')} label="Transport" />
      <InputField {...form.field('needsOther')} label="Anything else" />
      <InputField {...form.field('cake')} label="If you were a cake, what cake would you be?" />
      <CheckboxGroup
        id="dietary"
        legend="Dietary needs"
        hint="For the food list: shown to the team as counts, never with names."
        options={DIETARY_OPTIONS}
        values={form.values.dietary}
        onChange={(values) => form.set('dietary', values)}
      />

      <FormActions
        problem={failure}
        busy={form.busy}
        submit={id ? 'Save changes' : 'Add this person'}
        onCancel={cancel}
      />
    </form>
  );
}

interface BabyFieldsProps {
  index: number;
  baby: BabyDraft;
  field: (name: string) => { id: string; error: string | undefined; onBlur: () => void };
  onChange: (change: Partial<BabyDraft>) => void;
  onRemove: () => void;
}

function BabyFields({ index, baby, field, onChange, onRemove }: BabyFieldsProps) {
  const at = `baby-${index}`;
  const number = index + 1;
  const age = babyAge(
    {
      dateOfBirth: baby.dateOfBirth || undefined,
      dueDate: baby.dueDate || undefined,
      ageBand: baby.ageBand,
      ageBandOn: baby.ageBandOn,
    },
    new Date(),
  );
  return (
    <fieldset className="baby-fields">
      <legend>Baby {number}</legend>
      <div data-field={`${at}-alias`}>
        <InputField
          {...field(`${at}-alias`)}
          label={`Baby ${number}: name or alias`}
          value={baby.alias}
          onChange={(alias) => onChange({ alias })}
        />
      </div>
      <div className="field-pair">
        <div data-field={`${at}-dateOfBirth`}>
          <InputField
            {...field(`${at}-dateOfBirth`)}
            label={`Baby ${number}: date of birth`}
            type="date"
            value={baby.dateOfBirth}
            onChange={(dateOfBirth) => onChange({ dateOfBirth })}
          />
        </div>
        <div data-field={`${at}-dueDate`}>
          <InputField
            {...field(`${at}-dueDate`)}
            label={`Baby ${number}: due date`}
            hint="If not born yet."
            type="date"
            value={baby.dueDate}
            onChange={(dueDate) => onChange({ dueDate })}
          />
        </div>
      </div>
      {age && <p className="baby-age">Age: {age.label}</p>}
      <button type="button" className="button-secondary" onClick={onRemove}>
        Remove baby {number}
      </button>
    </fieldset>
  );
}
