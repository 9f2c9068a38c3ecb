// A form whose values live in a draft on the device and are checked as people type: a field says what to
// fix once it has been left, or once someone tried to save, and stops as soon as it is put right.
import { useCallback, useState } from 'react';
import type { Errors } from '../account/validation.ts';
import { useDraft } from '../components/useDraft.ts';

export function useDraftForm<T, F extends string>(key: string, initial: T, validate: (value: T) => Errors<F>) {
  const draft = useDraft<T>(key, initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const errors = validate(draft.value);
  const { setValue } = draft;

  const set = useCallback(
    <K extends keyof T>(field: K, value: T[K]) => setValue((current) => ({ ...current, [field]: value })),
    [setValue],
  );

  return {
    ...draft,
    set,
    errors,
    /** The message to show beside a field now, if any. */
    shown: (field: F): string | undefined => (submitted || touched[field] ? errors[field] : undefined),
    touch: (field: F) => setTouched((current) => ({ ...current, [field]: true })),
    /** Marks the form as tried; true when it may be saved. Focuses the first field to fix otherwise. */
    attempt: (form: HTMLFormElement | null, order: readonly F[]): boolean => {
      setSubmitted(true);
      const first = order.find((field) => errors[field]);
      if (!first) return true;
      form?.querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"] textarea`)?.focus();
      return false;
    },
    reset: () => {
      setSubmitted(false);
      setTouched({});
    },
  };
}
