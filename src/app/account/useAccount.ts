// Keeps the cached user in step with the server whenever it can be reached (at start, when signal returns and when
// Coorie comes back on screen); offline, the cache stands. A device the server calls revoked is wiped at once; one
// signed out offline tells the server as soon as it can.
import { useEffect } from 'react';
import {
  forgetSignedIn,
  learnOrganisationName,
  rememberSignedIn,
  signedOutReason,
  wipeAndSignOut,
} from '../../db/account.ts';
import type { CoorieDb } from '../../db/database.ts';
import { useAtLaunch, useDb, useMeta } from '../../db/hooks.ts';

import { setMeta, type SignedInUser } from '../../db/meta.ts';
import { getMe, signOut } from './api.ts';

/** The signed-in user: `undefined` while the device database opens, `null` when nobody is signed in. */
export function useAccount(): SignedInUser | null | undefined {
  const db = useDb();
  const user = useMeta('user', useAtLaunch('user'));

  useEffect(() => {
    let cancelled = false;
    async function check() {
      try {
        await checkWithServer(db, () => cancelled);
      } catch {
        // No network or a server hiccup: keep whoever is cached, so the shell still opens offline.
      }
    }
    // Again whenever Coorie comes back on screen, so that what a coordinator changed (a role, the peer researcher
    // mark) reaches the device without a restart.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    void check();
    window.addEventListener('online', check);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      window.removeEventListener('online', check);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [db]);

  return user;
}

async function checkWithServer(db: CoorieDb, cancelled: () => boolean): Promise<void> {
  const left = await signedOutReason(db);
  if (left === 'signed-out-offline') {
    // The browser still holds the session's cookie: end the session on the server too.
    await signOut();
    await setMeta(db, 'signedOut', { reason: 'signed-out', at: db.now() });
    return;
  }
  // A wiped device waits for someone to sign in; the cookie, if any, must not sign anyone back in by itself.
  if (left !== undefined) return;
  const me = await getMe();
  // Revoked data goes whatever the screen is doing; the rest only matters while the app is still showing.
  if (me === 'revoked') await wipeAndSignOut(db, 'revoked');
  else if (cancelled()) return;
  else if (me === 'signed-out') await forgetSignedIn(db);
  else {
    await rememberSignedIn(db, me.user);
    await learnOrganisationName(db, me.organisationName);
  }
}
