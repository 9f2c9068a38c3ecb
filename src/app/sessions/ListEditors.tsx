// The plan's lists: outline steps (reordered with up and down), facilitators, and the materials checklist.
import { useState } from 'react';
import { describedBy, HintAndError } from '../components/form/index.ts';

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

function AddRow({ id, label, onAdd, max }: { id: string; label: string; onAdd: (text: string) => void; max: number }) {
  const [text, setText] = useState('');
  const add = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    onAdd(trimmed.slice(0, max));
    setText('');
  };
  return (
    <div className="add-row">
      <label htmlFor={id}>{label}</label>
      <div className="add-row-controls">
        <input
          id={id}
          type="text"
          value={text}
          maxLength={max}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the line rather than submitting the whole plan half-finished.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button-secondary" onClick={add}>
          Add
        </button>
      </div>
    </div>
  );
}

interface OutlineProps {
  steps: string[];
  errors: (string | undefined)[] | undefined;
  onChange: (steps: string[]) => void;
}

export function OutlineEditor({ steps, errors, onChange }: OutlineProps) {
  return (
    <fieldset className="plan-list">
      <legend>Outline</legend>
      <ol className="outline-steps">
        {steps.map((step, index) => {
          const id = `outline-${index}`;
          const error = errors?.[index];
          const name = step.trim() || `step ${index + 1}`;
          return (
            <li key={index} className={error ? 'outline-step field-invalid' : 'outline-step'}>
              <label htmlFor={id} className="visually-hidden">
                Step {index + 1}
              </label>
              <HintAndError id={id} error={error} />
              <div className="outline-step-row">
                <input
                  id={id}
                  type="text"
                  value={step}
                  maxLength={200}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy({ id, error })}
                  onChange={(event) => onChange(steps.map((s, i) => (i === index ? event.target.value : s)))}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${name} up`}
                  disabled={index === 0}
                  onClick={() => onChange(move(steps, index, index - 1))}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${name} down`}
                  disabled={index === steps.length - 1}
                  onClick={() => onChange(move(steps, index, index + 1))}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${name}`}
                  onClick={() => onChange(steps.filter((_, i) => i !== index))}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {steps.length < 100 && (
        <AddRow id="outline-add" label="Add a step" max={200} onAdd={(text) => onChange([...steps, text])} />
      )}
    </fieldset>
  );
}

interface FacilitatorsProps {
  names: string[];
  me: string | undefined;
  onChange: (names: string[]) => void;
}

export function FacilitatorsEditor({ names, me, onChange }: FacilitatorsProps) {
  return (
    <fieldset className="plan-list">
      <legend>Facilitators</legend>
      {names.length === 0 ? (
        <p className="field-hint">Nobody yet.</p>
      ) : (
        <ul className="chip-list">
          {names.map((name, index) => (
            <li key={`${name}-${index}`} className="chip">
              <span>{name}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${name}`}
                onClick={() => onChange(names.filter((_, i) => i !== index))}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {me && !names.includes(me) && (
        <button type="button" className="button-secondary add-me" onClick={() => onChange([...names, me])}>
          Add me ({me})
        </button>
      )}
      <AddRow
        id="facilitator-add"
        label="Add a facilitator by name"
        max={200}
        onAdd={(text) => onChange([...names, text])}
      />
    </fieldset>
  );
}

interface MaterialsProps {
  items: { item: string; done: boolean }[];
  onChange: (items: { item: string; done: boolean }[]) => void;
}

export function MaterialsEditor({ items, onChange }: MaterialsProps) {
  return (
    <fieldset className="plan-list">
      <legend>Things to bring</legend>
      <ul className="checklist">
        {items.map((entry, index) => (
          <li key={`${entry.item}-${index}`}>
            <label className="check">
              <input
                type="checkbox"
                checked={entry.done}
                onChange={(event) =>
                  onChange(items.map((e, i) => (i === index ? { ...e, done: event.target.checked } : e)))
                }
              />
              <span>{entry.item}</span>
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${entry.item}`}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </li>
        ))}
      </ul>
      {items.length < 50 && (
        <AddRow
          id="materials-add"
          label="Add something to bring"
          max={120}
          onAdd={(text) => onChange([...items, { item: text, done: false }])}
        />
      )}
    </fieldset>
  );
}
