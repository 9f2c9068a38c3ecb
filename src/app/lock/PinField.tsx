// A PIN input: digits from the number pad, hidden as they are typed, with its hint and error tied to it.
import type { FieldProps } from '../components/useForm.ts';
import { PIN_MAX } from './pin.ts';

export function PinField({
  label,
  hint,
  name,
  value,
  error,
  onChange,
  onBlur,
}: FieldProps & { label: string; hint?: string }) {
  const id = `pin-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
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
      <input
        id={id}
        name={name}
        type="password"
        inputMode="numeric"
        // Not a password for the browser to offer to save or fill in: it never leaves this device.
        autoComplete="off"
        className="pin-input"
        maxLength={PIN_MAX}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        onChange={onChange}
        onBlur={onBlur}
      />
    </div>
  );
}
