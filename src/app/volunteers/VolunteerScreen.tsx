// A team member's volunteering: PVG membership, training, hours given and supervision. Coordinators open it from
// Team for anyone; everyone opens their own as "My training & hours". Works offline, from the device's records.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { londonDate } from '../../domain/london.ts';
import { currentTraining, hoursText, pvgState, totalHours, trainingState } from '../../domain/volunteering.ts';
import { useRecord } from '../../db/hooks.ts';
import { useMemberHours, useMemberRecords } from '../../db/volunteers.ts';
import { formatDay } from '../format.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { useContacts } from '../team/contacts.ts';
import { HoursForm, PvgForm, pvgStatusWords, SupervisionForm, TrainingForm } from './VolunteerForms.tsx';
import '../styles/volunteers.css';

export function MyVolunteeringScreen() {
  const user = useCurrentUser();
  return user ? <Volunteering memberId={user.id} title="My training & hours" /> : null;
}

export function MemberVolunteeringScreen() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const contacts = useContacts();
  const name = contacts.find((contact) => contact.id === id)?.name ?? 'Team member';
  if (user && user.role !== 'coordinator' && user.id !== id) {
    return (
      <Screen title="Training & hours">
        <p>A colleague’s training, PVG membership and hours are seen only by them and the coordinators.</p>
      </Screen>
    );
  }
  return <Volunteering memberId={id} title={`${name}: training & hours`} />;
}

function Volunteering({ memberId, title }: { memberId: string; title: string }) {
  const user = useCurrentUser();
  const contacts = useContacts();
  const today = londonDate(new Date());
  const { training, supervision, pvg } = useMemberRecords(memberId);
  const hours = useMemberHours(memberId, today);
  const [status, setStatus] = useState('');
  if (!user) return null;
  const isCoordinator = user.role === 'coordinator';
  const nameOf = (id: string | undefined) => contacts.find((contact) => contact.id === id)?.name ?? 'a coordinator';
  const pvgDue = pvg === undefined ? undefined : pvgState(pvg ?? undefined, today);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const supervisors = contacts.filter((contact) => contact.role === 'coordinator' && contact.id !== memberId);

  return (
    <Screen title={title} className="volunteer-screen">
      <div role="status" className="volunteer-status">
        {status && <p>{status}</p>}
      </div>

      <section aria-labelledby="pvg-title" className="volunteer-section">
        <h2 id="pvg-title">PVG membership</h2>
        {pvg === undefined ? (
          <Loading />
        ) : (
          <>
            {pvgDue === 'expired' && (
              <p className="volunteer-warning" role="note">
                PVG membership has lapsed or passed its renewal date. You can still use Coorie and record what you see,
                so that nothing about anyone’s safety is lost: a coordinator will talk to you about renewing.
              </p>
            )}
            {pvgDue === 'due' && <p className="volunteer-due">PVG membership is due for renewal within 30 days.</p>}
            <dl className="volunteer-facts">
              <dt>Status</dt>
              <dd>{pvgStatusWords(pvg?.status)}</dd>
              <dt>Renew by</dt>
              <dd>{pvg?.renewBy ? formatDay(pvg.renewBy, null) : 'Not recorded'}</dd>
              <dt>Last checked</dt>
              <dd>{pvg?.checkedOn ? formatDay(pvg.checkedOn, null) : 'Not recorded'}</dd>
            </dl>
            {isCoordinator && (
              <PvgForm key={pvg?.id ?? 'none'} memberId={memberId} userId={user.id} pvg={pvg} onSaved={setStatus} />
            )}
          </>
        )}
      </section>

      <section aria-labelledby="hours-title" className="volunteer-section">
        <h2 id="hours-title">Hours given</h2>
        {!hours ? (
          <Loading />
        ) : (
          <table className="volunteer-table">
            <caption className="visually-hidden">Hours given, this year and in all</caption>
            <thead>
              <tr>
                <th scope="col">Counted from</th>
                <th scope="col">This year</th>
                <th scope="col">In all</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['sessions', 'Sessions run'],
                  ['visits', 'Visits made'],
                  ['entered', 'Other hours entered'],
                  ['total', 'Total'],
                ] as const
              ).map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{hoursText(totalHours(hours, yearStart)[key])}</td>
                  <td>{hoursText(totalHours(hours)[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <HoursForm memberId={memberId} userId={user.id} onSaved={setStatus} />
      </section>

      <section aria-labelledby="training-title" className="volunteer-section">
        <h2 id="training-title">Training</h2>
        {!training ? (
          <Loading />
        ) : training.length === 0 ? (
          <p>No training recorded yet.</p>
        ) : (
          <ul className="volunteer-list" aria-label="Training completed">
            {currentTraining(training)
              .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
              .map((course) => {
                const state = trainingState(course, today);
                return (
                  <li key={course.id}>
                    <span className="record-title">{course.name}</span>
                    {state && (
                      <span className={`record-tag volunteer-tag-${state}`}>
                        {state === 'expired' ? 'Renewal overdue' : 'Due for renewal'}
                      </span>
                    )}
                    <span className="record-meta">
                      Completed {course.completedOn ? formatDay(course.completedOn, null) : ''}
                      {course.renewBy ? `, renew by ${formatDay(course.renewBy, null)}` : ', no renewal needed'}
                    </span>
                  </li>
                );
              })}
          </ul>
        )}
        <TrainingForm memberId={memberId} userId={user.id} onSaved={setStatus} />
      </section>

      <section aria-labelledby="supervision-title" className="volunteer-section">
        <h2 id="supervision-title">Supervision</h2>
        {!supervision ? (
          <Loading />
        ) : supervision.length === 0 ? (
          <p>No supervision sessions recorded yet.</p>
        ) : (
          <ul className="volunteer-list" aria-label="Supervision sessions">
            {[...supervision]
              .sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''))
              .map((meeting) => (
                <li key={meeting.id}>
                  <span className="record-title">{meeting.on ? formatDay(meeting.on, null) : ''}</span>
                  <span className="record-meta">With {nameOf(meeting.supervisorId)}</span>
                  <SupervisionNote supervisionId={meeting.id} />
                </li>
              ))}
          </ul>
        )}
        <SupervisionForm memberId={memberId} userId={user.id} onSaved={setStatus} supervisors={supervisors} />
      </section>
      {isCoordinator && memberId !== user.id && (
        <p>
          <Link to="/settings/team">Back to Team</Link>
        </p>
      )}
    </Screen>
  );
}

/** What was said: on this device only for the member and the supervisor, so nothing shows for anyone else. */
function SupervisionNote({ supervisionId }: { supervisionId: string }) {
  const note = useRecord('supervisionNote', `${supervisionId}:note`);
  if (!note?.content) return null;
  return <p className="volunteer-note">{note.content}</p>;
}
