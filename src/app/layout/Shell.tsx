// The tablet shell: header with the status slot, the section navigation, and the current screen.
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import type { SignedInUser } from '../../db/meta.ts';
import { requestPersistence } from '../../db/persistence.ts';
import { preloadSchemas } from '../../db/records.ts';
import { Notices } from '../pwa/ReloadPrompt.tsx';
import { useAutoSync } from '../sync/SyncContext.ts';
import { MoreIcon } from './icons.tsx';
import { PHONE_SECTIONS, SECTIONS } from './sections.ts';
import { SyncStatus } from './SyncStatus.tsx';

export function Shell({ user }: { user: SignedInUser }) {
  const db = useDb();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [moreOpen, setMoreOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(location.pathname);
  useAutoSync();
  // Moving to another screen closes the "More" menu.
  if (openedAt !== location.pathname) {
    setOpenedAt(location.pathname);
    setMoreOpen(false);
  }
  const extra = SECTIONS.slice(PHONE_SECTIONS);
  const inMore = extra.some(({ path }) => location.pathname.startsWith(path));

  // Once someone is signed in, ask the browser not to clear Coorie's data when space runs low.
  useEffect(() => {
    void requestPersistence(db);
  }, [db]);

  // The schemas are kept off the first screen (npm run size): a save always follows a touch or a key, so start
  // loading them at the first one, and the save finds them there.
  useEffect(() => {
    const events = ['pointerdown', 'keydown'] as const;
    const stop = () => events.forEach((event) => document.removeEventListener(event, start, true));
    function start() {
      stop();
      preloadSchemas();
    }
    events.forEach((event) => document.addEventListener(event, start, true));
    return stop;
  }, []);

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
      {/* A phone has room for one row of PHONE_SECTIONS tabs and "More" (CSS hides the rest of the row there);
          a tablet shows every section, and "More" not at all. */}
      <nav className="shell-nav" aria-label="Sections">
        <ul>
          {SECTIONS.map(({ path, label, Icon }, index) => (
            <li key={path} className={index >= PHONE_SECTIONS ? 'nav-extra' : undefined}>
              <NavLink to={path} end={path === '/'}>
                <Icon />
                <span className="nav-label">{label}</span>
              </NavLink>
            </li>
          ))}
          <li className="nav-more">
            <button
              type="button"
              className={inMore ? 'nav-more-button nav-more-current' : 'nav-more-button'}
              aria-expanded={moreOpen}
              aria-controls="nav-more-menu"
              onClick={() => setMoreOpen((open) => !open)}
            >
              <MoreIcon />
              <span className="nav-label">More</span>
            </button>
          </li>
        </ul>
        <ul id="nav-more-menu" className="nav-more-menu" hidden={!moreOpen}>
          {extra.map(({ path, label, Icon }) => (
            <li key={path}>
              <NavLink to={path}>
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
