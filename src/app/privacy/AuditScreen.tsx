// Settings → Audit log: who signed in, exported, erased, revoked and changed the team, newest first, in UK time.
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { isRole, type Role } from '../../domain/roles.ts';
import { useRecordsWhere } from '../../db/hooks.ts';
import { fetchAudit, type AuditEntry } from './api.ts';
import { printDateTime } from './printable.tsx';
import { CoordinatorScreen, NotReady, useServerData } from './serverData.tsx';

const PAGE = 50;
const MOST = 1000;

const ACTIONS: Readonly<Record<string, string>> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_out: 'Signed out',
  device_revoked: 'Signed a device out',
  user_created: 'Added a team member',
  user_changed: 'Changed a team member',
  invite_created: 'Made an invite',
  invite_accepted: 'Joined with an invite',
  person_exported: 'Exported everything about a person',
  person_erased: 'Erased a person',
  retention_changed: 'Changed the retention period',
  retention_due: 'Daily retention check',
  alert_periods_changed: 'Changed the alert periods',
  publicity_changed: 'Changed the public timetable',
};

const ROLE_WORDS: Readonly<Record<Role, string>> = {
  coordinator: 'coordinator',
  facilitator: 'facilitator',
  visitor: 'home-visit peer supporter',
};

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const roleWords = (role: unknown) => (isRole(role) ? ROLE_WORDS[role] : text(role));

/** The entry's detail in words; never more than the server logged (no passwords, no note text). */
function details(entry: AuditEntry): string {
  const { detail } = entry;
  switch (entry.action) {
    case 'sign_in':
      return detail.device ? `On ${text(detail.device)}` : '';
    case 'sign_in_failed':
      return `As ${text(detail.email)}: ${detail.reason === 'wrong_password' ? 'wrong password' : text(detail.reason).replaceAll('_', ' ')}`;
    case 'device_revoked':
      return detail.device ? `${text(detail.device)}` : '';
    case 'user_created':
    case 'invite_created':
    case 'invite_accepted':
      return detail.role ? `As ${roleWords(detail.role)}` : '';
    case 'user_changed':
      return [
        detail.role ? `Role: ${roleWords(detail.role)}` : '',
        detail.disabled === true ? 'Account disabled' : detail.disabled === false ? 'Account enabled again' : '',
        detail.name ? 'Name changed' : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'retention_changed':
      return detail.months === null ? 'Turned off: keep until erased by hand' : `${text(detail.months)} months`;
    case 'retention_due':
      return `${text(detail.due)} due under ${text(detail.months)} months`;
    case 'alert_periods_changed':
      return `Urgent reminder ${text(detail.urgentRepeatMinutes)} min; visit grace ${text(detail.visitGraceMinutes)} min; team ${text(detail.teamAlertMinutes)} min later`;
    case 'publicity_changed':
      return [detail.enabled === true ? 'Public' : 'Not public', detail.newLink === true ? 'new address' : '']
        .filter(Boolean)
        .join('; ');
    case 'person_erased': {
      const counts = (detail.erased ?? {}) as Record<string, unknown>;
      const parts = [
        ['checkIn', 'check-in'],
        ['outreach', 'text or call', 'texts or calls'],
        ['note', 'note'],
        ['visit', 'visit'],
      ].map(([field = '', one = '', many = `${one}s`]) => {
        const count = Number(counts[field] ?? 0);
        return `${count} ${count === 1 ? one : many}`;
      });
      return `With ${parts.join(', ')}`;
    }
    default:
      return '';
  }
}

export function AuditScreen() {
  const [limit, setLimit] = useState(PAGE);
  const load = useCallback(() => fetchAudit(limit), [limit]);
  const answer = useServerData(load);
  const entries = answer.state === 'ready' ? answer.data : undefined;
  const personIds = (entries ?? [])
    .filter((entry) => entry.kind === 'attendee' && entry.recordId)
    .map((entry) => entry.recordId ?? '');
  const people = useRecordsWhere('attendee', 'id', personIds);

  function about(entry: AuditEntry) {
    if (entry.kind === 'attendee' && entry.recordId) {
      const person = people?.find((candidate) => candidate.id === entry.recordId);
      if (!person?.displayName)
        return entry.action === 'person_erased' ? 'An erased person' : 'A person not on this device';
      return <Link to={`/people/${encodeURIComponent(person.id)}`}>{person.displayName}</Link>;
    }
    if (entry.kind === 'user') return 'A team member’s account';
    return '';
  }

  return (
    <CoordinatorScreen title="Audit log">
      <p>
        <Link className="text-link" to="/settings">
          Back to Settings
        </Link>
      </p>
      <p>
        Sign-ins (and failed ones), sign-outs, exports, erasures, signed-out devices, team and retention changes. The
        history of changes to one person’s record is on their profile.
      </p>
      {entries ? (
        <>
          {entries.length === 0 ? (
            <p>Nothing logged yet.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption>Newest first. Times are UK time.</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">About</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry, index) => (
                    <tr key={`${entry.at}-${index}`}>
                      <td>{printDateTime(entry.at)}</td>
                      <td>{entry.userName ?? (entry.action === 'retention_due' ? 'Coorie' : 'Unknown')}</td>
                      <td>{ACTIONS[entry.action] ?? entry.action.replaceAll('_', ' ')}</td>
                      <td>{about(entry)}</td>
                      <td>{details(entry)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {entries.length === limit && limit < MOST && (
            <div className="form-actions">
              <button type="button" className="button-secondary" onClick={() => setLimit(limit + PAGE)}>
                Show older entries
              </button>
            </div>
          )}
        </>
      ) : (
        <NotReady answer={answer} needs="The audit log" />
      )}
    </CoordinatorScreen>
  );
}
