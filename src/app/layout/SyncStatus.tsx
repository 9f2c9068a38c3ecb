// The header's status slot: where this tablet's data stands, announced politely when it changes.
import { useMeta, useOutboxCount } from '../../db/hooks.ts';
import { syncStatusText } from './syncStatusText.ts';
import { useOnline } from './useOnline.ts';

export function SyncStatus() {
  const online = useOnline();
  const sync = useMeta('sync');
  const waiting = useOutboxCount() ?? 0;
  const status = syncStatusText({ online, waiting, sync });
  const sealing = useMeta('sealProgress');
  const sealingText =
    sealing && !sealing.finished && sealing.total > 0
      ? `Protecting the records on this device: ${Math.floor((100 * sealing.done) / sealing.total)}%`
      : undefined;
  return (
    <div className={`sync-status sync-status-${status.tone}`} role="status" aria-live="polite">
      <span className="sync-status-dot" aria-hidden="true" />
      <span>
        <span className="sync-status-text">{status.text}</span>
        {status.detail && <span className="sync-status-detail">{status.detail}</span>}
        {sealingText && <span className="sync-status-detail">{sealingText}</span>}
      </span>
    </div>
  );
}
