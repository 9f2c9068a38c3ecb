// Check-in at a session: the people expected, the venue's regulars and those here, one tap each; anyone else
// found by typing a name; walk-ins in seconds; a live count. A tap re-reads only this session's check-ins and
// re-draws only the row it changed; people are read by id, and everyone else only once a name is being typed.
import { memo, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  addWalkIn,
  checkIn,
  setCake,
  setCheckInToggle,
  undoCheckIn,
  useAttendeesById,
  useCheckInContext,
  useSessionCheckIns,
  type CheckInContext,
  type CheckInToggle,
} from '../../db/checkIn.ts';
import { useDb } from '../../db/hooks.ts';
import { usePeopleIndex } from '../../db/people.ts';
import { newId } from '../../db/records.ts';
import type { Attendee } from '../../domain/attendee.ts';
import { babyAge } from '../../domain/babyAge.ts';
import type { CheckIn as CheckInRecord } from '../../domain/checkIn.ts';
import {
  checkInList,
  hereCount,
  hereCountText,
  isSearching,
  SEARCH_MIN,
  walkInBaby,
} from '../../domain/checkInList.ts';
import { giveConsent } from '../../domain/consent.ts';
import { normaliseName } from '../../domain/duplicates.ts';
import { londonDate } from '../../domain/london.ts';
import type { Session } from '../../domain/session.ts';
import type { WalkInInput } from '../../domain/checkInList.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { VirtualList, type ListItemProps } from '../components/VirtualList.tsx';
import { useDraft } from '../components/form/index.ts';
import { formatDateTime } from '../format.ts';
import { CakePrompt } from './CakePrompt.tsx';
import { CheckInRow } from './CheckInRow.tsx';
import { WalkInForm, emptyWalkIn } from './WalkInForm.tsx';
import '../styles/checkin.css';

/** "baby 5 months", "due in 4 weeks": enough to tell two Morags apart without anything identifying. */
function babyDetail(attendee: Attendee, day: string): string {
  return (attendee.babies ?? [])
    .map((baby) => babyAge(baby, day))
    .filter((age) => age !== undefined)
    .map((age) => (age.status === 'born' ? `baby ${age.label}` : age.label))
    .join(', ');
}

/** A row's height before it is measured, and the list's gap (0.5rem), for the windowed lists. */
const ROW_ESTIMATE = 72;
const ROW_GAP = 8;
const attendeeKey = (attendee: Attendee) => attendee.id;

interface RowActions {
  checkIn: (attendee: Attendee) => void;
  undo: (attendee: Attendee) => void;
  toggle: (attendee: Attendee, field: CheckInToggle, value: boolean) => void;
}

interface RowProps {
  attendee: Attendee;
  checkIn: CheckInRecord | undefined;
  /** Today's date in London: a row's baby age is worked out again when it changes, not on every tap. */
  day: string;
  actions: RowActions;
  item: ListItemProps;
}

/** One row, re-drawn only when its person, its check-in or the day changes. */
const Row = memo(
  function Row({ attendee, checkIn, day, actions, item }: RowProps) {
    return (
      <CheckInRow
        attendee={attendee}
        checkIn={checkIn}
        detail={babyDetail(attendee, day)}
        onCheckIn={() => actions.checkIn(attendee)}
        onUndo={() => actions.undo(attendee)}
        onToggle={(field, value) => actions.toggle(attendee, field, value)}
        item={item}
      />
    );
  },
  (before, after) =>
    before.attendee === after.attendee &&
    before.checkIn === after.checkIn &&
    before.day === after.day &&
    before.actions === after.actions &&
    before.item.ref === after.item.ref &&
    before.item['aria-setsize'] === after.item['aria-setsize'] &&
    before.item['aria-posinset'] === after.item['aria-posinset'],
);

