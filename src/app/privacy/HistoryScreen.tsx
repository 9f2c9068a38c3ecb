// A record's change history as the server keeps it: who changed which fields, and when (coordinators only).
// Values are left out on purpose: the fields are enough to follow who did what, and a phone number or a note
// has its own screen, behind its own care.
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useRecord } from '../../db/hooks.ts';
import { isKindName } from '../../domain/indexes.ts';
import { fetchHistory, type HistoryChange } from './api.ts';
import { printDateTime } from './printable.tsx';
import { CoordinatorScreen, NotReady, useServerData } from './serverData.tsx';

const FIELD_NAMES: Readonly<Record<string, string>> = {
  displayName: 'name',
  babies: 'babies',
  locality: 'area',
  heardVia: 'how they heard of us',
  consent: 'consent',
  contact: 'contact details',
  needs: 'needs',
  cake: 'cake',
  dietary: 'dietary needs',
  mergedInto: 'merged into another record',
  createdAt: 'created',
  createdBy: 'created by',
  deleted: 'deleted',
  erased: 'erased',
};

/** "name, consent and area" from the fields a change touched. */
function changedFields(change: HistoryChange): string {
  const names = Object.keys(change.values).map((field) => FIELD_NAMES[field] ?? field);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function describe(change: HistoryChange): string {
  if (change.values.erased === true) return 'Erased';
  if (Object.hasOwn(change.values, 'createdAt')) return `Created: ${changedFields(change)}`;
  return `Changed ${changedFields(change)}`;
}

export function HistoryScreen() {
  const { kind = '', id = '' } = useParams();
  const record = useRecord(isKindName(kind) ? kind : 'attendee', isKindName(kind) ? id : undefined);
  const name = kind === 'attendee' && record && 'displayName' in record ? record.displayName : undefined;
  const load = useCallback(() => fetchHistory(kind, id), [kind, id]);
  const answer = useServerData(load);

  return (
    <CoordinatorScreen title={name ? `History of ${name}’s record` : 'History of this record'}>
      {kind === 'attendee' && (
        <p>
          <Link className="text-link" to={`/people/${encodeURIComponent(id)}`}>
            Back to {name ? `${name}’s profile` : 'the profile'}
          </Link>
        </p>
      )}
      {kind === 'visit' && (
        <p>
          <Link className="text-link" to={`/visits/${encodeURIComponent(id)}`}>
            Back to the visit
          </Link>
        </p>
      )}
      {kind === 'note' && record && 'attendeeId' in record && typeof record.attendeeId === 'string' && (
        <p>
          <Link className="text-link" to={`/people/${encodeURIComponent(record.attendeeId)}`}>
            Back to the profile
          </Link>
        </p>
      )}
      <p>Every change the server has accepted to this record: who made it, when, and which details it changed.</p>
      {answer.state === 'ready' ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Oldest first. Times are UK time.</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {answer.data.map((change) => (
                <tr key={change.changeSeq}>
                  <td>{printDateTime(change.at)}</td>
                  <td>{change.userName ?? 'A former team member'}</td>
                  <td>{describe(change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : answer.state === 'problem' && answer.status === 404 ? (
        <p>The server has no changes to this record yet: it was made on a device that has not synced it.</p>
      ) : (
        <NotReady answer={answer} needs="The history" />
      )}
    </CoordinatorScreen>
  );
}
