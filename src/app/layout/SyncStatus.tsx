// The header's status slot: where this tablet's data stands, announced politely when it changes.
import { useMeta, useOutboxCount } from '../../db/hooks.ts';
import { syncStatusText } from './syncStatusText.ts';
import { useOnline } from './useOnline.ts';

export function SyncStatus() {
  const online = useOnline();
  const sync = useMeta('sync');
  const waiting = useOutboxCount() ?? 0;
  const status = syncStatusText({ online, waiting, sync });
  return (
    <div className={`sync-status sync-status-${status.tone}`} role="status" aria-live="polite">
      <span className="sync-status-dot" aria-hidden="true" />
      <span>
        <span className="sync-status-text">{status.text}</span>
        {status.detail && <span className="sync-status-detail">{status.detail}</span>}
      </span>
    </div>
  );
}
