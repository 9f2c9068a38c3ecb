// Labelled inputs beyond plain text (numbers, dates, long text, choices), each saying exactly what to fix.
import '../styles/controls.css';
import type { ChangeEvent } from 'react';
import { FieldFrame, withFormat } from './Field.tsx';
import { UkDateInput, UkTimeInput } from './UkDateTimeInput.tsx';
import type { BoundField } from './useDraftForm.ts';

interface InputProps extends BoundField {
  label: string;
  hint?: string;
  type?: 'text' | 'number' | 'date' | 'time' | 'tel' | 'url' | 'search';
  inputMode?: 'numeric' | 'tel' | 'url' | 'text';
  autoComplete?: string;
}

/** `type` date or time gives the UK text field of UkDateTimeInput (ISO date or "HH:mm"), never a native picker. */
export function InputField({ label, hint, type = 'text', inputMode, autoComplete = 'off', ...field }: InputProps) {
  const id = `field-${field.name}`;
  if (type === 'date' || type === 'time') {
    const Input = type === 'date' ? UkDateInput : UkTimeInput;
    return (
      <FieldFrame id={id} label={label} hint={withFormat(type, hint)} error={field.error}>
        {(describedBy) => (
          <Input
            id={id}
            name={field.name}
            value={field.value}
            // The bound field reads only the event's value: give it the ISO date or time rather than the text.
            onValue={(value) => field.onChange({ target: { value } } as ChangeEvent<HTMLInputElement>)}
            onBlur={field.onBlur}
            describedBy={describedBy}
            invalid={Boolean(field.error)}
          />
        )}
      </FieldFrame>
    );
  }
  return (
    <FieldFrame id={id} label={label} hint={hint} error={field.error}>
      {(describedBy) => (
        <input
          id={id}
          name={field.name}
          type={type}
          inputMode={inputMode}
          value={field.value}
          autoComplete={autoComplete}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  rows = 4,
  ...field
}: BoundField & { label: string; hint?: string; rows?: number }) {
  const id = `field-${field.name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={field.error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={field.name}
          rows={rows}
          value={field.value}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    </FieldFrame>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField({
  label,
  hint,
  choices,
  placeholder,
  ...field
}: BoundField & { label: string; hint?: string; choices: readonly Choice[]; placeholder: string }) {
  const id = `field-${field.name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={field.error}>
      {(describedBy) => (
        <select
          id={id}
          name={field.name}
          value={field.value}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={field.onChange}
          onBlur={field.onBlur}
        >
          <option value="">{placeholder}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** One choice among a few, as big tappable rows rather than a drop-down. */
export function RadioField({ label, choices, ...field }: BoundField & { label: string; choices: readonly Choice[] }) {
  const errorId = field.error ? `field-${field.name}-error` : undefined;
  return (
    <fieldset
      className={field.error ? 'field radio-field field-invalid' : 'field radio-field'}
      aria-describedby={errorId}
    >
      <legend>{label}</legend>
      {field.error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {field.error}
        </p>
      )}
      {choices.map((choice) => (
        <label key={choice.value} className="radio-choice">
          <input
            type="radio"
            name={field.name}
            value={choice.value}
            checked={field.value === choice.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Says that a draft was brought back, so nobody wonders where the words came from. */
export function DraftNotice({ restored, onStartAgain }: { restored: boolean; onStartAgain: () => void }) {
  if (!restored) return null;
  return (
    <div className="draft-notice" role="status">
      <p>Your unsaved changes are back.</p>
      <button type="button" className="button-secondary" onClick={onStartAgain}>
        Start again
      </button>
    </div>
  );
}

/** A yes-or-no box, as a big tappable row. */
export function CheckboxField({
  name,
  label,
  hint,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field checkbox-field">
      <label htmlFor={id} className="radio-choice">
        <input
          id={id}
          type="checkbox"
          name={name}
          checked={checked}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
