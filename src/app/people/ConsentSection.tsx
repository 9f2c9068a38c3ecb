// A person's consent on their profile: what they agreed to, when, to which wording; record it or withdraw it,
// and after a withdrawal, the way to erasure (a coordinator erases; anyone else asks a coordinator to).
import { useState } from 'react';
import { Link } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import { CONSENT_WORDINGS, hasConsentForNotes, withdrawConsent } from '../../domain/consent.ts';
import { useDb } from '../../db/hooks.ts';
import { usePersonNotes } from '../../db/people.ts';
import { saveRecord } from '../../db/records.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { formatDateTime } from '../format.ts';
import { ConsentPanel } from './ConsentPanel.tsx';
import { isErasureRequest, requestErasure } from './erasureRequest.ts';

const SCOPE_LABELS: Record<string, string> = {
  notes: 'Short notes about how they are doing',
  contact: 'Texts or calls before a group',
};

export function ConsentSection({ person }: { person: Attendee }) {
  const db = useDb();
  const user = useCurrentUser();
  const [confirming, setConfirming] = useState(false);
  const consent = person.consent;
  const name = person.displayName ?? 'this person';
  const known = consent && Object.hasOwn(CONSENT_WORDINGS, consent.wordingVersion);

  async function withdraw() {
    if (!consent) return;
    await saveRecord(
      db,
      'attendee',
      person.id,
      { consent: withdrawConsent(consent, new Date()) },
      { userId: user?.id },
    );
    setConfirming(false);
  }

  return (
    <section aria-labelledby="profile-consent" className="profile-section">
      <h2 id="profile-consent">Consent</h2>
      {!consent ? (
        <p className="notice notice-warning">No consent recorded yet. Record it before writing any notes.</p>
      ) : (
        <>
          {consent.withdrawnAt && (
            <p className="notice notice-warning">
              {name} withdrew their consent on {formatDateTime(consent.withdrawnAt)}. No new notes can be written.
            </p>
          )}
          <dl className="facts">
            <div>
              <dt>Agreed to</dt>
              <dd>
                {consent.what.length === 0
                  ? 'Nothing'
                  : consent.what.map((scope) => SCOPE_LABELS[scope] ?? scope).join('; ')}
              </dd>
            </div>
            <div>
              <dt>When</dt>
              <dd>{formatDateTime(consent.at)}</dd>
            </div>
            <div>
              <dt>Wording</dt>
              <dd>
                Version {consent.wordingVersion}
                {!known && ' (not one this app knows: record consent again)'}
              </dd>
            </div>
          </dl>
          {consent.withdrawnAt && <ErasureOffer person={person} />}
        </>
      )}
      <div className="form-actions">
        <ConsentPanel person={person} level={3} />
        {hasConsentForNotes(person) && !confirming && (
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            Withdraw consent
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby="withdraw-question">
          <p id="withdraw-question">
            Withdraw {name}’s consent? No new notes can be written about them. Notes already written stay until they ask
            for them to be erased.
          </p>
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={() => void withdraw()}>
              Yes, withdraw consent
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              Keep consent
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** After a withdrawal: coordinators go straight to erasure; others leave a request that coordinators see. */
function ErasureOffer({ person }: { person: Attendee }) {
  const db = useDb();
  const user = useCurrentUser();
  const notes = usePersonNotes(person.id);
  const [busy, setBusy] = useState(false);
  const name = person.displayName ?? 'this person';

  if (user === undefined) return null;
  if (user.role === 'coordinator') {
    return (
      <div className="erasure-offer">
        <p>If {name} wants everything we hold about them deleted too, erase their record.</p>
        <Link className="button-link button-secondary" to={`/people/${encodeURIComponent(person.id)}/erase`}>
          Erase {name}
        </Link>
      </div>
    );
  }
  if (notes === undefined) return null;
  if (notes.some(isErasureRequest)) {
    return (
      <p className="erasure-offer" role="status">
        A coordinator has been asked to erase {name}’s record. It is among the concerns on their Today screen.
      </p>
    );
  }
  return (
    <div className="erasure-offer">
      <p>
        If {name} wants everything we hold about them deleted too, only a coordinator can erase it. Let them know here:
        they will see it among the concerns on their Today screen.
      </p>
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void requestErasure(db, person.id, user.id).finally(() => setBusy(false));
        }}
      >
        Ask a coordinator to erase {name}
      </button>
    </div>
  );
}
