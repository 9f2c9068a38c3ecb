// Choices as big targets for a thumb: one of a few (radio buttons), any of a few (tick boxes), and a single
// yes-or-no tick box; each with its hint and what to fix tied to it.
import { describedBy, HintAndError, type Described, type Option } from './Field.tsx';

/**
 * How a group of choices looks: `rows` one under another, `chips` as rounded chips in a row (the people and
 * note forms), `tiles` as large tiles in a row (the plan form).
 */
type Look = 'rows' | 'chips' | 'tiles';

const LOOKS: Record<Look, { group: string; row?: string; choice: string }> = {
  rows: { group: 'field radio-field', choice: 'radio-choice' },
  chips: { group: 'field chips', row: 'chip-row', choice: 'chip' },
  tiles: { group: 'choice-group', row: 'choices', choice: 'choice' },
};

interface GroupProps<T extends string> extends Described {
  /** The inputs' name; the id when not given. */
  name?: string;
  legend: string;
  options: readonly Option<T>[];
  look?: Look;
  /** Extra classes, for a group that needs a look of its own (the concern levels). */
  className?: string;
  onBlur?: (() => void) | undefined;
}

function ChoiceGroup<T extends string>({
  type,
  name,
  legend,
  options,
  look = 'rows',
  className,
  onBlur,
  isChosen,
  onChoose,
  ...described
}: GroupProps<T> & {
  type: 'radio' | 'checkbox';
  isChosen: (value: T) => boolean;
  onChoose: (value: T, on: boolean) => void;
}) {
  const classes = LOOKS[look];
  const group = [classes.group, className, described.error ? 'field-invalid' : ''].filter(Boolean).join(' ');
  const choices = options.map((option) => (
    <label key={option.value} className={classes.choice}>
      <input
        type={type}
        name={name ?? described.id}
        value={option.value}
        checked={isChosen(option.value)}
        onChange={(event) => onChoose(option.value, event.target.checked)}
        onBlur={onBlur}
      />
      <span>{option.label}</span>
    </label>
  ));
  return (
    <fieldset className={group} aria-describedby={describedBy(described)}>
      <legend>{legend}</legend>
      <HintAndError {...described} />
      {classes.row ? <div className={classes.row}>{choices}</div> : choices}
    </fieldset>
  );
}

/** One choice among a few; a radio group underneath, so it reads and works as one. */
export function RadioGroup<T extends string>({
  value,
  onChange,
  ...props
}: GroupProps<T> & { value: T | ''; onChange: (value: T) => void }) {
  return <ChoiceGroup type="radio" {...props} isChosen={(option) => value === option} onChoose={onChange} />;
}

/** Any number of choices, over real tick boxes; the values stay in the options' order. */
export function CheckboxGroup<T extends string>({
  values,
  onChange,
  ...props
}: GroupProps<T> & { values: readonly T[]; onChange: (values: T[]) => void }) {
  const options = props.options.map((option) => option.value);
  return (
    <ChoiceGroup
      type="checkbox"
      {...props}
      isChosen={(option) => values.includes(option)}
      onChoose={(value, on) => onChange(options.filter((v) => (v === value ? on : values.includes(v))))}
    />
  );
}

/** A yes-or-no tick box, as a big tappable row. */
export function CheckboxField({
  name,
  label,
  checked,
  onChange,
  ...described
}: Described & { name?: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, error } = described;
  return (
    <div className={error ? 'field checkbox-field field-invalid' : 'field checkbox-field'}>
      <label htmlFor={id} className="radio-choice">
        <input
          id={id}
          type="checkbox"
          name={name ?? id}
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(described)}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      <HintAndError {...described} />
    </div>
  );
}

export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);

/** Options whose labels are the values with a capital letter, as the domain lists hold them in lower case. */
export function optionsOf<T extends string>(values: readonly T[]): Option<T>[] {
  return values.map((value) => ({ value, label: capitalise(value) }));
}
