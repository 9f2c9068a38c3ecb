// A person's notes and their wellbeing answers over time, on their profile.
import { Link } from 'react-router';
import type { Note } from '../../domain/note.ts';
import { ONS4_ATTRIBUTION, ONS4_QUESTIONS, ons4Band, ons4Series, type Ons4Point } from '../../domain/ons4.ts';
import { isFollowUpOverdue } from '../../domain/today.ts';
import { useDb } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { formatDateTime } from '../format.ts';
import { formatDay, formatLongDay } from './dates.ts';
import { capitalise } from '../components/form/index.ts';

const CONCERN_CLASS: Record<string, string> = {
  'keep an eye': 'tag-watch',
  'talk to coordinator': 'tag-talk',
  urgent: 'tag-urgent',
};

export function NotesList({ notes }: { notes: readonly Note[] }) {
  const db = useDb();
  const user = useCurrentUser();
  if (notes.length === 0) return <p className="field-hint">No notes yet.</p>;
  const today = new Date();
  return (
    <ul className="note-list">
      {notes.map((note) => (
        <li key={note.id} className="note-card">
          <h3>
            {note.createdAt ? formatDateTime(note.createdAt) : 'Undated'}
            {note.context && <span className="record-meta"> · {capitalise(note.context)}</span>}
          </h3>
          {note.concern && note.concern !== 'none' && (
            <p className={`concern-tag ${CONCERN_CLASS[note.concern] ?? ''}`}>Concern: {capitalise(note.concern)}</p>
          )}
          {note.focusAreas && note.focusAreas.length > 0 && (
            <p className="record-meta">Focus: {note.focusAreas.map(capitalise).join(', ')}</p>
          )}
          <p className="note-body">{note.body}</p>
          {note.positives && (
            <p>
              <strong>Positives seen: </strong>
              {note.positives}
            </p>
          )}
          {note.followUp && (
            <div className="follow-up">
              <p>
                <strong>Follow up{note.followUpDue ? ` by ${formatDay(note.followUpDue)}` : ''}: </strong>
                {note.followUp}
                {note.followUpDone ? ' (done)' : isFollowUpOverdue(note, today) ? ' (overdue)' : ''}
              </p>
              {!note.followUpDone && (
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => void saveRecord(db, 'note', note.id, { followUpDone: true }, { userId: user?.id })}
                >
                  Mark follow-up done
                  <span className="visually-hidden">: {note.followUp}</span>
                </button>
              )}
            </div>
          )}
          <p className="record-meta">
            {note.visibility === 'team' ? 'Shared with the team' : 'Only the author and coordinators'}
          </p>
          {note.visibility === 'team' && user && (user.role === 'coordinator' || note.createdBy === user.id) && (
            // Taking a note back: the server then tells the rest of the team's devices to delete their copies.
            <button
              type="button"
              className="button-secondary"
              onClick={() => void saveRecord(db, 'note', note.id, { visibility: 'private' }, { userId: user.id })}
            >
              Stop sharing with the team
              <span className="visually-hidden">
                : the note of {note.createdAt ? formatDateTime(note.createdAt) : 'no date'}
              </span>
            </button>
          )}
          {user?.role === 'coordinator' && (
            <p>
              <Link className="text-link" to={`/records/note/${encodeURIComponent(note.id)}/history`}>
                History of this note
                <span className="visually-hidden">
                  {' '}
                  of {note.createdAt ? formatDateTime(note.createdAt) : 'no date'}
                </span>
              </Link>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function WriteNoteLink({ personId, allowed }: { personId: string; allowed: boolean }) {
  if (!allowed) return <p className="field-hint">Record their consent to notes before writing one.</p>;
  return (
    <Link className="button-link button-primary" to={`/people/${personId}/notes/new`}>
      Write a note
    </Link>
  );
}

const WIDTH = 120;
const HEIGHT = 32;

/** A tiny line of one measure's answers; the table beside it carries the numbers for everyone. */
function Sparkline({ points, measure }: { points: readonly Ons4Point[]; measure: (typeof ONS4_QUESTIONS)[number] }) {
  const step = points.length > 1 ? WIDTH / (points.length - 1) : 0;
  const path = points
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${(index * step).toFixed(1)},${(HEIGHT - (point[measure.key] / 10) * HEIGHT).toFixed(1)}`,
    )
    .join(' ');
  return (
    <figure className="sparkline" aria-hidden="true">
      <svg width={WIDTH} height={HEIGHT} viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`} focusable="false">
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <figcaption>{measure.measure}</figcaption>
    </figure>
  );
}

export function Ons4History({ notes }: { notes: readonly Note[] }) {
  const points = ons4Series(notes);
  if (points.length === 0) return <p className="field-hint">No wellbeing checks recorded yet.</p>;
  return (
    <>
      {points.length > 1 && (
        <div className="sparklines">
          {ONS4_QUESTIONS.map((question) => (
            <Sparkline key={question.key} points={points} measure={question} />
          ))}
        </div>
      )}
      <div className="table-scroll">
        <table className="ons4-table">
          <caption>Answers from 0 to 10, oldest first. For anxiety, lower is better.</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {ONS4_QUESTIONS.map((question) => (
                <th key={question.key} scope="col">
                  {question.measure}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.noteId}>
                <th scope="row">{formatLongDay(point.at)}</th>
                {ONS4_QUESTIONS.map((question) => (
                  <td key={question.key}>
                    {point[question.key]} <span className="band">({ons4Band(question.key, point[question.key])})</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="attribution">{ONS4_ATTRIBUTION}</p>
    </>
  );
}
