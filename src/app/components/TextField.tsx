// A labelled text input that says exactly what to fix, tied to the input for screen readers.
import { FieldFrame } from './Field.tsx';
import type { FieldProps } from './useForm.ts';

interface TextFieldProps extends FieldProps {
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
}

export function TextField({
  label,
  hint,
  type = 'text',
  autoComplete,
  name,
  value,
  error,
  onChange,
  onBlur,
}: TextFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          type={type}
          value={value}
          autoComplete={autoComplete}
          spellCheck={type === 'text' ? undefined : false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={onChange}
          onBlur={onBlur}
        />
      )}
    </FieldFrame>
  );
}
