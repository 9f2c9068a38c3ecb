// The routes the organisation promotes itself through (Settings → Promotion), which live on the server: asked
// for when there is signal, and undefined until then (or when none are chosen), so that reports still work
// offline, without that one table.
import { useMemo } from 'react';
import { loadPublicity } from '../promotion/api.ts';
import { useServerData } from '../privacy/serverData.tsx';

export function usePromotedRoutes(): readonly string[] | undefined {
  const answer = useServerData(loadPublicity);
  const routes = answer.state === 'ready' ? answer.data.routes : undefined;
  const key = routes?.join('|');
  // One array per list of routes, so that the reports are not worked out again on every render.
  return useMemo(() => (key ? key.split('|') : undefined), [key]);
}
