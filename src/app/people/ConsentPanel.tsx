// Recording consent: the wording read to the person, their answers, saved against the wording's version.
import { useId, useState } from 'react';
import type { Attendee } from '../../domain/attendee.ts';
import { CONSENT_SCOPES, CONSENT_WORDING, giveConsent, type ConsentScope } from '../../domain/consent.ts';
import { useDb } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { CheckboxField } from '../components/form/index.ts';

interface ConsentPanelProps {
  person: Attendee;
  /** The level of the panel's heading, so headings stay in order wherever it appears. */
  level: 2 | 3;
  onSaved?: () => void;
}

export function ConsentPanel({ person, level, onSaved }: ConsentPanelProps) {
  const db = useDb();
  const user = useCurrentUser();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [scopes, setScopes] = useState<ConsentScope[]>(['notes']);
  const [problem, setProblem] = useState('');
  const Heading = level === 2 ? 'h2' : 'h3';
  const name = person.displayName ?? 'this person';

  async function save() {
    if (scopes.length === 0) {
      setProblem('Tick what they agreed to. If they said no to both, choose Cancel.');
      return;
    }
    await saveRecord(db, 'attendee', person.id, { consent: giveConsent(scopes, new Date()) }, { userId: user?.id });
    setOpen(false);
    setProblem('');
    onSaved?.();
  }

  if (!open) {
    return (
      <button type="button" className="button-primary" aria-expanded="false" onClick={() => setOpen(true)}>
        Record consent
      </button>
    );
  }
  return (
    <section className="consent-panel" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{CONSENT_WORDING.title}</Heading>
      <p className="field-hint">Read this to {name}, or let them read it.</p>
      <div className="consent-wording">
        {CONSENT_WORDING.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      <fieldset className="field" aria-describedby={problem ? `${id}-problem` : undefined}>
        <legend>What did {name} agree to?</legend>
        {problem && (
          <p className="field-error" id={`${id}-problem`}>
            <span className="visually-hidden">Error: </span>
            {problem}
          </p>
        )}
        {CONSENT_SCOPES.map((scope) => (
          <CheckboxField
            key={scope}
            id={`${id}-${scope}`}
            label={CONSENT_WORDING.questions[scope]}
            checked={scopes.includes(scope)}
            onChange={(on) => {
              setProblem('');
              setScopes(CONSENT_SCOPES.filter((s) => (s === scope ? on : scopes.includes(s))));
            }}
          />
        ))}
      </fieldset>
      <p className="field-hint">Saved with today’s date and the wording version {CONSENT_WORDING.version}.</p>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={() => void save()}>
          Save consent
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </section>
  );
}
