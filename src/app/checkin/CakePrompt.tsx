// "If you were a cake, what cake would you be?": one tap after someone is checked in, when they have not said yet.
// Outside the list, so that the check-in tap still re-draws only its own row.
import { useState, type FormEvent } from 'react';
import type { Attendee } from '../../domain/attendee.ts';
import { CAKE_CHOICES } from '../../domain/food.ts';

export interface CakePromptProps {
  attendee: Attendee;
  onAnswer: (cake: string) => void;
  onSkip: () => void;
}

export function CakePrompt({ attendee, onAnswer, onSkip }: CakePromptProps) {
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | undefined>();
  const name = attendee.displayName ?? '';
  function saveOther(event: FormEvent) {
    event.preventDefault();
    const cake = other.trim();
    if (!cake) {
      setError('Type the cake, or tap one of the cakes above.');
      return;
    }
    if (cake.length > 200) {
      setError('Shorten the cake to 200 characters or fewer.');
      return;
    }
    onAnswer(cake);
  }
  return (
    <section className="cake-prompt" aria-labelledby="cake-prompt-heading">
      <h2 id="cake-prompt-heading">If {name} were a cake, what cake would they be?</h2>
      <p className="field-hint">Optional: for the cake session. Tap one, or skip.</p>
      <div className="cake-choices">
        {CAKE_CHOICES.map((cake) => (
          <button key={cake} type="button" className="button-secondary cake-choice" onClick={() => onAnswer(cake)}>
            {cake}
          </button>
        ))}
      </div>
      <form className="cake-other" onSubmit={saveOther} noValidate>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor="cake-other">Another cake</label>
          <input
            id="cake-other"
            type="text"
            autoComplete="off"
            value={other}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'cake-other-error' : undefined}
            onChange={(event) => setOther(event.target.value)}
          />
          {error && (
            <p className="field-error" id="cake-other-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button-secondary">
          Save
        </button>
        <button type="button" className="button-secondary" onClick={onSkip}>
          Skip
        </button>
      </form>
    </section>
  );
}
