// The frame of every section screen: its one h1, and the page title that names it.
import { useEffect, type ReactNode } from 'react';

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
