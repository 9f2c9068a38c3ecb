/// <reference types="vite-plugin-pwa/react" />
// Tells people when Coorie works offline, and when a new version is ready (it waits for them to reload).
// The notice takes its own place in the flow of the page, at the top of the screen, so that it never sits over
// a control (a floating toast hid the setup form's button and the PIN screen's). "Ready to work offline" also
// goes away by itself; "A new version is ready" waits for an answer.
import { createContext, use, useEffect, type ReactNode } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** Long enough to read a short sentence twice. */
export const OFFLINE_READY_MS = 8000;

const NoticeContext = createContext<ReactNode>(null);

/** Registers the service worker and holds its notice for whichever <Notices /> the current screen shows. */
export function ReloadPrompt({ children }: { children?: ReactNode }) {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_READY_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);

  let notice: ReactNode = null;
  if (needRefresh) {
    notice = (
      <div className="app-notice">
        <p>A new version is ready.</p>
        <button type="button" className="button-primary" onClick={() => void updateServiceWorker(true)}>
          Reload
        </button>
        <button type="button" className="button-secondary" onClick={() => setNeedRefresh(false)}>
          Later
        </button>
      </div>
    );
  } else if (offlineReady) {
    notice = (
      <div className="app-notice">
        <p>Ready to work offline.</p>
        <button type="button" className="button-secondary" onClick={() => setOfflineReady(false)}>
          Dismiss
        </button>
      </div>
    );
  }
  return <NoticeContext value={notice}>{children}</NoticeContext>;
}

/** The place of the notices on a screen: in the flow of the page, never over anything. */
export function Notices() {
  return (
    <div role="status" className="notice-region">
      {use(NoticeContext)}
    </div>
  );
}
