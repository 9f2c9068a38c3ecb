// The team and devices live on the server, not on the tablet: with no signal, say so instead of a blank list.
import type { ReactNode } from 'react';
import { useOnline } from '../layout/useOnline.ts';
import { thisDevice } from '../deviceKind.ts';

/** `offline` finishes the sentence "This phone is offline." (or tablet, or computer) with why that matters here. */
export function OnlineOnly({ offline, children }: { offline: string; children: ReactNode }) {
  const online = useOnline();
  if (online) return <>{children}</>;
  return (
    <div role="status" className="team-status">
      <p>
        {thisDevice(true)} is offline. {offline}
      </p>
    </div>
  );
}
