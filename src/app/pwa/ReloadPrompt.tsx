/// <reference types="vite-plugin-pwa/react" />
// Tells people when Coorie works offline, and when a new version is ready (it waits for them to reload).
import { useRegisterSW } from 'virtual:pwa-register/react';

export function ReloadPrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  if (!needRefresh && !offlineReady) return <div role="status" className="toast-region" />;
  return (
    <div role="status" className="toast-region">
      <div className="toast">
        {needRefresh ? (
          <>
            <p>A new version is ready.</p>
            <button type="button" className="button-primary" onClick={() => void updateServiceWorker(true)}>
              Reload
            </button>
            <button type="button" className="button-secondary" onClick={() => setNeedRefresh(false)}>
              Later
            </button>
          </>
        ) : (
          <>
            <p>Ready to work offline.</p>
            <button type="button" className="button-secondary" onClick={() => setOfflineReady(false)}>
              Dismiss
            </button>
          </>
        )}
      </div>
    </div>
  );
}
