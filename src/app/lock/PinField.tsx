// A PIN input: digits from the number pad, hidden as they are typed, with its hint and error tied to it.
import { FieldFrame } from '../components/Field.tsx';
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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
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
          aria-describedby={describedBy}
          onChange={onChange}
          onBlur={onBlur}
        />
      )}
    </FieldFrame>
  );
}
