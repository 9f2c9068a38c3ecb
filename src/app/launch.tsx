// The app as a launch renders it. What decides the first screen (who is signed in, the kiosk, the lock: db/launch.ts)
// is read in one go, and that screen's code loaded, before the first render, so that a launch draws its screen (the
// lock, as a rule) in that render, rather than nothing while the account, the kiosk and the lock each read in turn
// and the screen then loads. Should either fail, the app renders without them, and each screen reads, loads and
// reports for itself as it would.
import { StrictMode, useEffect, type ReactElement, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import type { CoorieDb } from '../db/database.ts';
import { DbContext, LaunchContext, type Launch } from '../db/hooks.ts';
import { readLaunch } from '../db/launch.ts';
import { AppRoutes, preloadFirstScreen } from './routes.tsx';
import type { PageSync } from './sync/pageSync.ts';
import { SyncContext } from './sync/SyncContext.ts';

/** Hands the launch's values to the first render only (useAtLaunch): once it is on screen, screens read for themselves. */
function FirstRender({ launch, children }: { launch: Launch | null; children: ReactNode }) {
  useEffect(() => {
    if (launch) launch.drawn = true;
  }, [launch]);
  return <LaunchContext value={launch}>{children}</LaunchContext>;
}

/** The app to render, once what decides its first screen has been read and that screen loaded; `path` is where it opens. */
export async function launchApp(db: CoorieDb, sync: PageSync | null, path: string): Promise<ReactElement> {
  const read = await readLaunch(db).catch(() => undefined);
  if (read) await preloadFirstScreen(read, path).catch(() => undefined);
  const launch = read ? { read, drawn: false } : null;
  return (
    <StrictMode>
      <DbContext.Provider value={db}>
        <SyncContext.Provider value={sync}>
          <FirstRender launch={launch}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </FirstRender>
        </SyncContext.Provider>
      </DbContext.Provider>
    </StrictMode>
  );
}
