// Starts Coorie in the page: opens the device database, listens for the install prompt, renders the router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { CoorieDb } from '../db/database.ts';
import { DbContext } from '../db/hooks.ts';
import { listenForInstallPrompt } from './pwa/installPrompt.ts';
import { AppRoutes } from './routes.tsx';
import { createPageSync } from './sync/pageSync.ts';
import { SyncContext } from './sync/SyncContext.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';

// The browser fires beforeinstallprompt once, early: catch it before any screen that offers it is shown.
listenForInstallPrompt();

const db = new CoorieDb();
// Made once per page; the signed-in shell starts its triggers (useAutoSync), Settings has "Sync now".
const sync = createPageSync(db);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <DbContext.Provider value={db}>
      <SyncContext.Provider value={sync}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SyncContext.Provider>
    </DbContext.Provider>
  </StrictMode>,
);
