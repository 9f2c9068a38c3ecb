// The frame of every section screen: its one h1, and the page title that names it.
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

export function Screen({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  useEffect(() => {
    document.title = `${title} — Coorie`;
  }, [title]);
  return (
    <div className={className ? `screen ${className}` : 'screen'}>
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}

/** What a list shows when it has nothing in it yet: friendly words, never a blank space. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}

export function Loading() {
  return <p className="loading">Loading…</p>;
}

/**
 * A record this device does not hold (deleted, erased, or not synced here yet): says so, with a way back.
 * `thing` is lower case ("session"); `why` is a likely reason, shown before the way back.
 */
export function NotFound({
  thing,
  back,
  backLabel,
  why,
}: {
  thing: string;
  back: string;
  backLabel: string;
  why?: string;
}) {
  return (
    <Screen title={`${thing.charAt(0).toUpperCase()}${thing.slice(1)} not found`}>
      <EmptyState>
        <p>This {thing} isn't on this device.</p>
        <p>
          {why && `${why} `}
          <Link to={back}>{backLabel}</Link>
        </p>
      </EmptyState>
    </Screen>
  );
}
