// Starts Coorie in the page: opens the device database, listens for the install prompt, renders the app once its
// first screen is ready to draw (launch.tsx).
import { createRoot } from 'react-dom/client';
import { CoorieDb } from '../db/database.ts';
import { launchApp } from './launch.tsx';
import { listenForInstallPrompt } from './pwa/installPrompt.ts';
import { createPageSync } from './sync/pageSync.ts';
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

void launchApp(db, sync, location.pathname).then((app) => createRoot(root).render(app));
