// Today: what is on now and what needs someone, so a facilitator or visitor starts the day from one screen.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useDb, useMeta } from '../../db/hooks.ts';
import { useReferralFollowUps } from '../../db/referralFollowUps.ts';
import { markFollowUpDone, pickUpConcern, todayAhead, todayAheadDrawn, useTodayData } from '../../db/today.ts';
import { useVolunteersDue } from '../../db/volunteersDue.ts';
import { londonDate } from '../../domain/london.ts';
import type { Note } from '../../domain/note.ts';
import { sessionsThisWeek, sessionsToday } from '../../domain/schedule.ts';
import { followUpsDue, openConcerns, overdueVisits, visitsInProgress } from '../../domain/today.ts';
import type { Visit } from '../../domain/visit.ts';
import { isNotStarted } from '../../domain/visitTiming.ts';
import { useVisitGrace } from '../alerts/alertPeriods.ts';
import { isFirstDownload } from '../layout/syncStatusText.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { formatLongDate } from '../format.ts';
import { InstallHint } from '../pwa/InstallHint.tsx';
import { NotStartedVisits } from './NotStartedVisits.tsx';
import { FollowUps, OpenConcerns } from './TodayNotes.tsx';
import { TodayReferrals } from './TodayReferrals.tsx';
import { TodaySessions } from './TodaySessions.tsx';
import { OverdueVisits, TodayVisits } from './TodayVisits.tsx';
import { UrgentDrafts } from './UrgentDrafts.tsx';
import { OwnPvgWarning, VolunteersDue } from './VolunteersDue.tsx';
import { useNow } from './useNow.ts';
import '../styles/today.css';

// What the lock reads while the PIN is checked, for Today's first drawing (routes.tsx).
export { readTodayAhead } from '../../db/today.ts';

export function TodayScreen() {
  const now = useNow();
  const sync = useMeta('sync');
  // Half of the group's records would make a misleading Today (a concern not yet arrived looks like none), and
  // reading Today again after every page of a first download would slow that download down.
  if (isFirstDownload(sync)) {
    return (
      <Screen title="Today">
        <p className="lede">{formatLongDate(now)}</p>
        <section className="today-section" aria-labelledby="first-download">
          <h2 id="first-download">Getting this device ready</h2>
          <p>Today shows once everything for your group has arrived, so that nothing waiting for someone is missed.</p>
          <progress aria-labelledby="first-download" value={sync.downloaded ?? 0} max={sync.total} />
        </section>
      </Screen>
    );
  }
  return <TodayBoard now={now} />;
}

function TodayBoard({ now }: { now: Date }) {
  const db = useDb();
  const user = useCurrentUser();
  const today = londonDate(now);
  // Read ahead as the lock opened (readTodayAhead), so that Today draws complete the first time; only then.
  const ahead = todayAhead(db, today);
  useEffect(todayAheadDrawn, []);
  const data = useTodayData(now, today, ahead?.data);
  const grace = useVisitGrace(ahead?.alertPeriods);
  // Read here, not in their sections, so that the screen knows whether anything at all is due.
  const referrals = useReferralFollowUps(today, user, ahead?.referrals);
  const volunteersDue = useVolunteersDue(today, user?.role === 'coordinator', ahead?.volunteersDue);

  if (
    data === undefined ||
    user === undefined ||
    grace === undefined ||
    referrals === undefined ||
    volunteersDue === undefined
  ) {
    return (
      <Screen title="Today">
        <p className="lede">{formatLongDate(now)}</p>
        <Loading />
      </Screen>
    );
  }

  const coordinator = user.role === 'coordinator';
  // A visit is the supporter's; coordinators keep an eye on everyone's.
  const mine = (visit: Visit) => coordinator || (visit.supporterId || visit.createdBy) === user.id;
  const visits = data.visits.filter(mine);
  const overdue = overdueVisits(visits, now, grace);
  const inProgress = visitsInProgress(visits).filter((visit) => !overdue.includes(visit));
  const planned = visits
    .filter((visit) => !visit.arrivedAt && visit.status !== 'cancelled' && visit.at && londonDate(visit.at) === today)
    .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  // A colleague's visit whose start has passed with no arrival known: shown to a coordinator on its own.
  const own = (visit: Visit) => (visit.supporterId || visit.createdBy) === user.id;
  const notStarted = coordinator ? planned.filter((visit) => !own(visit) && isNotStarted(visit, now)) : [];

  const todays = sessionsToday(data.sessions, now);
  const laterThisWeek = sessionsThisWeek(data.sessions, now).filter(
    (session) => londonDate(session.startsAt ?? '') > today,
  );
  // Follow-ups belong to whoever wrote the note; coordinators see the whole team's.
  const followUps = followUpsDue(data.notes, today).filter((note) => coordinator || note.createdBy === user.id);
  const concerns = coordinator ? openConcerns(data.notes) : [];
  const nothing =
    todays.length +
      laterThisWeek.length +
      visits.length +
      followUps.length +
      concerns.length +
      overdue.length +
      referrals.referrals.length +
      volunteersDue.length ===
    0;

  const done = (note: Note) => void markFollowUpDone(db, note.id, user.id);
  const pickUp = (note: Note) => void pickUpConcern(db, note.id, user);

  return (
    <Screen title="Today" className="today">
      <p className="lede">{formatLongDate(now)}</p>
      <OverdueVisits visits={overdue} attendees={data.attendees} ownId={user.id} />
      <UrgentDrafts />
      <OwnPvgWarning userId={user.id} today={today} />
      {nothing ? (
        <EmptyState>
          <p>Nothing planned for today.</p>
          <p>
            Enjoy the quiet, or plan the next group in <Link to="/sessions">Sessions</Link>.
          </p>
        </EmptyState>
      ) : (
        <>
          {/* Concerns first for a coordinator: an urgent one must not wait below the fold. */}
          {coordinator && (
            <OpenConcerns notes={concerns} allNotes={data.notes} attendees={data.attendees} onPickUp={pickUp} />
          )}
          <NotStartedVisits visits={notStarted} attendees={data.attendees} ownId={user.id} />
          <TodaySessions today={todays} laterThisWeek={laterThisWeek} now={now} />
          <TodayVisits
            inProgress={inProgress}
            planned={planned.filter((visit) => !notStarted.includes(visit))}
            attendees={data.attendees}
          />
          <FollowUps notes={followUps} attendees={data.attendees} today={today} onDone={done} />
        </>
      )}
      <VolunteersDue items={volunteersDue} />
      <TodayReferrals data={referrals} today={today} user={user} />
      <p className="today-signposting">
        <Link to="/signposting">Find a local service or helpline</Link>
      </p>
      <InstallHint />
    </Screen>
  );
}
