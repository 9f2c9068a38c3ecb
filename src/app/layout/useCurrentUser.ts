// The signed-in user for screens inside the shell. The shell only renders once the user is known, and hands
// that same user down here, so no screen ever renders a first time as if nobody (or a facilitator) were
// signed in while its own read of the device database is still on its way.
import { createContext, useContext } from 'react';
import type { SignedInUser } from '../../db/meta.ts';

export const CurrentUserContext = createContext<SignedInUser | undefined>(undefined);

/** The signed-in user; `undefined` only outside the shell, where nobody is. */
export function useCurrentUser(): SignedInUser | undefined {
  return useContext(CurrentUserContext);
}
