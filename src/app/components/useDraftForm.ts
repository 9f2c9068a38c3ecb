// A form whose input is kept as a draft on the device and checked as people type: a field's message shows
// once it has been left (or the form sent), and then follows every keystroke.
import { useState, type ChangeEvent } from 'react';
import type { Errors } from '../account/validation.ts';
import { useDraft } from './useDraft.ts';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface BoundField {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<Control>) => void;
  onBlur: () => void;
}

export function useDraftForm<F extends string>(
  draftKey: string,
  initial: Record<F, string>,
  validate: (values: Record<F, string>) => Errors<F>,
) {
  const draft = useDraft<Record<F, string>>(draftKey, initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  // A draft from an older version of the form may lack a field: fall back to the form's starting value.
  const values = { ...initial, ...draft.value };
  const errors = validate(values);

  function set(name: F, value: string) {
    draft.setValue((current) => ({ ...initial, ...current, [name]: value }));
  }

  function bind(name: F): BoundField {
    return {
      name,
      value: values[name],
      error: submitted || touched[name] ? errors[name] : undefined,
      onChange: (event) => set(name, event.target.value),
      onBlur: () => setTouched((current) => ({ ...current, [name]: true })),
    };
  }

  /** On submit: true when the values can be saved; otherwise shows every message and focuses the first field to fix. */
  function check(form: HTMLFormElement): boolean {
    setSubmitted(true);
    const firstInvalid = (Object.keys(values) as F[]).find((name) => errors[name]);
    if (!firstInvalid) return true;
    form.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
    return false;
  }

  /** Back to the starting values, forgetting the draft ("Start again"). */
  function reset() {
    draft.setValue(initial);
    // After setValue, so that the cleared draft is not written again by the pending save.
    void draft.discard();
    setTouched({});
    setSubmitted(false);
  }

  return {
    values,
    errors,
    bind,
    set,
    check,
    reset,
    discard: draft.discard,
    restored: draft.restored,
    loaded: draft.loaded,
  };
}
