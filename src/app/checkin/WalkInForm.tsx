// A walk-in in under ten seconds: a name or alias, the baby's age in one tap, and the consent question.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Attendee } from '../../domain/attendee.ts';
import { DATE_HINT, UkDateInput } from '../components/form/index.ts';
import { AGE_CHOICES, walkInProblems, type WalkInInput } from '../../domain/checkInList.ts';
import { CONSENT_WORDING } from '../../domain/consent.ts';
import { normaliseName } from '../../domain/duplicates.ts';

export const emptyWalkIn: WalkInInput = { name: '', age: '', date: '', consent: '' };

interface WalkInFormProps {
  value: WalkInInput;
  onChange: (value: WalkInInput) => void;
  /** People already known, to offer "check in this person instead" when the name matches. */
  known: readonly Attendee[];
  onSave: (value: WalkInInput) => Promise<void>;
  onCheckInKnown: (attendee: Attendee) => void;
  onCancel: () => void;
}

type Field = keyof WalkInInput;

export function WalkInForm({ value, onChange, known, onSave, onCheckInKnown, onCancel }: WalkInFormProps) {
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const problems = walkInProblems(value, new Date());
  const shown = (field: Field) => (submitted || touched[field] ? problems[field] : undefined);
  const touch = (field: Field) => setTouched((current) => ({ ...current, [field]: true }));
  const set = (field: Field, next: string) => onChange({ ...value, [field]: next });

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  const wanted = normaliseName(value.name);
  const sameName = wanted ? known.filter((attendee) => normaliseName(attendee.displayName) === wanted).slice(0, 3) : [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const first = (['name', 'date', 'consent'] as const).find((field) => problems[field]);
    if (first) {
      event.currentTarget.querySelector<HTMLInputElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      await onSave(value);
    } finally {
      setBusy(false);
    }
  }

  const nameError = shown('name');
  const dateError = shown('date');
  const consentError = shown('consent');
  return (
    <form className="walk-in" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="walk-in-title">
      <h2 id="walk-in-title">Add a walk-in</h2>
      <div className={nameError ? 'field field-invalid' : 'field'}>
        <label htmlFor="walk-in-name">Name or alias</label>
        <p className="field-hint" id="walk-in-name-hint">
          A first name or any name they choose. Never a full name.
        </p>
        {nameError && (
          <p className="field-error" id="walk-in-name-error">
            <span className="visually-hidden">Error: </span>
            {nameError}
          </p>
        )}
        <input
          ref={nameInput}
          id="walk-in-name"
          data-field="name"
          type="text"
          autoComplete="off"
          value={value.name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'walk-in-name-hint walk-in-name-error' : 'walk-in-name-hint'}
          onChange={(event) => set('name', event.target.value)}
          onBlur={() => touch('name')}
        />
      </div>
      {sameName.length > 0 && (
        <div className="walk-in-known">
          <p>Already known here:</p>
          <ul>
            {sameName.map((attendee) => (
              <li key={attendee.id}>
                <button type="button" className="button-secondary" onClick={() => onCheckInKnown(attendee)}>
                  Check in {attendee.displayName} instead
                </button>
                {attendee.locality && <span className="checkin-detail"> {attendee.locality}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="walk-in-choices" aria-describedby="walk-in-age-hint">
        <legend>Baby’s age (if they would like to say)</legend>
        <p className="field-hint" id="walk-in-age-hint">
          Kept as an estimate (“about 5 months”) until a date is added on their profile.
        </p>
        <div className="choice-tiles">
          {AGE_CHOICES.map((choice) => (
            <label key={choice.value} className={value.age === choice.value ? 'choice choice-chosen' : 'choice'}>
              <input
                type="radio"
                name="walk-in-age"
                value={choice.value}
                checked={value.age === choice.value}
                onChange={() => set('age', choice.value)}
              />
              {choice.label}
            </label>
          ))}
        </div>
      </fieldset>
      {value.age === 'date' && (
        <div className={dateError ? 'field field-invalid' : 'field'}>
          <label htmlFor="walk-in-date">Date of birth, or due date</label>
          {dateError && (
            <p className="field-error" id="walk-in-date-error">
              <span className="visually-hidden">Error: </span>
              {dateError}
            </p>
          )}
          <p className="field-hint" id="walk-in-date-hint">
            {DATE_HINT}
          </p>
          <UkDateInput
            id="walk-in-date"
            dataField="date"
            value={value.date}
            invalid={Boolean(dateError)}
            describedBy={dateError ? 'walk-in-date-hint walk-in-date-error' : 'walk-in-date-hint'}
            onValue={(date) => set('date', date)}
            onBlur={() => touch('date')}
          />
        </div>
      )}
      <fieldset
        className={consentError ? 'walk-in-choices field-invalid' : 'walk-in-choices'}
        aria-describedby={consentError ? 'walk-in-consent-error' : undefined}
      >
        <legend>{CONSENT_WORDING.questions.notes}</legend>
        <p className="field-hint">Ask them plainly. {CONSENT_WORDING.paragraphs[0]}</p>
        <details className="walk-in-wording">
          <summary>Read them the full wording</summary>
          {CONSENT_WORDING.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </details>
        {consentError && (
          <p className="field-error" id="walk-in-consent-error">
            <span className="visually-hidden">Error: </span>
            {consentError}
          </p>
        )}
        <div className="choice-tiles">
          {(
            [
              ['yes', 'Yes, they are happy'],
              ['no', 'No, or not now'],
            ] as const
          ).map(([answer, label], index) => (
            <label key={answer} className={value.consent === answer ? 'choice choice-chosen' : 'choice'}>
              <input
                type="radio"
                name="walk-in-consent"
                value={answer}
                data-field={index === 0 ? 'consent' : undefined}
                checked={value.consent === answer}
                onChange={() => onChange({ ...value, consent: answer })}
              />
              {label}
            </label>
          ))}
        </div>
        {value.consent === 'no' && (
          <p className="field-hint">No notes can be written about them until they say yes on their profile.</p>
        )}
      </fieldset>
      <div className="walk-in-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Add and check in
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
