// A subject access request (README, "Data protection"): everything the organisation holds about one person, from the
// server, as a readable page to print and as the JSON the server gave. Coordinators only; needs the server.
import { format } from 'date-fns';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import type { Session } from '../../domain/session.ts';
import { LONDON } from '../../domain/london.ts';
import { useRecord, useRecordsWhere } from '../../db/hooks.ts';
import { fetchPersonExport, type ExportedRecord, type PersonExport } from './api.ts';
import { downloadJson } from './download.ts';
import { Fields, printDateTime, printDay, type Labels } from './printable.tsx';
import { CoordinatorScreen, NotReady, useServerData } from './serverData.tsx';

const PERSON: Labels = {
  displayName: 'Name used',
  locality: 'Area',
  heardVia: 'Heard about us through',
  needs: 'Would help',
  cake: 'If they were a cake',
  dietary: 'Dietary needs',
  mergedInto: 'Merged into record',
};
const BABY: Labels = {
  alias: 'Name or alias',
  dateOfBirth: 'Date of birth',
  dueDate: 'Due date',
  ageBand: 'Age as given at a walk-in (no date given)',
  ageBandOn: 'Age given on',
};
const CONSENT: Labels = {
  what: 'Agreed to',
  at: 'When',
  wordingVersion: 'Wording version',
  withdrawnAt: 'Withdrawn',
};
const CONTACT: Labels = {
  phone: 'Phone',
  okToText: 'OK to text',
  okToVoicemail: 'OK to leave a voicemail',
  okToNameCharity: 'OK to name the organisation',
};
const BOOKING: Labels = {
  crecheBooked: 'Crèche place booked',
  travel: 'Transport needed',
  travelArranged: 'Transport arranged',
  travelNote: 'Transport details',
};
const CHECK_IN: Labels = {
  present: 'Here',
  withBaby: 'With baby',
  childcareUsed: 'Used childcare',
  transportHelp: 'Had help with transport',
  firstVisit: 'First visit',
  sessionId: 'Session (id)',
};
const OUTREACH: Labels = {
  method: 'How',
  outcome: 'What they said',
  at: 'When',
  byUserId: 'By',
  sessionId: 'Session (id)',
};
const NOTE: Labels = {
  context: 'Where',
  body: 'Note',
  focusAreas: 'Focus',
  positives: 'Positives seen',
  concern: 'Concern',
  concernPickedUpBy: 'Concern picked up by',
  followUp: 'Follow-up',
  followUpDue: 'Follow-up due',
  followUpDone: 'Follow-up done',
  visibility: 'Who can see it',
  ons4: 'Wellbeing answers (ONS4)',
  sessionId: 'Session (id)',
  visitId: 'Visit (id)',
};
const VISIT: Labels = {
  kind: 'Kind',
  at: 'When',
  expectedMinutes: 'Expected to take (minutes)',
  where: 'Where',
  arrivedAt: 'Arrived',
  leftAt: 'Left',
  status: 'Status',
  supporterId: 'Supporter',
};

const REFERRAL: Labels = {
  type: 'Referral or signposting',
  partnerId: 'Partner (id)',
  serviceId: 'Directory entry (id)',
  toName: 'To',
  reason: 'Why',
  consentGiven: 'Consent given',
  consentWording: 'What they agreed to',
  madeAt: 'Made',
  followUpDue: 'Follow-up due',
  outcome: 'Outcome',
  outcomeAt: 'Outcome recorded',
};

const RESPONSE: Labels = {
  questionnaireId: 'Questionnaire (id)',
  version: 'Questionnaire version',
  answeredOn: 'Answered on',
  how: 'How answered',
  answers: 'Answers, by question (id)',
  other: 'Typed beside “Other”, by question (id)',
  venueId: 'Venue (id)',
  sessionId: 'Session (id)',
  consent: 'Agreed to the answers being kept with their record',
};

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

export function ExportScreen() {
  const { id = '' } = useParams();
  const local = useRecord('attendee', id);
  const name = typeof local?.displayName === 'string' ? local.displayName : 'this person';
  const load = useCallback(() => fetchPersonExport(id), [id]);
  const answer = useServerData(load);

  return (
    <CoordinatorScreen title={`Everything we hold about ${name}`}>
      <p className="no-print">
        <Link className="text-link" to={`/people/${encodeURIComponent(id)}`}>
          Back to {name}’s profile
        </Link>
      </p>
      {answer.state === 'ready' ? (
        <ExportPage exported={answer.data} personId={id} />
      ) : (
        <NotReady answer={answer} needs="A subject access copy" />
      )}
    </CoordinatorScreen>
  );
}

