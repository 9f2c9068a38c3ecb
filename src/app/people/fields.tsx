// Tick boxes and choices for the people and note forms, each with its hint and what to fix tied to it. Their
// text fields are the shared ones (components/Field.tsx).
import type { ReactNode } from 'react';

interface Described {
  /** Unique on the page: the control's id and the prefix of its hint and error ids. */
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy({ id, hint, error }: Described): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: Described) {
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

interface CheckboxProps extends Described {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A whole-row tick box: the label is the touch target. */
export function CheckboxField({ label, checked, onChange, ...rest }: CheckboxProps) {
  const { id, error } = rest;
  return (
    <div className={error ? 'field check-field field-invalid' : 'field check-field'}>
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(rest)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <HintAndError {...rest} />
    </div>
  );
}

interface Option<T extends string> {
  value: T;
  label: string;
}

interface ChoiceProps<T extends string> extends Described {
  legend: string;
  options: readonly Option<T>[];
  value: T | '';
  onChange: (value: T) => void;
  /** Extra classes, for a group that needs a look of its own (the concern levels). */
  className?: string;
}

/** One of a few choices, as big chips; a radio group underneath, so it reads and works as one. */
export function ChoiceField<T extends string>({
  legend,
  options,
  value,
  onChange,
  className,
  ...rest
}: ChoiceProps<T>) {
  const { id, error } = rest;
  return (
    <fieldset
      className={`field chips ${className ?? ''}${error ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(rest)}
    >
      <legend>{legend}</legend>
      <HintAndError {...rest} />
      <div className="chip-row">
        {options.map((option) => (
          <label key={option.value} className="chip">
            <input
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface ManyProps<T extends string> extends Described {
  legend: string;
  options: readonly Option<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
}

/** Any number of choices, as big toggle chips over real tick boxes. */
export function ManyChoiceField<T extends string>({ legend, options, values, onChange, ...rest }: ManyProps<T>) {
  const { id } = rest;
  const toggle = (value: T, on: boolean) =>
    onChange(options.map((option) => option.value).filter((v) => (v === value ? on : values.includes(v))));
  return (
    <fieldset className="field chips" aria-describedby={describedBy(rest)}>
      <legend>{legend}</legend>
      <HintAndError {...rest} />
      <div className="chip-row">
        {options.map((option) => (
          <label key={option.value} className="chip">
            <input
              type="checkbox"
              name={id}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);

/** Options whose labels are the values with a capital letter, as the domain lists hold them in lower case. */
export function optionsOf<T extends string>(values: readonly T[]): Option<T>[] {
  return values.map((value) => ({ value, label: capitalise(value) }));
}
