// The Sync part of Settings: a "Sync now" button and the changes the server refused. Refused changes are
// kept for ever (nothing typed is thrown away); they stay listed here so a coordinator can follow them up.
import { useOutboxCount, useMeta } from '../../db/hooks.ts';
import { useRejected } from '../../db/rejected.ts';
import { formatDateTime } from '../format.ts';
import { refusedKind, refusedLabel, refusedReason } from './refusedText.ts';
import { usePageSync } from './SyncContext.ts';

export function SyncSection() {
  const sync = usePageSync();
  const state = useMeta('sync');
  const waiting = useOutboxCount() ?? 0;
  const refused = useRejected() ?? [];
  const busy = state?.phase === 'pushing' || state?.phase === 'pulling';

  return (
    <section aria-labelledby="settings-sync">
      <h2 id="settings-sync">Sync</h2>
      <p>
        {waiting === 0
          ? 'Every change on this device has been sent.'
          : waiting === 1
            ? '1 change is waiting to be sent.'
            : `${waiting} changes are waiting to be sent.`}
      </p>
      {sync && (
        <button type="button" className="button-secondary" onClick={() => sync.requestNow()} disabled={busy}>
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
      )}
      {refused.length > 0 && (
        <>
          <h3 id="settings-refused">Changes the server refused</h3>
          <p>These stay on this device but did not reach the rest of the team. Tell your coordinator if one matters.</p>
          <ul className="record-list" aria-labelledby="settings-refused">
            {refused.map((change) => (
              <li key={change.seq} className="record">
                <span className="record-title">
                  {refusedKind(change)}
                  {refusedLabel(change) ? `: ${refusedLabel(change)}` : ''}
                </span>
                <span className="record-meta">{refusedReason(change)}</span>
                <span className="record-meta">Refused {formatDateTime(change.at)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
