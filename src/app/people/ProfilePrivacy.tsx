// A coordinator's data-protection requests about one person, at the foot of their profile: a copy of
// everything held, the record's history, and erasure. The three need the server; their screens say so.
import { Link } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import '../styles/privacy.css';

export function ProfilePrivacy({ person }: { person: Attendee }) {
  const name = person.displayName ?? 'this person';
  const path = `/people/${encodeURIComponent(person.id)}`;
  return (
    <section aria-labelledby="profile-privacy" className="profile-section">
      <h2 id="profile-privacy">Data protection</h2>
      <p className="field-hint">For coordinators. These need the server, so they work when this device is online.</p>
      <div className="form-actions">
        <Link className="button-link button-secondary" to={`${path}/export`}>
          Everything we hold about {name}
        </Link>
        <Link
          className="button-link button-secondary"
          to={`/records/attendee/${encodeURIComponent(person.id)}/history`}
        >
          History of {name}’s record
        </Link>
        <Link className="button-link button-danger" to={`${path}/erase`}>
          Erase {name}
        </Link>
      </div>
    </section>
  );
}
