// Notes wait for consent: say why, and let the volunteer record it there and then.
import type { ReactNode } from 'react';
import type { Attendee } from '../../domain/attendee.ts';
import { hasConsentForNotes } from '../../domain/consent.ts';
import { ConsentPanel } from '../people/ConsentPanel.tsx';

function reason(person: Attendee): string {
  const name = person.displayName ?? 'this person';
  if (!person.consent) return `${name} has not been asked about notes yet.`;
  if (person.consent.withdrawnAt) return `${name} has withdrawn their consent, so no new notes can be written.`;
  if (!person.consent.what.includes('notes')) return `${name} agreed to be contacted, but not to notes.`;
  return `${name}’s consent was recorded with wording this app no longer knows: ask them again.`;
}

/** Shows its children (the note form) only when consent to notes stands. */
export function ConsentGate({ person, children }: { person: Attendee; children: ReactNode }) {
  if (hasConsentForNotes(person)) return <>{children}</>;
  return (
    <section className="consent-gate" aria-labelledby="consent-gate-title">
      <h2 id="consent-gate-title">Consent needed before a note</h2>
      <p>{reason(person)}</p>
      <p>
        Ask whether they are happy for us to keep short notes. If they say yes, record it now; if not, write nothing
        about them.
      </p>
      <ConsentPanel person={person} level={3} />
    </section>
  );
}
