// People: the parents who come to groups, by display name only (others in the room may see the screen).
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { likelyDuplicates, normaliseName } from '../../domain/duplicates.ts';
import { useRecords } from '../../db/hooks.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { InputField } from '../components/form/index.ts';
import '../styles/people.css';

export function PeopleScreen() {
  const rows = useRecords('attendee', { orderBy: 'displayName' });
  const location = useLocation();
  // Set by a screen that brought the coordinator here, such as erasure.
  const message = (location.state as { message?: string } | null)?.message;
  const [search, setSearch] = useState('');
  const people = rows?.filter((row) => !row.mergedInto);
  const pairs = people ? likelyDuplicates(people).length : 0;
  const wanted = normaliseName(search);
  const shown = people?.filter(
    (person) =>
      !wanted || normaliseName(person.displayName).includes(wanted) || normaliseName(person.locality).includes(wanted),
  );

  return (
    <Screen title="People" className="people-notes">
      <div role="status" className="form-status">
        {message && <p className="notice notice-ok">{message}</p>}
      </div>
      <div className="form-actions">
        <Link className="button-link button-primary" to="/people/new">
          Add a person
        </Link>
      </div>
      {pairs > 0 && (
        <div className="notice notice-warning duplicates-banner">
          <p>
            {pairs === 1
              ? 'One pair of records may be the same person.'
              : `${pairs} pairs of records may be the same person.`}
          </p>
          <Link to="/people/duplicates">Review possible duplicates</Link>
        </div>
      )}
      {people === undefined || shown === undefined ? (
        <Loading />
      ) : people.length === 0 ? (
        <EmptyState>
          <p>No one added yet.</p>
          <p>When a parent joins a group, add them with a first name or a name they choose.</p>
        </EmptyState>
      ) : (
        <>
          <div role="search" className="people-search">
            <InputField
              id="people-search"
              label="Search by name or area"
              type="search"
              value={search}
              onChange={setSearch}
            />
          </div>
          <p role="status" className="visually-hidden">
            {search ? `${shown.length} of ${people.length} people shown` : ''}
          </p>
          {shown.length === 0 ? (
            <p>No one matches “{search}”.</p>
          ) : (
            <ul className="record-list" aria-label="People">
              {shown.map((person) => (
                <li key={person.id}>
                  <Link className="record record-link" to={`/people/${person.id}`}>
                    <span className="record-title">{person.displayName}</span>
                    {person.locality && <span className="record-meta">{person.locality}</span>}
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
