// An urgent note its author started on this device but has not saved: nobody else knows of the concern until it
// is, so Today says so at the top, with the way back to the note. No name: the tablet may be face up in a hall.
import { Link } from 'react-router';
import { useUrgentNoteDrafts } from '../../db/urgentDrafts.ts';
import { formatDateTime } from '../format.ts';

export function UrgentDrafts() {
  const drafts = useUrgentNoteDrafts();
  if (!drafts || drafts.length === 0) return null;
  const one = drafts.length === 1;
  return (
    <section className="today-alert" aria-labelledby="today-urgent-drafts">
      <h2 id="today-urgent-drafts">
        {one ? 'An urgent note is not saved' : `${drafts.length} urgent notes are not saved`}
      </h2>
      <p>Until you save {one ? 'it' : 'them'}, no coordinator knows of the concern. Finish and save it now.</p>
      <ul className="today-list">
        {drafts.map((draft) => (
          <li key={draft.key} className="today-card today-card-overdue">
            <div className="today-card-text">
              <Link to={draft.path} className="today-card-title">
                Finish the urgent note
                {!one && <span className="visually-hidden"> last changed {formatDateTime(draft.updatedAt)}</span>}
              </Link>
              <span className="record-meta">Last changed {formatDateTime(draft.updatedAt)}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
