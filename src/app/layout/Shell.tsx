// The tablet shell: header with the status slot, the section navigation, and the current screen.
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import type { SignedInUser } from '../../db/meta.ts';
import { requestPersistence } from '../../db/persistence.ts';
import { Notices } from '../pwa/ReloadPrompt.tsx';
import { useAutoSync } from '../sync/SyncContext.ts';
import { SECTIONS } from './sections.ts';
import { SyncStatus } from './SyncStatus.tsx';

export function Shell({ user }: { user: SignedInUser }) {
  const db = useDb();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useAutoSync();

  // Once someone is signed in, ask the browser not to clear Coorie's data when space runs low.
  useEffect(() => {
    void requestPersistence(db);
  }, [db]);

  // After moving between sections, put focus on the new screen's heading so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <p className="app-name">
          <span aria-hidden="true" className="app-mark" />
          Coorie
        </p>
        <SyncStatus />
        <p className="visually-hidden">Signed in as {user.name}</p>
      </header>
      <nav className="shell-nav" aria-label="Sections">
        <ul>
          {SECTIONS.map(({ path, label, Icon }) => (
            <li key={path}>
              <NavLink to={path} end={path === '/'}>
                <Icon />
                <span className="nav-label">{label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="shell-main">
        <Notices />
        <Outlet />
      </main>
    </div>
  );
}
