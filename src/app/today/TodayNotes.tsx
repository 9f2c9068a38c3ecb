// Follow-ups due (overdue ones stand out) and, for coordinators, concerns that nobody has picked up yet.
import { Link } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import type { Note } from '../../domain/note.ts';
import { isFollowUpOverdue } from '../../domain/today.ts';
import { formatDateTime } from '../format.ts';
import { dateLabel } from './labels.ts';

type Names = ReadonlyMap<string, Attendee>;

const personPath = (note: Note) => `/people/${encodeURIComponent(note.attendeeId ?? '')}`;
const nameOf = (note: Note, attendees: Names) => attendees.get(note.attendeeId ?? '')?.displayName ?? 'Someone';

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
  return (
    <section aria-labelledby="today-follow-ups" className="today-section">
      <h2 id="today-follow-ups">Follow-ups due</h2>
      {notes.length === 0 ? (
        <p className="today-none">No follow-ups due. You are all caught up.</p>
      ) : (
        <ul className="today-list">
          {notes.map((note) => {
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
    </section>
  );
}

const CONCERN_LABELS: Record<string, string> = { urgent: 'Urgent', 'talk to coordinator': 'Talk to coordinator' };

export function OpenConcerns({
  notes,
  attendees,
  onPickUp,
}: {
  notes: Note[];
  attendees: Names;
  onPickUp: (note: Note) => void;
}) {
  return (
    <section aria-labelledby="today-concerns" className="today-section">
      <h2 id="today-concerns">Concerns nobody has picked up</h2>
      {notes.length === 0 ? (
        <p className="today-none">No concerns waiting for a coordinator.</p>
      ) : (
        <ul className="today-list">
          {notes.map((note) => {
            const name = nameOf(note, attendees);
            const urgent = note.concern === 'urgent';
            return (
              <li key={note.id} className={urgent ? 'today-card today-card-alert' : 'today-card'}>
                <div className="today-card-text">
                  <span className={urgent ? 'today-concern today-concern-urgent' : 'today-concern'}>
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
      )}
    </section>
  );
}
