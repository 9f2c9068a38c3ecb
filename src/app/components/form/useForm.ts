// The state of every form: values checked as people type, a field's message shown once it has been left (or the
// form sent) and then following every keystroke; with `draftKey`, the values are kept as a draft on the device.
import { useState, type FormEvent } from 'react';
import type { Errors } from '../../account/validation.ts';
import type { FieldBinding } from './Field.tsx';
import { useDraft } from './useDraft.ts';

/** The names of a form's text values, which `field(name)` can bind to a text field. */
type TextName<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T] & string;
/** The names of a form's yes-or-no values, which `checkbox(name)` can bind to a tick box. */
type FlagName<T> = { [K in keyof T]-?: T[K] extends boolean ? K : never }[keyof T] & string;

interface FormOptions<T, F extends string> {
  initial: T;
  validate: (values: T) => Errors<F>;
  /** Keeps the values as a draft on the device under this key, brought back after a reload. */
  draftKey?: string | undefined;
  /** Where to look for the first field to fix, in order; the names of the values otherwise. */
  order?: (values: T) => readonly F[];
  /** What `onSubmit` does once nothing needs fixing; `busy` is true meanwhile. */
  onValid?: (values: T) => Promise<void>;
}

export function useForm<T extends object, F extends string = TextName<T>>({
  initial,
  validate,
  draftKey,
  order,
  onValid,
}: FormOptions<T, F>) {
  const draft = useDraft<T>(draftKey, initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  // A draft from an older version of the form may lack a field: fall back to the form's starting value.
  const values: T = { ...initial, ...draft.value };
  const errors = validate(values);

  function set<K extends keyof T>(name: K, value: T[K]) {
    draft.setValue((current) => ({ ...initial, ...current, [name]: value }));
  }

  /** The message to show beside a field now, if any. */
  function shown(name: F): string | undefined {
    return submitted || touched[name] ? errors[name] : undefined;
  }

  function touch(name: F) {
    setTouched((current) => ({ ...current, [name]: true }));
  }

  /** A text value bound to a field of the kit, whose id is `field-<name>`. */
  function field(name: TextName<T>): FieldBinding & { name: string } {
    const key = name as unknown as F;
    return {
      id: `field-${name}`,
      name,
      value: values[name] as string,
      error: shown(key),
      onChange: (value) => set(name, value as T[typeof name]),
      onBlur: () => touch(key),
    };
  }

  /** A yes-or-no value bound to the kit's CheckboxField, whose id is `field-<name>`. */
  function checkbox(name: FlagName<T>) {
    return {
      id: `field-${name}`,
      name,
      checked: values[name] as boolean,
      error: shown(name as unknown as F),
      onChange: (on: boolean) => set(name, on as T[typeof name]),
    };
  }

  /** On submit: true when the values can be saved; otherwise shows every message and focuses the first field to fix. */
  function check(form: HTMLFormElement | null): boolean {
    setSubmitted(true);
    const first = (order ? order(values) : (Object.keys(values) as F[])).find((name) => errors[name]);
    if (!first) return true;
    // Take people straight to what needs fixing; the message is read out through aria-describedby.
    form
      ?.querySelector<HTMLElement>(`[name="${first}"], [data-field="${first}"] input, [data-field="${first}"] textarea`)
      ?.focus();
    return false;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check(event.currentTarget) || busy || !onValid) return;
    setBusy(true);
    try {
      await onValid(values);
    } finally {
      setBusy(false);
    }
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
    set,
    shown,
    touch,
    field,
    checkbox,
    check,
    onSubmit,
    busy,
    reset,
    discard: draft.discard,
    restored: draft.restored,
    loaded: draft.loaded,
  };
}
