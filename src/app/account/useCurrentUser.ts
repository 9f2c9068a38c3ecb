// The signed-in user for screens inside the shell (which only renders once someone is signed in).
import { useMeta } from '../../db/hooks.ts';
import type { SignedInUser } from '../../db/meta.ts';

export function useCurrentUser(): SignedInUser | undefined {
  return useMeta('user') ?? undefined;
}
