// Follow-ups due (overdue ones stand out) and, for coordinators, concerns that nobody has picked up yet: how many
// and who picked up the others, with the parents' names only after a tap.
import { useState } from 'react';
import { Link } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import type { Note } from '../../domain/note.ts';
import { isConcernPickedUp, isFollowUpOverdue, type VersionedNote } from '../../domain/today.ts';
import { formatDateTime } from '../format.ts';
import { dateLabel } from './labels.ts';

type Names = ReadonlyMap<string, Attendee>;

const personPath = (note: Note) => `/people/${encodeURIComponent(note.attendeeId ?? '')}`;
const nameOf = (note: Note, attendees: Names) => attendees.get(note.attendeeId ?? '')?.displayName ?? 'Someone';

/** Follow-ups shown before "Show all": the most overdue, a screenful, however many a busy year leaves due. */
const FIRST_FOLLOW_UPS = 10;

export function FollowUps({
  notes,
  attendees,
  today,
  onDone,
}: {
  notes: Note[];
  attendees: Names;
  today: string;
  onDone: (note: Note) => void;
}) {
  const [all, setAll] = useState(false);
  const more = notes.length > FIRST_FOLLOW_UPS;
  return (
    <section aria-labelledby="today-follow-ups" className="today-section">
      <h2 id="today-follow-ups">Follow-ups due</h2>
      {notes.length === 0 ? (
        <p className="today-none">No follow-ups due. You are all caught up.</p>
      ) : (
        <ul className="today-list">
          {(all ? notes : notes.slice(0, FIRST_FOLLOW_UPS)).map((note) => {
            const overdue = isFollowUpOverdue(note, today);
            const name = nameOf(note, attendees);
            return (
              <li key={note.id} className={overdue ? 'today-card today-card-overdue' : 'today-card'}>
                <div className="today-card-text">
                  <Link to={personPath(note)} className="today-card-title">
                    {name}
                  </Link>
                  {note.followUp && <span>{note.followUp}</span>}
                  <span className={overdue ? 'today-overdue-text' : 'record-meta'}>
                    {overdue ? 'Overdue: was due ' : 'Due '}
                    {note.followUpDue === today ? 'today' : dateLabel(note.followUpDue ?? today)}
                  </span>
                </div>
                <button type="button" className="button-secondary" onClick={() => onDone(note)}>
                  Done<span className="visually-hidden"> with {name}’s follow-up</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {more && (
        <button type="button" className="button-secondary today-more" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST_FOLLOW_UPS}` : `Show all ${notes.length} follow-ups`}
        </button>
      )}
    </section>
  );
}

const CONCERN_LABELS: Record<string, string> = { urgent: 'Urgent', 'talk to coordinator': 'Talk to coordinator' };

/** "1 urgent concern and 2 to talk about", without anyone's name: the tablet may be face up in a hall. */
function concernCount(notes: readonly Note[]): string {
  const urgent = notes.filter((note) => note.concern === 'urgent').length;
  const talk = notes.length - urgent;
  const parts = [
    urgent > 0 ? `${urgent} urgent ${urgent === 1 ? 'concern' : 'concerns'}` : '',
    talk > 0 ? `${talk} to talk about` : '',
  ].filter(Boolean);
  return `${parts.join(' and ')} ${notes.length === 1 ? 'waits' : 'wait'} for a coordinator.`;
}

/** "Picked up lately: Alex Morrison (2), Sam Reid": who took the concerns of the last fortnight, by team name. */
function pickedUpLately(notes: readonly VersionedNote[], now: number): string {
  const since = new Date(now - 14 * 24 * 60 * 60_000).toISOString();
  const counts = new Map<string, number>();
  for (const note of notes) {
    const by = note.concernPickedUpBy?.trim();
    if (!by || !isConcernPickedUp(note) || note.deleted === true || (note.createdAt ?? '') < since) continue;
    if (note.concern !== 'urgent' && note.concern !== 'talk to coordinator') continue;
    counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  return [...counts].map(([by, count]) => (count > 1 ? `${by} (${count})` : by)).join(', ');
}

export function OpenConcerns({
  notes,
  allNotes,
  attendees,
  onPickUp,
}: {
  /** The concerns nobody has picked up. */
  notes: Note[];
  /** The notes Today reads, among them the concerns of the last fortnight, for who picked them up lately. */
  allNotes: readonly VersionedNote[];
  attendees: Names;
  onPickUp: (note: Note) => void;
}) {
  const pickedUp = pickedUpLately(allNotes, Date.now());
  const urgent = notes.some((note) => note.concern === 'urgent');
  return (
    <section aria-labelledby="today-concerns" className="today-section">
      <h2 id="today-concerns">Concerns nobody has picked up</h2>
      {notes.length === 0 ? (
        <p className="today-none">No concerns waiting for a coordinator.</p>
      ) : (
        // Today may be the home screen of a tablet in a hall: the names wait behind a tap.
        <div className={urgent ? 'today-concerns today-card-alert' : 'today-concerns'}>
          <p className={urgent ? 'today-concern today-concern-urgent' : 'today-concern'}>{concernCount(notes)}</p>
          <details className="today-concern-names">
            <summary>Show who</summary>
            <ul className="today-list">
              {notes.map((note) => {
                const name = nameOf(note, attendees);
                const isUrgent = note.concern === 'urgent';
                return (
                  <li key={note.id} className={isUrgent ? 'today-card today-card-alert' : 'today-card'}>
                    <div className="today-card-text">
                      <span className={isUrgent ? 'today-concern today-concern-urgent' : 'today-concern'}>
                        {CONCERN_LABELS[note.concern ?? ''] ?? note.concern}
                      </span>
                      <Link to={personPath(note)} className="today-card-title">
                        {name}
                      </Link>
                      {note.createdAt && <span className="record-meta">Noted {formatDateTime(note.createdAt)}</span>}
                    </div>
                    <button type="button" className="button-primary" onClick={() => onPickUp(note)}>
                      I’ll pick this up<span className="visually-hidden"> for {name}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        </div>
      )}
      {pickedUp && <p className="record-meta">Picked up lately: {pickedUp}</p>}
    </section>
  );
}