export function CheckInScreen() {
  const { id = '' } = useParams();
  const context = useCheckInContext(id);
  const checkIns = useSessionCheckIns(id);
  if (context === undefined || checkIns === undefined) {
    return (
      <Screen title="Check-in">
        <Loading />
      </Screen>
    );
  }
  if (!context.session) {
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
  return <CheckIn context={context} checkIns={checkIns} session={context.session} />;
}

function CheckIn({
  context,
  checkIns,
  session,
}: {
  context: CheckInContext;
  checkIns: Map<string, CheckInRecord>;
  session: Session;
}) {
  const db = useDb();
  const user = useCurrentUser();
  const userId = user?.id ?? '';
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  // The person just checked in who has not said what cake they would be: asked once, outside the list.
  const [cakeFor, setCakeFor] = useState<Attendee | null>(null);
  const draft = useDraft<WalkInInput>(`walk-in:${session.id}`, emptyWalkIn);
  const [adding, setAdding] = useState(false);
  // A walk-in half typed before a reload opens again with what was typed.
  const walkInOpen = adding || (draft.restored && draft.value.name !== '');
  const day = londonDate(new Date());

  // The people this session concerns, read by id: those expected, the regulars and anyone with a check-in.
  const { outreach, seriesAttendeeIds, venueRegularIds } = context;
  // Who has a check-in here changes only when someone is checked in for the first time, not on every tap.
  const checkedInKey = [...checkIns.keys()].join('\u0000');
  const concernedIds = useMemo(() => {
    const ids = new Set([...seriesAttendeeIds, ...venueRegularIds]);
    if (checkedInKey) for (const id of checkedInKey.split('\u0000')) ids.add(id);
    for (const contact of outreach) if (contact.attendeeId) ids.add(contact.attendeeId);
    return [...ids];
  }, [outreach, seriesAttendeeIds, venueRegularIds, checkedInKey]);
  const concerned = useAttendeesById(concernedIds);
  // Everyone else only from the first letter typed (or a walk-in's name): the name index, read once.
  const searching = isSearching(query);
  const index = usePeopleIndex(query.trim() !== '' || walkInOpen);
  const wanted = normaliseName(query);
  const found = useMemo(
    () => (searching && index ? index.filter((entry) => entry.name.includes(wanted)).map((entry) => entry.person) : []),
    [searching, index, wanted],
  );
  const walkInName = walkInOpen ? normaliseName(draft.value.name) : '';
  const known = useMemo(
    () =>
      walkInName && index
        ? index
            .filter((entry) => entry.name === walkInName)
            .map((entry) => entry.person)
            .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        : [],
    [walkInName, index],
  );

  // Expected and regulars do not depend on who is here: worked out again only when the people or the query
  // change. Then the rest (the checked in, and anyone found by name) split into "Also here" and "Someone else?".
  const { expected, regulars, rest } = useMemo(() => {
    const people = new Map<string, Attendee>();
    for (const person of concerned ?? []) people.set(person.id, person);
    for (const person of found) people.set(person.id, person);
    const all = [...people.values()];
    const list = checkInList(all, outreach, { seriesAttendeeIds, regularIds: venueRegularIds, query });
    const shown = new Set([...list.expected, ...list.regulars].map((person) => person.id));
    return { ...list, rest: all.filter((person) => !shown.has(person.id)) };
  }, [concerned, found, outreach, seriesAttendeeIds, venueRegularIds, query]);
  const { alsoHere, found: foundList } = useMemo(
    () =>
      checkInList(rest, [], {
        seriesAttendeeIds: [],
        checkedInIds: checkedInKey ? checkedInKey.split('\u0000') : [],
        query,
      }),
    [rest, checkedInKey, query],
  );
  const count = hereCount([...checkIns.values()]);
  const path = `/sessions/${encodeURIComponent(session.id)}`;

  const actions = useMemo<RowActions>(
    () => ({
      checkIn: (attendee) =>
        void checkIn(db, session, attendee, { userId }).then(() => {
          setAnnouncement(`${attendee.displayName ?? ''} checked in.`);
          setCakeFor(attendee.cake?.trim() ? null : attendee);
        }),
      undo: (attendee) =>
        void undoCheckIn(db, session.id, attendee.id, userId).then(() => {
          setAnnouncement(`${attendee.displayName ?? ''} is no longer checked in.`);
          setCakeFor((asked) => (asked?.id === attendee.id ? null : asked));
        }),
      toggle: (attendee, field, value) => void setCheckInToggle(db, session.id, attendee.id, field, value, userId),
    }),
    [db, session, userId],
  );

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
    setCakeFor(attendee);
  }

  async function closeWalkIn() {
    await draft.discard();
    draft.setValue(emptyWalkIn);
    setAdding(false);
  }

  const list = (people: Attendee[]) => (
    <VirtualList
      items={people}
      itemKey={attendeeKey}
      estimateSize={ROW_ESTIMATE}
      gap={ROW_GAP}
      className="checkin-list"
      renderItem={(attendee, item) => (
        <Row
          key={attendee.id}
          attendee={attendee}
          checkIn={checkIns.get(attendee.id)}
          day={day}
          actions={actions}
          item={item}
        />
      )}
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
      {cakeFor && (
        <CakePrompt
          key={cakeFor.id}
          attendee={cakeFor}
          onAnswer={(cake) =>
            void setCake(db, cakeFor.id, cake, userId).then(() => {
              setAnnouncement(`Saved: ${cakeFor.displayName ?? ''} would be ${cake}.`);
              setCakeFor(null);
            })
          }
          onSkip={() => setCakeFor(null)}
        />
      )}
      {walkInOpen ? (
        <WalkInForm
          value={draft.value}
          onChange={draft.setValue}
          known={known}
          onSave={saveWalkIn}
          onCheckInKnown={(attendee) => {
            actions.checkIn(attendee);
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
          list(expected)
        ) : (
          <p className="checkin-none">
            {query ? 'Nobody expected matches that name.' : 'Nobody has said they are coming yet.'}
          </p>
        )}
      </section>
      {regulars.length > 0 && (
        <section aria-labelledby="checkin-regulars">
          <h2 id="checkin-regulars">Came here before</h2>
          {list(regulars)}
        </section>
      )}
      {alsoHere.length > 0 && (
        <section aria-labelledby="checkin-also">
          <h2 id="checkin-also">Also here</h2>
          {list(alsoHere)}
        </section>
      )}
      {/* Everyone else the organisation knows stays off the screen until a name is typed: the room can see it. */}
      <section aria-labelledby="checkin-found">
        <h2 id="checkin-found">Someone else?</h2>
        {searching && !index ? (
          <Loading />
        ) : foundList.length > 0 ? (
          list(foundList)
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
