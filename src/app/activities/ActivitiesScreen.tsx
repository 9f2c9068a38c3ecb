// Activities: the starter library and the organisation's own ideas, filtered by a baby's age and by kind.
import { Link, useSearchParams } from 'react-router';
import { ACTIVITY_KINDS, fitsAge } from '../../domain/activity.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import '../styles/controls.css';
import '../styles/activities.css';
import { ageRangeLabel, kindLabel, useActivityLibrary } from './library.ts';

const MAX_FILTER_AGE = 36;
const QUICK_AGES: readonly [string, number][] = [
  ['Newborn', 0],
  ['3 months', 3],
  ['6 months', 6],
  ['9 months', 9],
  ['1 year', 12],
  ['18 months', 18],
  ['2 years', 24],
];

function readAge(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Math.min(Number(value), MAX_FILTER_AGE);
}

export function ActivitiesScreen() {
  const library = useActivityLibrary();
  // Filters live in the address, so that coming back from an activity finds them as they were.
  const [params, setParams] = useSearchParams();
  const age = readAge(params.get('age'));
  const kind = params.get('kind') ?? '';

  function setFilter(name: 'age' | 'kind', value: string | undefined) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === undefined || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  const shown = library?.filter(
    ({ record }) => (age === undefined || fitsAge(record, age)) && (!kind || record.kind === kind),
  );

  return (
    <Screen title="Activities" className="activities-screen">
      <p>
        <Link to="/activities/new" className="button-primary button-link">
          Add your own activity
        </Link>
      </p>
      <section aria-labelledby="activities-filters" className="activity-filters">
        <h2 id="activities-filters" className="visually-hidden">
          Filters
        </h2>
        <fieldset>
          <legend>Baby’s age</legend>
          <div className="chips">
            <button
              type="button"
              className="chip"
              aria-pressed={age === undefined}
              onClick={() => setFilter('age', undefined)}
            >
              Any age
            </button>
            {QUICK_AGES.map(([label, months]) => (
              <button
                key={label}
                type="button"
                className="chip"
                aria-pressed={age === months}
                onClick={() => setFilter('age', String(months))}
              >
                {label}
              </button>
            ))}
          </div>
          <div className="age-slider">
            <label htmlFor="activity-age">Baby’s age in months</label>
            <input
              id="activity-age"
              type="range"
              min={0}
              max={MAX_FILTER_AGE}
              step={1}
              value={age ?? 6}
              aria-valuetext={age === undefined ? 'Any age' : `${age} months`}
              onChange={(event) => setFilter('age', event.target.value)}
            />
            <output htmlFor="activity-age">{age === undefined ? 'Any age' : `${age} months`}</output>
          </div>
        </fieldset>
        <fieldset>
          <legend>Kind</legend>
          <div className="chips">
            <button type="button" className="chip" aria-pressed={!kind} onClick={() => setFilter('kind', undefined)}>
              All kinds
            </button>
            {ACTIVITY_KINDS.map((value) => (
              <button
                key={value}
                type="button"
                className="chip"
                aria-pressed={kind === value}
                onClick={() => setFilter('kind', value)}
              >
                {kindLabel(value)}
              </button>
            ))}
          </div>
        </fieldset>
      </section>

      {shown === undefined ? (
        <Loading />
      ) : (
        <>
          <p role="status" className="activity-count">
            {shown.length === 1 ? '1 idea' : `${shown.length} ideas`}
            {age !== undefined && ` for a baby of ${age} months`}
          </p>
          {shown.length === 0 ? (
            <div className="empty-state">
              <p>No ideas fit these filters.</p>
              <p>Try another age or kind, or add your own activity.</p>
            </div>
          ) : (
            <ul className="activity-list" aria-label="Activity ideas">
              {shown.map(({ record, origin }) => (
                <li key={record.id}>
                  <Link to={`/activities/${record.id}`} className="activity-link">
                    <span className="activity-title">{record.title}</span>
                    <span className="activity-meta">
                      {kindLabel(record.kind)} · {ageRangeLabel(record)}
                    </span>
                    {origin !== 'built-in' && (
                      <span className="activity-tag">{origin === 'own' ? 'Your own' : 'Edited for your group'}</span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Screen>
  );
}
