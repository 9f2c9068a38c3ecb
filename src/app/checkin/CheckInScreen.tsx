// Check-in at a session: the people expected, the venue's regulars and those here, one tap each; anyone else
// found by typing a name; walk-ins in seconds; a live count.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  addWalkIn,
  checkIn,
  setCheckInToggle,
  undoCheckIn,
  useCheckInData,
  type CheckInData,
} from '../../db/checkIn.ts';
import { useDb } from '../../db/hooks.ts';
import { newId } from '../../db/records.ts';
import type { Attendee } from '../../domain/attendee.ts';
import { babyAge } from '../../domain/babyAge.ts';
import {
  checkInList,
  hereCount,
  hereCountText,
  isSearching,
  SEARCH_MIN,
  walkInBaby,
} from '../../domain/checkInList.ts';
import { giveConsent } from '../../domain/consent.ts';
import type { WalkInInput } from '../../domain/checkInList.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { useDraft } from '../components/form/index.ts';
import { formatDateTime } from '../format.ts';
import { CheckInRow } from './CheckInRow.tsx';
import { WalkInForm, emptyWalkIn } from './WalkInForm.tsx';
import '../styles/checkin.css';

/** "baby 5 months", "due in 4 weeks": enough to tell two Morags apart without anything identifying. */
function babyDetail(attendee: Attendee, now: Date): string {
  return (attendee.babies ?? [])
    .map((baby) => babyAge(baby, now))
    .filter((age) => age !== undefined)
    .map((age) => (age.status === 'born' ? `baby ${age.label}` : age.label))
    .join(', ');
}

export function CheckInScreen() {
  const { id = '' } = useParams();
  const data = useCheckInData(id);
  if (data === undefined) {
    return (
      <Screen title="Check-in">
        <Loading />
      </Screen>
    );
  }
  if (!data.session) {
    return (
      <Screen title="Check-in">
        <EmptyState>
          <p>This session is not on this device.</p>
          <p>
            It may not have synced yet. <Link to="/sessions">Go to Sessions</Link>
          </p>
        </EmptyState>
      </Screen>
    );
  }
  return <CheckIn data={data} session={data.session} />;
}

function CheckIn({ data, session }: { data: CheckInData; session: NonNullable<CheckInData['session']> }) {
  const db = useDb();
  const user = useCurrentUser();
  const userId = user?.id ?? '';
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const draft = useDraft<WalkInInput>(`walk-in:${session.id}`, emptyWalkIn);
  const [adding, setAdding] = useState(false);
  // A walk-in half typed before a reload opens again with what was typed.
  const walkInOpen = adding || (draft.restored && draft.value.name !== '');
  const now = new Date();

  const { expected, regulars, alsoHere, found } = checkInList(data.attendees, data.outreach, {
    seriesAttendeeIds: data.seriesAttendeeIds,
    regularIds: data.venueRegularIds,
    checkedInIds: data.checkIns.keys(),
    query,
  });
  const searching = isSearching(query);
  const count = hereCount([...data.checkIns.values()]);
  const path = `/sessions/${encodeURIComponent(session.id)}`;

  async function tapCheckIn(attendee: Attendee) {
    await checkIn(db, session, attendee, { userId });
    setAnnouncement(`${attendee.displayName ?? ''} checked in.`);
  }

  async function tapUndo(attendee: Attendee) {
    await undoCheckIn(db, session.id, attendee.id, userId);
    setAnnouncement(`${attendee.displayName ?? ''} is no longer checked in.`);
  }

  async function saveWalkIn(input: WalkInInput) {
    const today = new Date();
    const attendee: Attendee = { id: newId(), displayName: input.name.trim() };
    const baby = walkInBaby(input.age, input.date, today);
    if (baby) attendee.babies = [baby];
    if (input.consent === 'yes') attendee.consent = giveConsent(['notes'], today);
    await addWalkIn(db, session, attendee, { userId, now: today });
    await draft.discard();
    draft.setValue(emptyWalkIn);
    setAdding(false);
    setQuery('');
    setAnnouncement(`${attendee.displayName ?? ''} added and checked in.`);
  }

  async function closeWalkIn() {
    await draft.discard();
    draft.setValue(emptyWalkIn);
    setAdding(false);
  }

  const row = (attendee: Attendee) => (
    <CheckInRow
      key={attendee.id}
      attendee={attendee}
      checkIn={data.checkIns.get(attendee.id)}
      detail={babyDetail(attendee, now)}
      onCheckIn={() => void tapCheckIn(attendee)}
      onUndo={() => void tapUndo(attendee)}
      onToggle={(field, value) => void setCheckInToggle(db, session.id, attendee.id, field, value, userId)}
    />
  );

  return (
    <Screen title="Check-in" className="checkin">
      <div className="checkin-head">
        <p className="lede">
          <Link to={path}>{session.title}</Link> · {session.startsAt ? formatDateTime(session.startsAt) : 'no time set'}
        </p>
        <p className="checkin-count" aria-live="polite" aria-atomic="true">
          {hereCountText(count)}
        </p>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {walkInOpen ? (
        <WalkInForm
          value={draft.value}
          onChange={draft.setValue}
          known={data.attendees}
          onSave={saveWalkIn}
          onCheckInKnown={(attendee) => {
            void tapCheckIn(attendee);
            void closeWalkIn();
          }}
          onCancel={() => void closeWalkIn()}
        />
      ) : (
        <div className="checkin-tools">
          <div className="field checkin-search">
            <label htmlFor="checkin-search">Find a name</label>
            <input
              id="checkin-search"
              type="search"
              autoComplete="off"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          <button
            type="button"
            className="button-primary checkin-add"
            onClick={() => {
              // Whatever was searched for and not found is most likely the walk-in's name.
              if (query.trim() && draft.value.name === '') draft.setValue({ ...emptyWalkIn, name: query.trim() });
              setAdding(true);
            }}
          >
            Add a walk-in
          </button>
        </div>
      )}
      <section aria-labelledby="checkin-expected">
        <h2 id="checkin-expected">Expected</h2>
        {expected.length > 0 ? (
          <ul className="checkin-list">{expected.map(row)}</ul>
        ) : (
          <p className="checkin-none">
            {query ? 'Nobody expected matches that name.' : 'Nobody has said they are coming yet.'}
          </p>
        )}
      </section>
      {regulars.length > 0 && (
        <section aria-labelledby="checkin-regulars">
          <h2 id="checkin-regulars">Came here before</h2>
          <ul className="checkin-list">{regulars.map(row)}</ul>
        </section>
      )}
      {alsoHere.length > 0 && (
        <section aria-labelledby="checkin-also">
          <h2 id="checkin-also">Also here</h2>
          <ul className="checkin-list">{alsoHere.map(row)}</ul>
        </section>
      )}
      {/* Everyone else the organisation knows stays off the screen until a name is typed: the room can see it. */}
      <section aria-labelledby="checkin-found">
        <h2 id="checkin-found">Someone else?</h2>
        {found.length > 0 ? (
          <ul className="checkin-list">{found.map(row)}</ul>
        ) : (
          <p className="checkin-none">
            {searching
              ? `Nobody else called “${query.trim()}”. Add them as a walk-in.`
              : `Type at least ${SEARCH_MIN} letters of a name in “Find a name” to find anyone else.`}
          </p>
        )}
      </section>
      <p className="checkin-after">
        <Link to={`${path}/feedback`} className="button-secondary checkin-feedback">
          Hand to parents for feedback
        </Link>
      </p>
    </Screen>
  );
}
