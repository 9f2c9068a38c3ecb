// One person to reach before a group: how they like to be contacted, an editable text, and what came of it.
import { useId, useState } from 'react';
import type { Attendee } from '../../domain/attendee.ts';
import {
  OUTREACH_OUTCOMES,
  canCall,
  canText,
  isDiscreet,
  revealingWords,
  smsLink,
  telLink,
  type Outreach,
} from '../../domain/outreach.ts';
import { formatDateTime } from '../format.ts';
import { TextAreaField } from '../components/form/index.ts';
import { contactWords } from './contactWords.ts';

export type Method = 'text' | 'call';
type Outcome = (typeof OUTREACH_OUTCOMES)[number];

const OUTCOME_LABELS: Record<Outcome, string> = {
  coming: 'Coming',
  'not coming': 'Not coming',
  'no answer': 'No answer',
};
const METHOD_WORDS: Record<Method, string> = { text: 'text', call: 'call' };

interface Props {
  attendee: Attendee;
  composed: string;
  message: string | undefined;
  method: Method | undefined;
  latest: Outreach | undefined;
  organisationName: string;
  onMessage: (message: string | undefined) => void;
  onMethod: (method: Method) => void;
  onOutcome: (method: Method, outcome: Outcome) => Promise<void>;
}

export function OutreachPerson({ attendee, composed, message, method, latest, organisationName, ...on }: Props) {
  const id = useId();
  const [showNumber, setShowNumber] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const name = attendee.displayName ?? 'this person';
  const text = message ?? composed;
  const discreet = isDiscreet(attendee);
  const revealing = discreet ? revealingWords(text, organisationName) : [];
  const texting = canText(attendee);
  const calling = canCall(attendee);
  const sms = texting ? smsLink(attendee.contact?.phone, text) : undefined;
  const tel = calling ? telLink(attendee.contact?.phone) : undefined;
  const how: Method = method ?? (texting ? 'text' : 'call');

  async function record(outcome: Outcome) {
    await on.onOutcome(how, outcome);
    setSaved(`Saved: ${name}, ${OUTCOME_LABELS[outcome].toLocaleLowerCase('en-GB')}.`);
  }

  return (
    <section className="outreach-person" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>{name}</h2>
      <ul className="prefs" aria-label={`How ${name} likes to be contacted`}>
        {contactWords(attendee).map((words) => (
          <li key={words}>{words}</li>
        ))}
      </ul>
      {latest?.outcome && (
        <p className="latest-outcome">
          Last: <strong>{OUTCOME_LABELS[latest.outcome]}</strong>
          {latest.method && ` (${METHOD_WORDS[latest.method]}`}
          {latest.at && `, ${formatDateTime(latest.at)}`}
          {latest.method && ')'}
        </p>
      )}
      {texting && (
        <>
          <TextAreaField
            id={`${id}-message`}
            label={`Message to ${name}`}
            rows={4}
            value={text}
            onChange={(value) => on.onMessage(value)}
          />
          <div role="alert" className={revealing.length > 0 ? 'warning' : undefined}>
            {revealing.length > 0 && (
              <p>
                {name} asked for discretion. This message gives away what it is about:{' '}
                {revealing.map((word) => `“${word}”`).join(', ')}. Take {revealing.length === 1 ? 'it' : 'them'} out
                before sending.
              </p>
            )}
          </div>
          {message !== undefined && (
            <button type="button" className="quiet-button" onClick={() => on.onMessage(undefined)}>
              Start the message again
            </button>
          )}
        </>
      )}
      <div className="contact-actions">
        {sms && (
          <a className="button-link button-primary" href={sms} onClick={() => on.onMethod('text')}>
            Text {name}
          </a>
        )}
        {tel && (
          <a className="button-link button-secondary" href={tel} onClick={() => on.onMethod('call')}>
            Call {name}
          </a>
        )}
        {!sms && !tel && <p className="empty-line">No way to reach {name} by phone from here.</p>}
        {(sms || tel) && (
          <button
            type="button"
            className="quiet-button"
            aria-expanded={showNumber}
            onClick={() => setShowNumber((shown) => !shown)}
          >
            {showNumber ? 'Hide number' : 'Show number'}
          </button>
        )}
        {showNumber && <p className="phone-number">{attendee.contact?.phone}</p>}
      </div>
      {texting && calling && (
        <fieldset className="choice-group compact">
          <legend>How did you reach {name}?</legend>
          <div className="choices">
            {(['text', 'call'] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${id}-method`}
                  value={value}
                  checked={how === value}
                  onChange={() => on.onMethod(value)}
                />
                <span>{value === 'text' ? 'By text' : 'By call'}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="outcomes" role="group" aria-label={`What did ${name} say?`}>
        {OUTREACH_OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={latest?.outcome === outcome ? 'button-primary' : 'button-secondary'}
            aria-pressed={latest?.outcome === outcome}
            onClick={() => void record(outcome)}
          >
            {OUTCOME_LABELS[outcome]}
          </button>
        ))}
      </div>
      <p role="status" className="saved-line">
        {saved}
      </p>
    </section>
  );
}
