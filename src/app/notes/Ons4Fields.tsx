// The optional ONS4 wellbeing check: four questions, each a big 0–10 scale of real radio buttons.
import { ONS4_ATTRIBUTION, ONS4_INTRODUCTION, ONS4_QUESTIONS, type Ons4Key } from '../../domain/ons4.ts';

const SCORES = Array.from({ length: 11 }, (_, score) => score);

interface Ons4FieldsProps {
  idPrefix: string;
  value: Partial<Record<Ons4Key, number>> | null;
  error: string | undefined;
  onChange: (value: Partial<Record<Ons4Key, number>> | null) => void;
}

export function Ons4Fields({ idPrefix, value, error, onChange }: Ons4FieldsProps) {
  if (!value) {
    return (
      <div className="field">
        <button type="button" className="button-secondary" aria-expanded="false" onClick={() => onChange({})}>
          Add a wellbeing check (ONS4)
        </button>
        <p className="field-hint">Optional: four questions, each answered from 0 to 10.</p>
      </div>
    );
  }
  const errorId = `${idPrefix}-ons4-error`;
  return (
    <section className="ons4" aria-labelledby={`${idPrefix}-ons4-title`}>
      <h2 id={`${idPrefix}-ons4-title`}>Wellbeing check (ONS4)</h2>
      <p>{ONS4_INTRODUCTION}</p>
      {error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {ONS4_QUESTIONS.map((question) => {
        const answered = value[question.key];
        const missing = !!error && answered === undefined;
        return (
          <fieldset
            key={question.key}
            className={missing ? 'field scale field-invalid' : 'field scale'}
            aria-describedby={missing ? errorId : undefined}
          >
            <legend>
              <span className="scale-measure">{question.measure}: </span>
              {question.question}
            </legend>
            <div className="scale-row">
              {SCORES.map((score) => (
                <label key={score} className="scale-option">
                  <input
                    type="radio"
                    name={`${idPrefix}-ons4-${question.key}`}
                    value={score}
                    checked={answered === score}
                    onChange={() => onChange({ ...value, [question.key]: score })}
                  />
                  <span>{score}</span>
                </label>
              ))}
            </div>
            <p className="scale-ends" aria-hidden="true">
              <span>0 not at all</span>
              <span>10 completely</span>
            </p>
          </fieldset>
        );
      })}
      <p className="attribution">{ONS4_ATTRIBUTION}</p>
      <button type="button" className="button-secondary" onClick={() => onChange(null)}>
        Remove the wellbeing check
      </button>
    </section>
  );
}
