// A labelled field for every form: the label, a hint, and what to fix, each tied to the control for screen
// readers; and the plain and long-text inputs most forms are made of, built on it.
import type { ReactNode } from 'react';
import { DATE_HINT, TIME_HINT } from './dateText.ts';
import { UkDateInput, UkTimeInput } from './UkDateTimeInput.tsx';

interface FieldFrameProps {
  /** Unique on the page: the control's id and the prefix of its hint's and error's ids. */
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}

export function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

interface ValueProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  hint?: ReactNode;
  error?: string | undefined;
}

interface InputProps extends ValueProps {
  type?: 'text' | 'date' | 'time' | 'number' | 'search' | 'tel';
  inputMode?: 'numeric' | 'tel' | 'text';
  autoComplete?: string;
  min?: string;
  max?: string;
}

/** `type` date or time gives the UK text field of UkDateTimeInput (ISO date or "HH:mm"), never a native picker. */
export function InputField({ id, label, value, onChange, onBlur, hint, error, type = 'text', ...rest }: InputProps) {
  if (type === 'date' || type === 'time') {
    const Input = type === 'date' ? UkDateInput : UkTimeInput;
    return (
      <FieldFrame id={id} label={label} hint={withFormat(type, hint)} error={error}>
        {(describedBy) => (
          <Input
            id={id}
            name={id}
            value={value}
            onValue={onChange}
            onBlur={onBlur}
            describedBy={describedBy}
            invalid={Boolean(error)}
          />
        )}
      </FieldFrame>
    );
  }
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={id}
          type={type}
          value={value}
          inputMode={rest.inputMode}
          autoComplete={rest.autoComplete ?? 'off'}
          min={rest.min}
          max={rest.max}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  id,
  label,
  value,
  onChange,
  onBlur,
  hint,
  error,
  rows = 4,
}: ValueProps & { rows?: number }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={id}
          rows={rows}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      )}
    </FieldFrame>
  );
}

/** The format comes first in a date or time field's hint, then whatever else the form says about it. */
export function withFormat(type: 'date' | 'time', hint: ReactNode): ReactNode {
  const format = type === 'date' ? DATE_HINT : TIME_HINT;
  return hint ? (
    <>
      {format}. {hint}
    </>
  ) : (
    format
  );
}
