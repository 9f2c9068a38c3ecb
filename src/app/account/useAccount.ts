// Keeps the cached user in step with the server whenever it can be reached; offline, the cache stands.
import { useEffect } from 'react';
import { forgetSignedIn, rememberSignedIn } from '../../db/account.ts';
import { useDb, useMeta } from '../../db/hooks.ts';
import type { SignedInUser } from '../../db/meta.ts';
import { getMe } from './api.ts';

/** The signed-in user: `undefined` while the device database opens, `null` when nobody is signed in. */
export function useAccount(): SignedInUser | null | undefined {
  const db = useDb();
  const user = useMeta('user');

  useEffect(() => {
    let cancelled = false;
    async function check() {
      try {
        const me = await getMe();
        if (cancelled) return;
        if (me) await rememberSignedIn(db, me);
        else await forgetSignedIn(db);
      } catch {
        // No network or a server hiccup: keep whoever is cached, so the shell still opens offline.
      }
    }
    void check();
    window.addEventListener('online', check);
    return () => {
      cancelled = true;
      window.removeEventListener('online', check);
    };
  }, [db]);

  return user;
}
