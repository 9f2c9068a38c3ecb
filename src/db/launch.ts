// What decides the first screen of a launch, read in one transaction before the first render: who is signed in,
// whether the feedback kiosk is on, and the lock's state. The gates that choose that screen (the account, the
// kiosk, the lock) start from these values (useAtLaunch in hooks.ts) instead of each reading the database in
// turn and rendering nothing meanwhile, so that the lock draws in the launch's first render.
import type { CoorieDb } from './database.ts';
import type { LaunchRead } from './hooks.ts';
import { getKiosk } from './kiosk.ts';
import { readLockState } from './lock.ts';
import { getMeta } from './meta.ts';

export async function readLaunch(db: CoorieDb): Promise<LaunchRead> {
  return db.transaction('r', db.meta, async () => {
    const [user, kiosk, lock] = await Promise.all([getMeta(db, 'user'), getKiosk(db), readLockState(db)]);
    return { user: user ?? null, kiosk, lock };
  });
}
