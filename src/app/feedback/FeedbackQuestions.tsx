// The kiosk's questions: big faces and yes/no tiles that a parent answers with a baby on their lap.
import type { ReactNode } from 'react';

export interface KioskAnswers {
  feltWelcome: '' | '1' | '2' | '3' | '4' | '5';
  wouldComeAgain: '' | 'yes' | 'no';
  comment: string;
}

export const emptyAnswers: KioskAnswers = { feltWelcome: '', wouldComeAgain: '', comment: '' };
const COMMENT_MAX = 2000;

export function hasAnswer(answers: KioskAnswers): boolean {
  return answers.feltWelcome !== '' || answers.wouldComeAgain !== '' || answers.comment.trim() !== '';
}

/** The `feedback` record's values: only what was answered, and nothing that points to a person. */
export function feedbackValues(sessionId: string, answers: KioskAnswers): Record<string, unknown> {
  const values: Record<string, unknown> = { sessionId };
  if (answers.feltWelcome) values.feltWelcome = Number(answers.feltWelcome);
  if (answers.wouldComeAgain) values.wouldComeAgain = answers.wouldComeAgain === 'yes';
  const comment = answers.comment.trim().slice(0, COMMENT_MAX);
  if (comment) values.comment = comment;
  return values;
}

const WELCOME = [
  { value: '1', label: 'Not at all', mouth: 'M8 17c2-2.5 6-2.5 8 0' },
  { value: '2', label: 'Not really', mouth: 'M8 16.5c2-1.2 6-1.2 8 0' },
  { value: '3', label: 'It was OK', mouth: 'M8 15.5h8' },
  { value: '4', label: 'Mostly', mouth: 'M8 14.5c2 1.2 6 1.2 8 0' },
  { value: '5', label: 'Very welcome', mouth: 'M7.5 14c2 3 7 3 9 0' },
] as const;

function Face({ mouth }: { mouth: string }) {
  return (
    <svg viewBox="0 0 24 24" width="56" height="56" aria-hidden="true" focusable="false" className="kiosk-face">
      <circle cx="12" cy="12" r="10" fill="#f6c177" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

function Tile({
  name,
  value,
  checked,
  onChange,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <label className={checked ? 'kiosk-tile kiosk-tile-chosen' : 'kiosk-tile'}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} />
      {children}
    </label>
  );
}

export function FeedbackQuestions({
  answers,
  onChange,
}: {
  answers: KioskAnswers;
  onChange: (answers: KioskAnswers) => void;
}) {
  return (
    <>
      <fieldset className="kiosk-question">
        <legend>Did you feel welcome today?</legend>
        <div className="kiosk-tiles kiosk-faces">
          {WELCOME.map(({ value, label, mouth }) => (
            <Tile
              key={value}
              name="feltWelcome"
              value={value}
              checked={answers.feltWelcome === value}
              onChange={() => onChange({ ...answers, feltWelcome: value })}
            >
              <Face mouth={mouth} />
              <span>{label}</span>
            </Tile>
          ))}
        </div>
      </fieldset>
      <fieldset className="kiosk-question">
        <legend>Would you come again?</legend>
        <div className="kiosk-tiles">
          {(['yes', 'no'] as const).map((value) => (
            <Tile
              key={value}
              name="wouldComeAgain"
              value={value}
              checked={answers.wouldComeAgain === value}
              onChange={() => onChange({ ...answers, wouldComeAgain: value })}
            >
              <span>{value === 'yes' ? 'Yes' : 'No'}</span>
            </Tile>
          ))}
        </div>
      </fieldset>
      <div className="field kiosk-question">
        <label htmlFor="kiosk-comment">Anything else you would like to tell us? (optional)</label>
        <p className="field-hint" id="kiosk-comment-hint">
          Please leave out names, so your answer stays anonymous.
        </p>
        <textarea
          id="kiosk-comment"
          rows={4}
          maxLength={COMMENT_MAX}
          aria-describedby="kiosk-comment-hint"
          value={answers.comment}
          onChange={(event) => onChange({ ...answers, comment: event.target.value })}
        />
      </div>
    </>
  );
}
