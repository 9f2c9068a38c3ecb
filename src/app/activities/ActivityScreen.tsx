// One activity idea: its safety notes first and unmissable, then ages, materials, how to run it and why.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { deleteRecord } from '../../db/records.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import '../styles/controls.css';
import '../styles/activities.css';
import { ageRangeLabel, kindLabel, useActivityEntry } from './library.ts';

const ORIGIN_TEXT = {
  'built-in': 'From Coorie’s starter library',
  edited: 'A starter idea, edited for your group',
  own: 'Added by your organisation',
} as const;

export function ActivityScreen() {
  const { id = '' } = useParams();
  const db = useDb();
  const navigate = useNavigate();
  const entry = useActivityEntry(id);
  const [confirming, setConfirming] = useState(false);

  if (entry === undefined) return <Loading />;
  if (entry === null) {
    return (
      <NotFound
        thing="activity"
        back="/activities"
        backLabel="Back to activities"
        why="It may have been removed on another device."
      />
    );
  }
  const { record, origin } = entry;

  // Removing an edited starter idea deletes only the copy: the original shows again.
  async function remove() {
    await deleteRecord(db, 'activity', record.id);
    if (origin === 'own') await navigate('/activities', { replace: true });
    setConfirming(false);
  }

  return (
    <Screen title={record.title ?? 'Activity'} className="activity-screen">
      <section className="safety-box" aria-labelledby="activity-safety">
        <h2 id="activity-safety">
          <span aria-hidden="true">⚠ </span>Safety first
        </h2>
        <p className="long-text">{record.safety || 'No safety notes yet: add them before you use this activity.'}</p>
      </section>

      <dl className="facts">
        <div>
          <dt>Kind</dt>
          <dd>{kindLabel(record.kind)}</dd>
        </div>
        <div>
          <dt>Ages</dt>
          <dd>{ageRangeLabel(record)}</dd>
        </div>
        <div>
          <dt>Where it comes from</dt>
          <dd>{ORIGIN_TEXT[origin]}</dd>
        </div>
      </dl>

      {record.materials && record.materials.length > 0 && (
        <section aria-labelledby="activity-materials">
          <h2 id="activity-materials">Materials</h2>
          <ul className="materials">
            {record.materials.map((item, index) => (
              <li key={`${index}-${item}`}>{item}</li>
            ))}
          </ul>
        </section>
      )}
      {record.howTo && (
        <section aria-labelledby="activity-how">
          <h2 id="activity-how">How to</h2>
          <p className="long-text">{record.howTo}</p>
        </section>
      )}
      {record.whyItHelps && (
        <section aria-labelledby="activity-why">
          <h2 id="activity-why">Why it helps</h2>
          <p className="long-text">{record.whyItHelps}</p>
        </section>
      )}

      <div className="form-actions activity-actions">
        <Link to={`/activities/${record.id}/edit`} className="button-secondary button-link">
          {origin === 'built-in' ? 'Edit for your group' : 'Edit'}
        </Link>
        {origin !== 'built-in' &&
          (confirming ? (
            <button type="button" className="button-secondary" onClick={() => void remove()}>
              {origin === 'edited' ? 'Yes, go back to the original' : 'Yes, remove it'}
            </button>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
              {origin === 'edited' ? 'Go back to the original' : 'Remove this activity'}
            </button>
          ))}
      </div>
      <p>
        <Link to="/activities">Back to activities</Link>
      </p>
    </Screen>
  );
}
