// People: the parents who come to groups, by display name only (others in the room may see the screen).
// Each person's search keys and the likely duplicates are worked out once per change to the people, not per
// keystroke; the list is windowed, so only the rows near the screen are in the page.
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { likelyDuplicateCount, normaliseName } from '../../domain/duplicates.ts';
import { usePeopleIndex, type NamedPerson } from '../../db/people.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { VirtualList, type ListItemProps } from '../components/VirtualList.tsx';
import { InputField } from '../components/form/index.ts';
import '../styles/people.css';

const duplicateCounts = new WeakMap<readonly NamedPerson[], number>();

/**
 * How many pairs may be the same person: worked out once per change to the people (the index is the same answer
 * until someone changes), when the tablet is next idle after the list is on screen (so opening People and typing
 * do not wait for it), and remembered, so that opening People again does not work it out again. Until then the
 * last count stays.
 */
function useDuplicateCount(index: readonly NamedPerson[] | undefined): number {
  const [last, setLast] = useState(0);
  const known = index ? duplicateCounts.get(index) : undefined;
  useEffect(() => {
    if (!index || duplicateCounts.has(index)) return;
    const work = () => {
      const count = likelyDuplicateCount(index.map((entry) => entry.person));
      duplicateCounts.set(index, count);
      setLast(count);
    };
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(work, { timeout: 2000 });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }, [index]);
  return known ?? last;
}

const unmerged = new WeakMap<readonly NamedPerson[], NamedPerson[]>();

/** The people of an index but those merged into another record: the same list each time People opens. */
function withoutMerged(index: readonly NamedPerson[]): NamedPerson[] {
  let people = unmerged.get(index);
  if (!people) {
    people = index.filter((entry) => !entry.person.mergedInto);
    unmerged.set(index, people);
  }
  return people;
}

const personKey = (entry: NamedPerson) => entry.person.id;

function personRow({ person }: NamedPerson, item: ListItemProps) {
  return (
    <li key={person.id} {...item}>
      <Link className="record record-link" to={`/people/${person.id}`}>
        <span className="record-title">{person.displayName}</span>
        {person.locality && <span className="record-meta">{person.locality}</span>}
      </Link>
    </li>
  );
}

/** A row's height before it is measured, and the list's gap (0.5rem). */
const ROW_ESTIMATE = 60;
const ROW_GAP = 8;

export function PeopleScreen() {
  const index = usePeopleIndex();
  const location = useLocation();
  // Set by a screen that brought the coordinator here, such as erasure.
  const message = (location.state as { message?: string } | null)?.message;
  const [search, setSearch] = useState('');
  const people = index && withoutMerged(index);
  const pairs = useDuplicateCount(index);
  const wanted = normaliseName(search);
  const shown = useMemo(() => {
    if (!wanted || !people) return people;
    const matching = people.filter((entry) => entry.name.includes(wanted) || entry.locality.includes(wanted));
    // Everyone still matches (the first letters of a name most share): the same list, so it is not drawn again.
    return matching.length === people.length ? people : matching;
  }, [people, wanted]);

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
            <VirtualList
              items={shown}
              itemKey={personKey}
              estimateSize={ROW_ESTIMATE}
              gap={ROW_GAP}
              className="record-list"
              label="People"
              renderItem={personRow}
            />
          )}
        </>
      )}
    </Screen>
  );
}