function ExportPage({ exported, personId }: { exported: PersonExport; personId: string }) {
  const { person } = exported;
  const sessionIds = [...exported.checkIns, ...exported.outreach, ...exported.bookings]
    .map((record) => record.sessionId)
    .filter((value): value is string => typeof value === 'string');
  const sessions = useRecordsWhere('session', 'id', sessionIds);
  const sessionOf = (record: ExportedRecord) => sessions?.find((session) => session.id === record.sessionId);
  const babies = Array.isArray(person.babies) ? person.babies.map(asRecord).filter((baby) => baby !== undefined) : [];
  const consent = asRecord(person.consent);
  const contact = asRecord(person.contact);
  const day = format(new Date(exported.exportedAt), 'yyyy-MM-dd', { in: LONDON });

  return (
    <>
      <p>
        Made from the server’s records on {printDateTime(exported.exportedAt)}. It holds every record about this person,
        including notes written privately by any volunteer and records since deleted. Answer a subject access request
        within one calendar month.
      </p>
      <div className="form-actions no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          Print
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => downloadJson(exported, `coorie-subject-access-${personId}-${day}.json`)}
        >
          Download JSON
        </button>
      </div>

      <section className="export-section" aria-labelledby="export-person">
        <h2 id="export-person">Person</h2>
        <Fields record={person} labels={PERSON} skip={['babies', 'consent', 'contact']} />
      </section>

      <section className="export-section" aria-labelledby="export-babies">
        <h2 id="export-babies">Babies</h2>
        {babies.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ul className="export-list">
            {babies.map((baby, index) => (
              <li key={index} className="export-item">
                <h3>Baby {index + 1}</h3>
                <Fields record={baby} labels={BABY} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="export-section" aria-labelledby="export-consent">
        <h2 id="export-consent">Consent</h2>
        {consent ? <Fields record={consent} labels={CONSENT} /> : <p>No consent recorded.</p>}
      </section>

      <section className="export-section" aria-labelledby="export-contact">
        <h2 id="export-contact">Contact preferences</h2>
        {contact ? <Fields record={contact} labels={CONTACT} /> : <p>None recorded.</p>}
      </section>

      {exported.mergedPeople.length > 0 && (
        <RecordList title="Duplicate records merged into this one" id="export-merged" records={exported.mergedPeople}>
          {(record) => ({ heading: String(record.displayName ?? record.id), labels: PERSON })}
        </RecordList>
      )}

      <RecordList title="Check-ins" id="export-check-ins" records={exported.checkIns}>
        {(record) => ({ heading: sessionHeading(sessionOf(record)), labels: CHECK_IN, skip: ['attendeeId'] })}
      </RecordList>
      <RecordList title="Texts and calls before a group" id="export-outreach" records={exported.outreach}>
        {(record) => ({ heading: sessionHeading(sessionOf(record)), labels: OUTREACH, skip: ['attendeeId'] })}
      </RecordList>
      <RecordList title="Notes" id="export-notes" records={exported.notes}>
        {(record) => ({ heading: datedHeading('Note', record.createdAt), labels: NOTE, skip: ['attendeeId'] })}
      </RecordList>
      <RecordList title="Visits and 1-2-1s" id="export-visits" records={exported.visits}>
        {(record) => ({ heading: datedHeading('Visit', record.at), labels: VISIT, skip: ['attendeeId'] })}
      </RecordList>
      <RecordList title="Crèche places, lifts and taxis" id="export-bookings" records={exported.bookings}>
        {(record) => ({ heading: sessionHeading(sessionOf(record)), labels: BOOKING, skip: ['attendeeId'] })}
      </RecordList>
      <RecordList title="Referrals and signposting" id="export-referrals" records={exported.referrals}>
        {(record) => ({ heading: datedHeading('Referral', record.madeAt), labels: REFERRAL, skip: ['attendeeId'] })}
      </RecordList>
      <RecordList title="Research answers" id="export-responses" records={exported.responses}>
        {(record) => ({
          heading:
            typeof record.answeredOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(record.answeredOn)
              ? `Answers given ${printDay(record.answeredOn)}`
              : 'Answers',
          labels: RESPONSE,
          skip: ['attendeeId'],
        })}
      </RecordList>
      <History changes={exported.history} />
    </>
  );
}

function sessionHeading(session: Session | undefined): string {
  if (!session) return 'A session no longer on this device';
  const title = session.title ?? 'Untitled session';
  return session.startsAt ? `${title}, ${printDateTime(session.startsAt)}` : title;
}

function datedHeading(what: string, at: unknown): string {
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? `${what}, ${printDateTime(at)}` : what;
}

function RecordList({
  title,
  id,
  records,
  children,
}: {
  title: string;
  id: string;
  records: readonly ExportedRecord[];
  children: (record: ExportedRecord) => { heading: string; labels: Labels; skip?: readonly string[] };
}) {
  return (
    <section className="export-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} ({records.length})
      </h2>
      {records.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="export-list">
          {records.map((record) => {
            const { heading, labels, skip } = children(record);
            return (
              <li key={record.id} className="export-item">
                <h3>{heading}</h3>
                <Fields record={record} labels={labels} skip={skip} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const KIND_WORDS: Readonly<Record<string, { what: string; labels: Labels }>> = {
  attendee: { what: 'Person', labels: PERSON },
  checkIn: { what: 'Check-in', labels: CHECK_IN },
  outreach: { what: 'Text or call', labels: OUTREACH },
  note: { what: 'Note', labels: NOTE },
  visit: { what: 'Visit', labels: VISIT },
  referral: { what: 'Referral', labels: REFERRAL },
  response: { what: 'Research answers', labels: RESPONSE },
};

/** Every change the server's history keeps, so that earlier values (an old phone number) are shown too. */
function History({ changes }: { changes: PersonExport['history'] }) {
  return (
    <section className="export-section" aria-labelledby="export-history">
      <h2 id="export-history">Changes kept in the history ({changes.length})</h2>
      <p>Each change as it was made, with the values it gave, including values since replaced.</p>
      {changes.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="export-list">
          {changes.map((change, index) => {
            const { what, labels } = KIND_WORDS[change.kind] ?? { what: change.kind, labels: {} };
            return (
              <li key={index} className="export-item">
                <h3>
                  {what}, {printDateTime(change.at)}, by {change.by}
                </h3>
                <Fields record={change.values} labels={labels} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
