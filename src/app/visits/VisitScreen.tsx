// One visit: the lone-worker check-in ("I've arrived", "I've left safely") with the expected finish, and an
// alert that nobody can miss once the supporter is overdue.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { useRecord } from '../../db/hooks.ts';
import { cancelVisit, extendVisit, markArrived, markLeftSafely, undoArrived, useVisitUnsent } from '../../db/visits.ts';
import type { TeamContact } from '../../db/meta.ts';
import type { Visit } from '../../domain/visit.ts';
import { expectedFinish, minutesInWords, minutesPastFinish, visitState } from '../../domain/visitTiming.ts';
import { useVisitGrace } from '../alerts/alertPeriods.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import { formatDateTime, formatTime } from '../format.ts';
import { CallButtons, displayPhone } from '../team/CallButtons.tsx';
import { useContacts } from '../team/contacts.ts';
import '../styles/controls.css';
import '../styles/visits.css';
import { useNow } from './useNow.ts';
import { VISIT_KIND_LABELS } from './visitForm.ts';

const EXTRA_MINUTES = 15;

export function VisitScreen() {
  const { id = '' } = useParams();
  const visit = useRecord('visit', id);
  const person = useRecord('attendee', visit?.attendeeId);
  const grace = useVisitGrace();
  if (visit === undefined || grace === undefined || (visit?.attendeeId && person === undefined)) return <Loading />;
  if (visit === null) {
    return (
      <NotFound
        thing="visit"
        back="/visits"
        backLabel="Back to visits"
        why="It may have been cancelled on another device."
      />
    );
  }
  const kind = visit.kind ? VISIT_KIND_LABELS[visit.kind] : 'Visit';
  const name = person ? String(person.displayName ?? '') : 'someone no longer on this device';
  return <VisitDetail visit={visit} title={`${kind} with ${name}`} grace={grace} />;
}

