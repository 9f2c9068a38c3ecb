// A team member's volunteering: PVG membership, training, hours given and supervision. Coordinators open it from
// Team for anyone; everyone opens their own as "My training & hours". Works offline, from the device's records.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { londonDate } from '../../domain/london.ts';
import { hoursText, totalHours } from '../../domain/volunteerHours.ts';
import { currentTraining, pvgState, trainingState } from '../../domain/volunteering.ts';
import { useDb, useRecord, useRecordsWhere } from '../../db/hooks.ts';
import { removeVolunteerEntry, useMemberHours, useMemberRecords } from '../../db/volunteers.ts';
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

const isCoordinatorOrSelf = (user: { id: string; role: string }, memberId: string) =>
  user.role === 'coordinator' || user.id === memberId;

/** Change and Remove for one entry; Remove asks first, since the entry goes for everyone. */
function EntryActions({
  label,
  onChange,
  onRemove,
}: {
  label: string;
  onChange?: () => void;
  onRemove: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState('');
  if (confirming) {
    return (
      <div className="form-actions" role="group" aria-label={`Remove ${label}?`}>
        <p>Remove {label}? It goes from this page, Today and the hours report.</p>
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            onRemove().catch(() => setProblem('It could not be removed on this device. Try again.'));
          }}
        >
          Yes, remove
        </button>
        <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
        <div role="alert">{problem && <p className="problem">{problem}</p>}</div>
      </div>
    );
  }
  return (
    <div className="form-actions">
      {onChange && (
        <button type="button" className="button-secondary" onClick={onChange} aria-label={`Change ${label}`}>
          Change
        </button>
      )}
      <button
        type="button"
        className="button-secondary"
        onClick={() => setConfirming(true)}
        aria-label={`Remove ${label}`}
      >
        Remove
      </button>
    </div>
  );
}

function Volunteering({ memberId, title }: { memberId: string; title: string }) {
  const db = useDb();
  const user = useCurrentUser();
  const contacts = useContacts();
  const today = londonDate(new Date());
  const { training, supervision, pvg } = useMemberRecords(memberId);
  const hours = useMemberHours(memberId, today);
  const entered = useRecordsWhere('hours', 'memberId', [memberId]);
  const [status, setStatus] = useState('');
  // The one entry whose form is open for changing, as kind and id.
  const [changing, setChanging] = useState('');
  if (!user) return null;
  // Only the member and the coordinators reach this page, and both may write these entries (the server agrees).
  const canWrite = isCoordinatorOrSelf(user, memberId);
  const saved = (message: string) => {
    setChanging('');
    setStatus(message);
  };
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
        {entered && entered.some((entry) => !entry.deleted) && (
          <ul className="volunteer-list" aria-label="Other hours entered">
            {entered
              .filter((entry) => !entry.deleted)
              .sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''))
              .map((entry) => {
                const label = `${hoursText(entry.hours ?? 0)} on ${entry.on ? formatDay(entry.on, null) : ''}`;
                return (
                  <li key={entry.id}>
                    <span className="record-title">{label}</span>
                    {entry.what && <span className="record-meta">{entry.what}</span>}
                    {canWrite &&
                      (changing === `hours:${entry.id}` ? (
                        <HoursForm
                          memberId={memberId}
                          userId={user.id}
                          onSaved={saved}
                          entry={entry}
                          onCancel={() => setChanging('')}
                        />
                      ) : (
                        <EntryActions
                          label={`hours, ${label}`}
                          onChange={() => setChanging(`hours:${entry.id}`)}
                          onRemove={async () => {
                            await removeVolunteerEntry(db, 'hours', entry.id, { userId: user.id });
                            setStatus('Hours removed.');
                          }}
                        />
                      ))}
                  </li>
                );
              })}
          </ul>
        )}
        <HoursForm memberId={memberId} userId={user.id} onSaved={setStatus} />
      </section>

      <section aria-labelledby="training-title" className="volunteer-section">
        <h2 id="training-title">Training</h2>
        {!training ? (
          <Loading />
        ) : currentTraining(training).length === 0 ? (
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
                    {canWrite &&
                      (changing === `training:${course.id}` ? (
                        <TrainingForm
                          memberId={memberId}
                          userId={user.id}
                          onSaved={saved}
                          entry={course}
                          onCancel={() => setChanging('')}
                        />
                      ) : (
                        <EntryActions
                          label={course.name ?? 'training'}
                          onChange={() => setChanging(`training:${course.id}`)}
                          onRemove={async () => {
                            await removeVolunteerEntry(db, 'training', course.id, { userId: user.id });
                            setStatus(`${course.name ?? 'Training'} removed.`);
                          }}
                        />
                      ))}
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
        ) : supervision.every((meeting) => meeting.deleted) ? (
          <p>No supervision sessions recorded yet.</p>
        ) : (
          <ul className="volunteer-list" aria-label="Supervision sessions">
            {supervision
              .filter((meeting) => !meeting.deleted)
              .sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''))
              .map((meeting) => (
                <li key={meeting.id}>
                  <span className="record-title">{meeting.on ? formatDay(meeting.on, null) : ''}</span>
                  <span className="record-meta">With {nameOf(meeting.supervisorId)}</span>
                  <SupervisionNote supervisionId={meeting.id} />
                  {canWrite && (
                    <EntryActions
                      label={`supervision on ${meeting.on ? formatDay(meeting.on, null) : ''}`}
                      onRemove={async () => {
                        await removeVolunteerEntry(db, 'supervision', meeting.id, { userId: user.id });
                        setStatus('Supervision session removed.');
                      }}
                    />
                  )}
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
