// Whether the signed-in member may design questionnaires, as the device last heard it from the server (GET
// /api/me): the research screens offer the designer only to them, as the server takes designs only from them.
import { mayDesignQuestionnaires } from '../../domain/roles.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';

/** What a member who may not design reads where the designer would be. */
export const DESIGN_NEEDS_PERMISSION =
  'Designing questionnaires needs the peer researcher permission: ask a coordinator.';

export function useMayDesign(): boolean {
  const user = useCurrentUser();
  return user !== undefined && mayDesignQuestionnaires(user);
}