function VisitDetail({ visit, title, grace }: { visit: Visit; title: string; grace: number }) {
  const db = useDb();
  const user = useCurrentUser();
  const now = useNow();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [busy, setBusy] = useState(false);
  const unsent = useVisitUnsent(visit.id);
  const state = visitState(visit, now, grace);
  const finish = expectedFinish(visit);
  const options = { userId: user?.id ?? '' };
  const contacts = useContacts();
  const mine = visit.supporterId === user?.id;
  const supporter = mine ? undefined : contacts.find((contact) => contact.id === visit.supporterId);
  const buddy = contacts.find((contact) => contact.id === visit.buddyId);

  async function act(write: () => Promise<void>) {
    setBusy(true);
    try {
      await write();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={title} className="visit-screen">
      {state === 'overdue' && (
        <div role="alert" className="visit-alert">
          <p className="visit-alert-title">
            Not yet marked safe — {minutesInWords(minutesPastFinish(visit, now))} past the expected finish
            {finish && ` (${formatTime(finish)})`}
          </p>
          <p>
            {mine
              ? 'If you are safe, tap “I’ve left safely” or add more time. If you need help, call 999.'
              : `Ring ${supporter?.name ?? 'the supporter'} now. If you cannot reach them, follow your lone-working procedure.`}
          </p>
          {supporter && <CallButtons people={[supporter]} />}
        </div>
      )}

      <dl className="facts">
        <div>
          <dt>When</dt>
          <dd>{visit.at ? formatDateTime(visit.at, now.getTime()) : '—'}</dd>
        </div>
        {visit.where && (
          <div>
            <dt>Where</dt>
            <dd>{visit.where}</dd>
          </div>
        )}
        <div>
          <dt>Expected length</dt>
          <dd>{minutesInWords(visit.expectedMinutes ?? 60)}</dd>
        </div>
        <div>
          <dt>Supporter</dt>
          <dd>
            {mine
              ? 'You'
              : supporter
                ? `${supporter.name}: ${supporter.workPhone ? displayPhone(supporter.workPhone) : 'no work phone recorded'}`
                : 'Another supporter'}
          </dd>
        </div>
        {buddy && (
          <div>
            <dt>Buddy</dt>
            <dd>
              {buddy.id === user?.id
                ? 'You'
                : `${buddy.name}: ${buddy.workPhone ? displayPhone(buddy.workPhone) : 'no work phone recorded'}`}
            </dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="visit-check-in" className="visit-panel">
        <h2 id="visit-check-in">Lone-worker check-in</h2>
        {state === 'scheduled' && (
          <>
            <p>
              Tap when you arrive. If you haven’t tapped “I’ve left safely” within the expected length and 15 minutes,
              your coordinator sees an alert.
            </p>
            <button
              type="button"
              className="button-primary visit-big-button"
              disabled={busy}
              onClick={() => void act(() => markArrived(db, visit.id, options))}
            >
              I’ve arrived
            </button>
          </>
        )}
        {(state === 'in progress' || state === 'due to finish' || state === 'overdue') && (
          <>
            <p className="visit-times" role="status">
              Arrived at {visit.arrivedAt && formatTime(visit.arrivedAt)}.{' '}
              {finish && `Expected to finish by ${formatTime(finish)}.`}
            </p>
            {unsent && <UnsentArrival finish={finish} buddy={buddy} />}
            <button
              type="button"
              className="button-primary visit-big-button"
              disabled={busy}
              onClick={() => void act(() => markLeftSafely(db, visit.id, options))}
            >
              I’ve left safely
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void act(() => extendVisit(db, visit.id, EXTRA_MINUTES, options))}
            >
              Staying longer: add {EXTRA_MINUTES} minutes
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void act(() => undoArrived(db, visit.id, options))}
            >
              Not arrived yet: undo “I’ve arrived”
            </button>
          </>
        )}
        {state === 'done' && (
          <p className="visit-safe" role="status">
            Left safely{visit.leftAt && ` at ${formatTime(visit.leftAt)}`}.
          </p>
        )}
        {state === 'cancelled' && <p role="status">This visit was cancelled.</p>}
      </section>

      {state === 'scheduled' && (
        <div className="form-actions visit-actions">
          <Link to={`/visits/${visit.id}/edit`} className="button-secondary button-link">
            Change the visit
          </Link>
          {confirmCancel ? (
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void act(() => cancelVisit(db, visit.id, options))}
            >
              Yes, cancel this visit
            </button>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setConfirmCancel(true)}>
              Cancel the visit
            </button>
          )}
        </div>
      )}
      {user?.role === 'coordinator' && (
        <p>
          <Link className="text-link" to={`/records/visit/${encodeURIComponent(visit.id)}/history`}>
            History of this visit
          </Link>
        </p>
      )}
      <p>
        <Link to="/visits">Back to visits</Link>
      </p>
    </Screen>
  );
}

/**
 * The arrival is only on this device (no signal): say so plainly, and offer a text to someone who can keep an
 * eye instead. The message names no one and no place; the person chooses whom to send it to.
 */
/** With no signal, a text to the buddy's work phone (or to whoever the visitor picks, when none is known). */
function UnsentArrival({ finish, buddy }: { finish: Date | undefined; buddy: TeamContact | undefined }) {
  const text = finish
    ? `I'm on a home visit and expect to leave by ${formatTime(finish)}. I have no signal for Coorie.`
    : `I'm on a home visit. I have no signal for Coorie.`;
  return (
    <p className="notice visit-unsent">
      Not sent yet: nobody else can see that you have arrived until there is signal, so nobody can be alerted if you do
      not leave on time.{' '}
      <a href={`sms:${buddy?.workPhone ?? ''}?&body=${encodeURIComponent(text)}`}>
        {buddy?.workPhone ? `Text ${buddy.name} when you expect to leave` : 'Text someone when you expect to leave'}
      </a>
    </p>
  );
}
