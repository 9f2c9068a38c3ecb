// Barriers, planned: the crèche places offered and booked, the lifts and taxis needed and arranged (and for
// whom), and the buses to the venue. Team-facing: check-in's room list never shows any of it.
import { useId, useState } from 'react';
import { useDb } from '../../db/hooks.ts';
import { saveBooking, type BookingChanges } from '../../db/bookings.ts';
import type { Attendee } from '../../domain/attendee.ts';
import { barrierPlan, TRAVEL_KINDS, type Booking, type TravelKind } from '../../domain/booking.ts';
import type { Session } from '../../domain/session.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';

const TRAVEL_LABELS: Record<TravelKind, string> = { none: 'No transport', lift: 'A lift', taxi: 'A taxi' };

export interface BarriersProps {
  session: Session;
  /** The people who may need a place or a lift: those expected or here, and anyone already booked. */
  people: readonly Attendee[];
  bookings: readonly Booking[];
}

function crecheText(places: number, booked: number): string {
  if (places === 0) return booked === 0 ? 'No crèche places offered' : `No places offered, ${booked} booked`;
  return `${booked} of ${places} ${places === 1 ? 'place' : 'places'} booked`;
}

export function Barriers({ session, people, bookings }: BarriersProps) {
  const db = useDb();
  const user = useCurrentUser();
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | undefined>();
  const live = bookings.filter((booking) => booking.deleted !== true);
  const plan = barrierPlan(session.crechePlaces, live);
  const byId = new Map(people.map((person) => [person.id, person]));
  const booked = live
    .filter((booking) => byId.has(booking.attendeeId ?? ''))
    .sort((a, b) =>
      (byId.get(a.attendeeId ?? '')?.displayName ?? '').localeCompare(
        byId.get(b.attendeeId ?? '')?.displayName ?? '',
        'en-GB',
      ),
    );
  const bookedIds = new Set(booked.map((booking) => booking.attendeeId));
  const choices = people.filter((person) => !bookedIds.has(person.id));
  const save = (attendeeId: string, changes: BookingChanges) =>
    saveBooking(db, session.id, attendeeId, changes, user?.id ?? '');

  function add() {
    if (!adding) {
      setAddError('Choose a person to plan a crèche place or transport for.');
      return;
    }
    setAddError(undefined);
    void save(adding, { crecheBooked: false, travel: 'none' }).then(() => setAdding(''));
  }

  return (
    <section aria-labelledby="barriers-heading" className="barriers">
      <h2 id="barriers-heading">Crèche and transport</h2>
      <p className="field-hint">Seen by the team only: never on the check-in screen.</p>
      <dl className="facts">
        <div>
          <dt>Crèche</dt>
          <dd>
            {crecheText(plan.crechePlaces, plan.crecheBooked)}
            {plan.crecheOver > 0 && (
              <strong className="barrier-warning"> · {plan.crecheOver} more booked than there are places</strong>
            )}
          </dd>
        </div>
        <div>
          <dt>Lifts and taxis</dt>
          <dd>
            {plan.travelNeeded === 0
              ? 'Nobody needs one yet'
              : `${plan.travelArranged} of ${plan.travelNeeded} arranged`}
          </dd>
        </div>
        <div>
          <dt>Buses to the venue</dt>
          <dd className="pre-line">{session.busTimes || 'Not noted'}</dd>
        </div>
      </dl>
      {booked.length > 0 && (
        <ul className="booking-list">
          {booked.map((booking) => (
            <BookingRow
              key={booking.id}
              booking={booking}
              name={byId.get(booking.attendeeId ?? '')?.displayName ?? ''}
              onChange={(changes) => void save(booking.attendeeId ?? '', changes)}
            />
          ))}
        </ul>
      )}
      {choices.length > 0 ? (
        <div className="booking-add">
          <div className={addError ? 'field field-invalid' : 'field'}>
            <label htmlFor="booking-person">Plan for</label>
            <select
              id="booking-person"
              value={adding}
              aria-invalid={addError ? true : undefined}
              aria-describedby={addError ? 'booking-person-error' : undefined}
              onChange={(event) => setAdding(event.target.value)}
            >
              <option value="">Choose someone</option>
              {choices.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
            {addError && (
              <p className="field-error" id="booking-person-error">
                {addError}
              </p>
            )}
          </div>
          <button type="button" className="button-secondary" onClick={add}>
            Add
          </button>
        </div>
      ) : (
        booked.length === 0 && (
          <p className="empty-line">Nobody is expected yet: plan places and lifts once people say they are coming.</p>
        )
      )}
    </section>
  );
}

function BookingRow({
  booking,
  name,
  onChange,
}: {
  booking: Booking;
  name: string;
  onChange: (changes: BookingChanges) => void;
}) {
  const id = useId();
  const travel = booking.travel ?? 'none';
  const [note, setNote] = useState(booking.travelNote ?? '');
  const needsTravel = travel !== 'none';
  return (
    <li className="booking-row">
      <h3>{name}</h3>
      <label className="check">
        <input
          type="checkbox"
          checked={booking.crecheBooked === true}
          onChange={(event) => onChange({ crecheBooked: event.target.checked })}
        />
        <span>
          Crèche place booked<span className="visually-hidden"> for {name}</span>
        </span>
      </label>
      <fieldset className="field radio-field">
        <legend>Transport {name} needs</legend>
        <div className="travel-choices">
          {TRAVEL_KINDS.map((kind) => (
            <label key={kind} className="radio-choice">
              <input
                type="radio"
                name={`${id}-travel`}
                checked={travel === kind}
                onChange={() => onChange({ travel: kind })}
              />
              {TRAVEL_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>
      {needsTravel && (
        <>
          <label className="check">
            <input
              type="checkbox"
              checked={booking.travelArranged === true}
              onChange={(event) => onChange({ travelArranged: event.target.checked })}
            />
            <span>
              Arranged<span className="visually-hidden"> for {name}</span>
            </span>
          </label>
          <div className="field">
            <label htmlFor={`${id}-note`}>Who drives, or which firm, and when</label>
            <input
              id={`${id}-note`}
              type="text"
              maxLength={200}
              autoComplete="off"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              onBlur={() => {
                if (note.trim() !== (booking.travelNote ?? '')) onChange({ travelNote: note.trim() });
              }}
            />
          </div>
        </>
      )}
    </li>
  );
}
