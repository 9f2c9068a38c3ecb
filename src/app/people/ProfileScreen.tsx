// One person's profile: babies and their ages, consent, contact preferences, needs, attendance and notes.
import { DIETARY_LABELS } from '../../domain/food.ts';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import { babyAge } from '../../domain/babyAge.ts';
import { hasConsentForNotes } from '../../domain/consent.ts';
import { canSeeNote } from '../../domain/noteAccess.ts';
import { useAttendance, usePersonNotes, usePersonRecord } from '../../db/people.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import { formatDateTime } from '../format.ts';
import { ConsentSection } from './ConsentSection.tsx';
import { capitalise } from '../components/form/index.ts';
import { NotesList, Ons4History, WriteNoteLink } from './ProfileNotes.tsx';
import { ProfilePrivacy } from './ProfilePrivacy.tsx';
import { ProfileReferrals } from '../referrals/ProfileReferrals.tsx';
import '../styles/people.css';

export function ProfileScreen() {
  const { id = '' } = useParams();
  const person = usePersonRecord(id);
  if (person === undefined) return <Loading />;
  if (person?.mergedInto) {
    return (
      <Screen title="Merged record" className="people-notes">
        <p>
          This record was merged with another one for the same person.{' '}
          <Link to={`/people/${person.mergedInto}`}>Open the kept record</Link>
        </p>
      </Screen>
    );
  }
  if (!person || person.deleted === true) {
    return (
      <Screen title="Not found" className="people-notes">
        <p>
          This person is not on this device. <Link to="/people">Back to People</Link>
        </p>
      </Screen>
    );
  }
  return <Profile person={person} />;
}

const yesNo = (value: boolean | undefined) => (value ? 'Yes' : 'No');

function Profile({ person }: { person: Attendee }) {
  const location = useLocation();
  const user = useCurrentUser();
  const attendance = useAttendance(person.id);
  const notes = usePersonNotes(person.id);
  const [showNumber, setShowNumber] = useState(false);
  const message = (location.state as { message?: string } | null)?.message;
  const name = person.displayName ?? '';
  const visibleNotes = notes?.filter((note) => user && canSeeNote(note, user));
  const today = new Date();
  const needs = person.needs ?? [];

  return (
    <Screen title={name} className="people-notes profile">
      <div role="status" className="form-status">
        {message && <p className="notice notice-ok">{message}</p>}
      </div>
      <div className="form-actions">
        <Link className="button-link button-secondary" to={`/people/${person.id}/edit`}>
          Change details
        </Link>
        <WriteNoteLink personId={person.id} allowed={hasConsentForNotes(person)} />
        <Link className="button-link button-secondary" to={`/people/${person.id}/refer`}>
          Refer or signpost
        </Link>
        <Link className="button-link button-secondary" to={`/people/${person.id}/research`}>
          Answer a questionnaire with them
        </Link>
      </div>

      <section aria-labelledby="profile-about" className="profile-section">
        <h2 id="profile-about">About {name}</h2>
        <dl className="facts">
          <div>
            <dt>Babies</dt>
            <dd>
              {(person.babies ?? []).length === 0 ? (
                'None recorded'
              ) : (
                <ul className="baby-list">
                  {(person.babies ?? []).map((baby, index) => (
                    <li key={`${baby.alias}-${index}`}>
                      {baby.alias || `Baby ${index + 1}`}: {babyAge(baby, today)?.label ?? 'age not known'}
                      {baby.ageBand &&
                        !baby.dateOfBirth &&
                        !baby.dueDate &&
                        ' (an estimate from the age given at check-in)'}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt>Area</dt>
            <dd>{person.locality || 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Heard about us</dt>
            <dd>{person.heardVia ? capitalise(person.heardVia) : 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Would help</dt>
            <dd>{needs.length > 0 ? needs.map(capitalise).join(', ') : 'Nothing recorded'}</dd>
          </div>
          <div>
            <dt>If they were a cake</dt>
            <dd>{person.cake || 'Not asked yet'}</dd>
          </div>
          <div>
            <dt>Dietary needs</dt>
            <dd>
              {person.dietary?.length ? person.dietary.map((need) => DIETARY_LABELS[need]).join(', ') : 'None recorded'}
            </dd>
          </div>
        </dl>
      </section>

      <ConsentSection person={person} />

      <section aria-labelledby="profile-contact" className="profile-section">
        <h2 id="profile-contact">Contact</h2>
        <dl className="facts">
          <div>
            <dt>Phone</dt>
            <dd>
              {!person.contact?.phone ? (
                'Not recorded'
              ) : showNumber ? (
                <span className="phone-number">{person.contact.phone}</span>
              ) : (
                <button type="button" className="button-secondary" onClick={() => setShowNumber(true)}>
                  Show number
                </button>
              )}
            </dd>
          </div>
          <div>
            <dt>OK to text</dt>
            <dd>{yesNo(person.contact?.okToText)}</dd>
          </div>
          <div>
            <dt>OK to leave a voicemail</dt>
            <dd>{yesNo(person.contact?.okToVoicemail)}</dd>
          </div>
          <div>
            <dt>OK to name the organisation</dt>
            <dd>{yesNo(person.contact?.okToNameCharity)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="profile-attendance" className="profile-section">
        <h2 id="profile-attendance">Attendance</h2>
        {attendance === undefined ? (
          <Loading />
        ) : attendance.length === 0 ? (
          <p className="field-hint">Not checked in to a session yet.</p>
        ) : (
          <ul className="record-list">
            {attendance.map(({ checkIn, session }) => (
              <li key={checkIn.id} className="record">
                <span className="record-title">{session?.title ?? 'A session no longer on this device'}</span>
                {session?.startsAt && <span className="record-meta">{formatDateTime(session.startsAt)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="profile-wellbeing" className="profile-section">
        <h2 id="profile-wellbeing">Wellbeing checks (ONS4)</h2>
        {visibleNotes === undefined ? <Loading /> : <Ons4History notes={visibleNotes} />}
      </section>

      <section aria-labelledby="profile-notes" className="profile-section">
        <h2 id="profile-notes">Notes</h2>
        {visibleNotes === undefined ? <Loading /> : <NotesList notes={visibleNotes} />}
      </section>

      <section aria-labelledby="profile-referrals" className="profile-section">
        <h2 id="profile-referrals">Referrals and signposting</h2>
        <ProfileReferrals personId={person.id} name={name} />
      </section>

      {user?.role === 'coordinator' && <ProfilePrivacy person={person} />}
    </Screen>
  );
}
