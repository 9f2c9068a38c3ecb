// Form state that checks as people type, but only once a field has been left or the form submitted.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { Errors } from '../account/validation.ts';

export interface FieldProps {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

export function useForm<F extends string>(
  initial: Record<F, string>,
  validate: (values: Record<F, string>) => Errors<F>,
  onValid: (values: Record<F, string>) => Promise<void>,
) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = validate(values);

  function field(name: F): FieldProps {
    return {
      name,
      value: values[name],
      error: submitted || touched[name] ? errors[name] : undefined,
      onChange: (event) => setValues((current) => ({ ...current, [name]: event.target.value })),
      onBlur: () => setTouched((current) => ({ ...current, [name]: true })),
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const firstInvalid = (Object.keys(values) as F[]).find((name) => errors[name]);
    if (firstInvalid) {
      // Take people straight to what needs fixing; the message is read out through aria-describedby.
      event.currentTarget.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      await onValid(values);
    } finally {
      setBusy(false);
    }
  }

  return { field, onSubmit, busy };
}
