// Reaching out before a group: the people expected, a discreet text or a call each, and what they said.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { usePeopleIndex } from '../../db/people.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { useRecord, useRecordsWhere } from '../../db/hooks.ts';
import { setOrganisationName, useOrganisationName, usePeopleByIds, useSessionRun } from '../../db/sessions.ts';
import type { Attendee } from '../../domain/attendee.ts';
import { latestOutreach, previousSession, resolveAttendee } from '../../domain/expected.ts';
import { composeMessage } from '../../domain/outreach.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { InputField, useDraft } from '../components/form/index.ts';
import { formatLongDate, formatTime } from '../format.ts';
import { SessionNotFound } from '../sessions/PlanScreens.tsx';
import { OutreachPerson, type Method } from './OutreachPerson.tsx';
import '../styles/sessions.css';

interface OutreachDraft {
  /** People added by hand to this session's list. */
  added: string[];
  /** Messages as edited, per person; a person missing here gets the composed message. */
  messages: Record<string, string>;
  methods: Record<string, Method>;
}

const EMPTY: OutreachDraft = { added: [], messages: {}, methods: {} };
const PICKER_LIMIT = 8;
/** Letters of a name typed before anyone outside the list shows, as at check-in (SEARCH_MIN in checkInList.ts). */
const SEARCH_MIN = 2;

function OrganisationName({ name }: { name: string }) {
  const db = useDb();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  if (name && !editing) {
    return (
      <p className="org-name">
        Discreet texts are checked for “{name}”.{' '}
        <button type="button" className="quiet-button" onClick={() => setEditing(true)}>
          Change the organisation’s name
        </button>
      </p>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void setOrganisationName(db, value).then(() => setEditing(false));
      }}
    >
      <InputField
        id="organisation-name"
        label="Your organisation’s name"
        hint="So Coorie can warn you when a discreet text names it."
        value={value}
        onChange={setValue}
      />
      <button type="submit" className="button-secondary">
        Save the name
      </button>
    </form>
  );
}

export function OutreachScreen() {
  const { id = '' } = useParams();
  const db = useDb();
  const user = useCurrentUser();
  const organisationName = useOrganisationName();
  const row = useRecord('session', id);
  // The sessions of its course or venue, the people on its list by id, and everyone else only once a name is
  // typed (the name index, read once): not every session and person on each change.
  const sessionRows = useSessionRun(row);
  const sessions = sessionRows ?? [];
  const venue = useRecord('venue', row?.venueId) ?? undefined;
  const outreachRows = useRecordsWhere('outreach', 'sessionId', [id]);
  const outreach = outreachRows ?? [];
  const session = row ?? undefined;
  const previous = session ? previousSession(session, sessions) : undefined;
  const checkInRows = useRecordsWhere('checkIn', 'sessionId', previous ? [previous.id] : []);
  const checkIns = checkInRows ?? [];
  const draft = useDraft<OutreachDraft>(`outreach:${id}`, EMPTY);
  const [search, setSearch] = useState('');
  // Everyone who came last time, everyone already contacted for this session, and anyone added by hand.
  const candidateIds =
    outreachRows && checkInRows
      ? [
          ...checkInRows.filter((c) => c.present !== false).map((c) => c.attendeeId ?? ''),
          ...outreachRows.map((entry) => entry.attendeeId ?? ''),
          ...draft.value.added,
        ].filter(Boolean)
      : undefined;
  const attendeeRows = usePeopleByIds(candidateIds);
  const index = usePeopleIndex(search.trim() !== '');

  // Who is listed depends on all of these: wait for every one rather than list people in two goes.
  const loading = [row, sessionRows, attendeeRows, outreachRows, checkInRows].includes(undefined);
  if (loading || organisationName === undefined) return <Loading />;
  if (row === null || !session) return <SessionNotFound />;

  const attendees = attendeeRows ?? [];
  const byId = new Map(attendees.map((attendee) => [attendee.id, attendee]));
  const latest = latestOutreach(session.id, outreach);
  const people = new Map<string, Attendee>();
  for (const candidate of [
    ...checkIns.filter((c) => c.present !== false).map((c) => c.attendeeId ?? ''),
    ...latest.keys(),
    ...draft.value.added,
  ]) {
    const attendee = resolveAttendee(candidate, byId);
    if (attendee) people.set(attendee.id, attendee);
  }
  const list = [...people.values()].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'en-GB'));
  const query = search.trim().toLocaleLowerCase('en-GB');
  // As at check-in, nobody outside the list shows until enough of a name is typed: one letter would list anyone.
  const searching = query.length >= SEARCH_MIN;
  const matches =
    searching && index
      ? index
          .map((entry) => entry.person)
          .filter(
            (attendee) =>
              !attendee.mergedInto &&
              !people.has(attendee.id) &&
              (attendee.displayName ?? '').toLocaleLowerCase('en-GB').includes(query),
          )
          .slice(0, PICKER_LIMIT)
      : [];
  const sender = user?.name.trim().split(/\s+/)[0] ?? '';
  const update = (change: (current: OutreachDraft) => OutreachDraft) => draft.setValue(change);

  return (
    <Screen title="Reach out" className="outreach-screen">
      <p className="lede">
        <Link to={`/sessions/${session.id}`}>{session.title || 'Untitled session'}</Link>
        {session.startsAt && `, ${formatLongDate(session.startsAt)} at ${formatTime(session.startsAt)}`}
      </p>
      <p>A text or a call before the group lets people know someone cares whether they come.</p>
      <OrganisationName name={organisationName} />
      {list.length === 0 ? (
        <EmptyState>
          <p>Nobody on the list yet.</p>
          <p>People who came last time appear here. Add anyone else below.</p>
        </EmptyState>
      ) : (
        list.map((attendee) => (
          <OutreachPerson
            key={attendee.id}
            attendee={attendee}
            composed={composeMessage({ attendee, session, venue, organisationName, sender, now: new Date() })}
            message={draft.value.messages[attendee.id]}
            method={draft.value.methods[attendee.id]}
            latest={latest.get(attendee.id)}
            organisationName={organisationName}
            onMessage={(message) =>
              update((current) => {
                const messages = { ...current.messages };
                if (message === undefined) delete messages[attendee.id];
                else messages[attendee.id] = message;
                return { ...current, messages };
              })
            }
            onMethod={(method) =>
              update((current) => ({ ...current, methods: { ...current.methods, [attendee.id]: method } }))
            }
            onOutcome={async (method, outcome) => {
              await saveRecord(
                db,
                'outreach',
                newId(),
                {
                  sessionId: session.id,
                  attendeeId: attendee.id,
                  method,
                  outcome,
                  at: new Date().toISOString(),
                  byUserId: user?.id ?? '',
                },
                { userId: user?.id ?? '' },
              );
            }}
          />
        ))
      )}
      <section aria-labelledby="add-heading" className="picker">
        <h2 id="add-heading">Add someone</h2>
        <InputField id="person-search" label="Find by name" type="search" value={search} onChange={setSearch} />
        {query && !searching && <p className="empty-line">Type at least {SEARCH_MIN} letters of their name.</p>}
        {searching && index && matches.length === 0 && (
          <p className="empty-line">Nobody else by that name on this device.</p>
        )}
        <ul className="picker-list">
          {matches.map((attendee) => (
            <li key={attendee.id}>
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  update((current) => ({ ...current, added: [...current.added, attendee.id] }));
                  setSearch('');
                }}
              >
                Add {attendee.displayName}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Screen>
  );
}
