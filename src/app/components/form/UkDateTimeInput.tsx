// The date and time inputs of every form: plain text fields, day first and on the 24-hour clock, because a
// native date or time picker follows the device's language (mm/dd/yyyy and "10:00 PM" on US English).
// The form gets an ISO date or "HH:mm" once what is typed is one, and the text itself until then, so that
// its own rules say what to fix.
import { useState } from 'react';
import { dateText, parseDateText, parseTimeText } from './dateText.ts';

export interface UkInputProps {
  id: string;
  name?: string | undefined;
  /** An ISO date (YYYY-MM-DD) or "HH:mm" time, or text that is not one yet. */
  value: string;
  onValue: (value: string) => void;
  onBlur?: (() => void) | undefined;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
  dataField?: string | undefined;
}

function UkInput({
  kind,
  id,
  name,
  value,
  onValue,
  onBlur,
  describedBy,
  invalid,
  dataField,
}: UkInputProps & { kind: 'date' | 'time' }) {
  const parse = kind === 'date' ? parseDateText : parseTimeText;
  const show = kind === 'date' ? dateText : (time: string) => time;
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  // A value set from outside (a draft restored, a default) replaces what is shown; the echo of our own typing does not.
  if (value !== seen) {
    setSeen(value);
    if ((parse(text) ?? text) !== value) setText(show(value));
  }
  return (
    <input
      id={id}
      name={name}
      type="text"
      inputMode={kind === 'time' ? 'numeric' : 'text'}
      autoComplete="off"
      spellCheck={false}
      data-field={dataField}
      className={kind === 'date' ? 'input-date' : 'input-time'}
      maxLength={kind === 'date' ? 10 : 5}
      value={text}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        const parsed = parse(typed);
        const next = parsed ?? typed;
        setSeen(next);
        onValue(next);
      }}
      onBlur={() => {
        // Tidy what was typed once it is a date or time: "3/12/2026" reads back as "03/12/2026".
        const parsed = parse(text);
        if (parsed) setText(show(parsed));
        onBlur?.();
      }}
    />
  );
}

export function UkDateInput(props: UkInputProps) {
  return <UkInput kind="date" {...props} />;
}

export function UkTimeInput(props: UkInputProps) {
  return <UkInput kind="time" {...props} />;
}
