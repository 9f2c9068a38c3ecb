// A PIN input: digits from the number pad, hidden as they are typed, with its hint and error tied to it.
import { InputField, type FieldBinding } from '../components/form/index.ts';
import { PIN_MAX } from './pin.ts';

export function PinField({ label, hint, ...field }: FieldBinding & { name: string; label: string; hint?: string }) {
  return (
    <InputField
      {...field}
      id={`pin-${field.name}`}
      label={label}
      hint={hint}
      type="password"
      inputMode="numeric"
      // Not a password for the browser to offer to save or fill in: it never leaves this device.
      autoComplete="off"
      className="pin-input"
      maxLength={PIN_MAX}
    />
  );
}
