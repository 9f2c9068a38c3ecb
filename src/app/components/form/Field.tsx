// A labelled field for every form: the label, a hint, and what to fix, each tied to the control for screen
// readers; and the text, long-text and drop-down inputs built on it.
import '../../styles/controls.css';
import type { ChangeEvent, ReactNode } from 'react';
import { DATE_HINT, TIME_HINT } from './dateText.ts';
import { UkDateInput, UkTimeInput } from './UkDateTimeInput.tsx';

export interface Described {
  /** Unique on the page: the control's id and the prefix of its hint's and error's ids. */
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** The ids of a field's hint and error, for aria-describedby; undefined when it has neither. */
export function describedBy({ id, hint, error }: Described): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function HintAndError({ id, hint, error }: Described) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

export function FieldFrame({
  label,
  children,
  ...described
}: Described & { label: string; children: (describedBy: string | undefined) => ReactNode }) {
  return (
    <div className={described.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={described.id}>{label}</label>
      <HintAndError {...described} />
      {children(describedBy(described))}
    </div>
  );
}

/** What a form gives each of its text fields (useForm's `field(name)`), and what every text field takes. */
export interface FieldBinding {
  id: string;
  /** The control's name; its id when not given. */
  name?: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
  onBlur?: (() => void) | undefined;
}

/** What every text, long-text and drop-down control takes from its binding and its frame. */
function bound({ id, name = id, value, error, onChange, onBlur }: FieldBinding, described: string | undefined) {
  return {
    id,
    name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      onChange(event.target.value),
    onBlur,
  };
}

interface ValueProps extends FieldBinding {
  label: string;
  hint?: ReactNode;
}

interface InputProps extends ValueProps {
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'search' | 'tel' | 'url';
  inputMode?: 'numeric' | 'tel' | 'url' | 'text';
  autoComplete?: string;
  min?: string;
  max?: string;
  maxLength?: number;
  className?: string;
}

/** `type` date or time gives the UK text field of UkDateTimeInput (ISO date or "HH:mm"), never a native picker. */
export function InputField({ label, hint, type = 'text', ...props }: InputProps) {
  const { id, name = id, value, error, onChange, onBlur, inputMode, autoComplete = 'off', ...rest } = props;
  if (type === 'date' || type === 'time') {
    const Input = type === 'date' ? UkDateInput : UkTimeInput;
    return (
      <FieldFrame id={id} label={label} hint={withFormat(type, hint)} error={error}>
        {(described) => (
          <Input
            id={id}
            name={name}
            value={value}
            onValue={onChange}
            onBlur={onBlur}
            describedBy={described}
            invalid={Boolean(error)}
          />
        )}
      </FieldFrame>
    );
  }
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(described) => (
        <input
          {...bound(props, described)}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          spellCheck={type === 'email' || type === 'password' ? false : undefined}
          {...rest}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({ label, hint, rows = 4, ...props }: ValueProps & { rows?: number }) {
  return (
    <FieldFrame id={props.id} label={label} hint={hint} error={props.error}>
      {(described) => <textarea {...bound(props, described)} rows={rows} />}
    </FieldFrame>
  );
}

export interface Option<T extends string = string> {
  value: T;
  label: string;
}

/** A drop-down whose empty first choice is the placeholder ("Choose a person", "All venues"). */
export function SelectField({
  label,
  hint,
  choices,
  placeholder,
  ...props
}: ValueProps & { choices: readonly Option[]; placeholder: string }) {
  return (
    <FieldFrame id={props.id} label={label} hint={hint} error={props.error}>
      {(described) => (
        <select {...bound(props, described)}>
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

/** The format comes first in a date or time field's hint, then whatever else the form says about it. */
function withFormat(type: 'date' | 'time', hint: ReactNode): ReactNode {
  const format = type === 'date' ? DATE_HINT : TIME_HINT;
  return hint ? (
    <>
      {format}. {hint}
    </>
  ) : (
    format
  );
}
