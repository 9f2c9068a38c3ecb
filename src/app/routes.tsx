// The app's routes: account screens for whoever is signed out, the tablet shell with its sections for the rest.
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useOutletContext, type RouteObject } from 'react-router';
import { useKiosk } from '../db/kiosk.ts';
import type { SignedInUser } from '../db/meta.ts';
import { useAccount } from './account/useAccount.ts';
import { CurrentUserContext } from './layout/useCurrentUser.ts';
import { KIOSK_PATH } from './feedback/kioskPath.ts';
import { LockGate } from './lock/LockGate.tsx';
import { LockWipeNotice } from './lock/LockWipeNotice.tsx';
import { Notices, ReloadPrompt } from './pwa/ReloadPrompt.tsx';

// The shell (and Today in it) loads once the PIN is chosen or typed, not with the sign-in or lock screen: what
// a screen needs before it shows is the first screen's budget (npm run size). The service worker precaches it.
// Today too: as a route's `lazy` the router would load it before showing even the lock screen.
const Shell = lazy(() => import('./layout/Shell.tsx').then((m) => ({ default: m.Shell })));
const TodayScreen = lazy(() => import('./today/TodayScreen.tsx').then((m) => ({ default: m.TodayScreen })));

function Root() {
  const user = useAccount();
  // The device database answers in a moment; render nothing rather than flash the sign-in screen.
  if (user === undefined) return null;
  return (
    <ReloadPrompt>
      <Outlet context={user} />
    </ReloadPrompt>
  );
}

function SignedOutOnly() {
  const user = useOutletContext<SignedInUser | null>();
  if (user) return <Navigate to="/" replace />;
  return (
    <main id="main" className="account-main">
      <p className="account-brand" aria-hidden="true">
        Coorie
      </p>
      <Notices />
      <LockWipeNotice />
      <Outlet />
    </main>
  );
}

function SignedInOnly() {
  const user = useOutletContext<SignedInUser | null>();
  const kiosk = useKiosk();
  if (!user) return <Navigate to="/sign-in" replace />;
  // While the feedback kiosk is on, every screen of the shell (a tap back, a typed address, a reload) leads
  // back to it: nothing else can be reached until the facilitator unlocks it.
  if (kiosk === undefined) return null;
  if (kiosk) return <Navigate to={KIOSK_PATH} replace />;
  // The PIN: chosen on first sign-in here, asked for on launch and after a spell idle (src/app/lock).
  return (
    <CurrentUserContext value={user}>
      <LockGate user={user}>
        <Suspense fallback={null}>
          <Shell user={user} />
        </Suspense>
      </LockGate>
    </CurrentUserContext>
  );
}

// Screens load when first opened, so that the first screen stays small (npm run size).
// The service worker precaches every chunk, so they open offline too.
const screen = (load: () => Promise<{ Component: React.ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: load,
});

export const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      {
        element: <SignedOutOnly />,
        children: [
          {
            path: 'sign-in',
            ...screen(() => import('./account/SignInScreen.tsx').then((m) => ({ Component: m.SignInScreen }))),
          },
          {
            path: 'setup',
            ...screen(() => import('./account/SetupScreen.tsx').then((m) => ({ Component: m.SetupScreen }))),
          },
          {
            path: 'join',
            ...screen(() => import('./account/JoinScreen.tsx').then((m) => ({ Component: m.JoinScreen }))),
          },
        ],
      },
      {
        // The feedback kiosk, outside the shell so that its navigation is not there to be tapped.
        path: 'kiosk',
        ...screen(() => import('./feedback/KioskScreen.tsx').then((m) => ({ Component: m.KioskScreen }))),
      },
      {
        element: <SignedInOnly />,
        children: [
          {
            index: true,
            element: (
              <Suspense fallback={null}>
                <TodayScreen />
              </Suspense>
            ),
          },
          {
            path: 'sessions',
            ...screen(() => import('./sessions/SessionsScreen.tsx').then((m) => ({ Component: m.SessionsScreen }))),
          },
          {
            path: 'sessions/new',
            ...screen(() => import('./sessions/PlanScreens.tsx').then((m) => ({ Component: m.NewSessionScreen }))),
          },
          {
            path: 'sessions/:id',
            ...screen(() => import('./sessions/SessionDetail.tsx').then((m) => ({ Component: m.SessionDetail }))),
          },
          {
            path: 'sessions/:id/edit',
            ...screen(() => import('./sessions/PlanScreens.tsx').then((m) => ({ Component: m.EditSessionScreen }))),
          },
          {
            path: 'sessions/:id/check-in',
            ...screen(() => import('./checkin/CheckInScreen.tsx').then((m) => ({ Component: m.CheckInScreen }))),
          },
          {
            path: 'sessions/:id/feedback',
            ...screen(() => import('./feedback/KioskSetupScreen.tsx').then((m) => ({ Component: m.KioskSetupScreen }))),
          },
          {
            path: 'sessions/:id/reach-out',
            ...screen(() => import('./outreach/OutreachScreen.tsx').then((m) => ({ Component: m.OutreachScreen }))),
          },
          {
            path: 'people',
            ...screen(() => import('./people/PeopleScreen.tsx').then((m) => ({ Component: m.PeopleScreen }))),
          },
          {
            path: 'people/new',
            ...screen(() => import('./people/PersonFormScreen.tsx').then((m) => ({ Component: m.NewPersonScreen }))),
          },
          {
            path: 'people/duplicates',
            ...screen(() => import('./people/DuplicatesScreen.tsx').then((m) => ({ Component: m.DuplicatesScreen }))),
          },
          {
            path: 'people/:id',
            ...screen(() => import('./people/ProfileScreen.tsx').then((m) => ({ Component: m.ProfileScreen }))),
          },
          {
            path: 'people/:id/edit',
            ...screen(() => import('./people/PersonFormScreen.tsx').then((m) => ({ Component: m.EditPersonScreen }))),
          },
          {
            path: 'people/:id/export',
            ...screen(() => import('./privacy/ExportScreen.tsx').then((m) => ({ Component: m.ExportScreen }))),
          },
          {
            path: 'people/:id/erase',
            ...screen(() => import('./privacy/EraseScreen.tsx').then((m) => ({ Component: m.EraseScreen }))),
          },
          {
            path: 'records/:kind/:id/history',
            ...screen(() => import('./privacy/HistoryScreen.tsx').then((m) => ({ Component: m.HistoryScreen }))),
          },
          {
            path: 'people/:id/notes/new',
            ...screen(() => import('./notes/NewNoteScreen.tsx').then((m) => ({ Component: m.NewNoteScreen }))),
          },
          {
            path: 'sessions/:id/notes',
            ...screen(() => import('./notes/QuickRoundScreen.tsx').then((m) => ({ Component: m.QuickRoundScreen }))),
          },
          {
            path: 'notes/escalation',
            ...screen(() => import('./notes/EscalationScreen.tsx').then((m) => ({ Component: m.EscalationScreen }))),
          },
          {
            path: 'visits',
            ...screen(() => import('./visits/VisitsScreen.tsx').then((m) => ({ Component: m.VisitsScreen }))),
          },
          {
            path: 'visits/new',
            ...screen(() => import('./visits/VisitFormScreen.tsx').then((m) => ({ Component: m.VisitFormScreen }))),
          },
          {
            path: 'visits/:id',
            ...screen(() => import('./visits/VisitScreen.tsx').then((m) => ({ Component: m.VisitScreen }))),
          },
          {
            path: 'visits/:id/edit',
            ...screen(() => import('./visits/VisitFormScreen.tsx').then((m) => ({ Component: m.VisitFormScreen }))),
          },
          {
            path: 'activities',
            ...screen(() =>
              import('./activities/ActivitiesScreen.tsx').then((m) => ({ Component: m.ActivitiesScreen })),
            ),
          },
          {
            path: 'activities/new',
            ...screen(() =>
              import('./activities/ActivityFormScreen.tsx').then((m) => ({ Component: m.ActivityFormScreen })),
            ),
          },
          {
            path: 'activities/:id',
            ...screen(() => import('./activities/ActivityScreen.tsx').then((m) => ({ Component: m.ActivityScreen }))),
          },
          {
            path: 'activities/:id/edit',
            ...screen(() =>
              import('./activities/ActivityFormScreen.tsx').then((m) => ({ Component: m.ActivityFormScreen })),
            ),
          },
          {
            path: 'signposting',
            ...screen(() =>
              import('./signposting/SignpostingScreen.tsx').then((m) => ({ Component: m.SignpostingScreen })),
            ),
          },
          {
            path: 'signposting/new',
            ...screen(() =>
              import('./signposting/ServiceFormScreen.tsx').then((m) => ({ Component: m.ServiceFormScreen })),
            ),
          },
          {
            path: 'signposting/:id/edit',
            ...screen(() =>
              import('./signposting/ServiceFormScreen.tsx').then((m) => ({ Component: m.ServiceFormScreen })),
            ),
          },
          {
            path: 'reports',
            ...screen(() => import('./reports/ReportsScreen.tsx').then((m) => ({ Component: m.ReportsScreen }))),
          },
          {
            path: 'settings',
            ...screen(() => import('./settings/SettingsScreen.tsx').then((m) => ({ Component: m.SettingsScreen }))),
          },
          {
            path: 'settings/team',
            ...screen(() => import('./team/TeamScreen.tsx').then((m) => ({ Component: m.TeamScreen }))),
          },
          {
            path: 'settings/team/new',
            ...screen(() => import('./team/MemberForms.tsx').then((m) => ({ Component: m.AddMemberScreen }))),
          },
          {
            path: 'settings/team/invite',
            ...screen(() => import('./team/MemberForms.tsx').then((m) => ({ Component: m.InviteScreen }))),
          },
          {
            path: 'settings/devices',
            ...screen(() => import('./team/DevicesScreen.tsx').then((m) => ({ Component: m.DevicesScreen }))),
          },
          {
            path: 'settings/pin',
            ...screen(() => import('./lock/ChangePinScreen.tsx').then((m) => ({ Component: m.ChangePinScreen }))),
          },
          {
            path: 'settings/retention',
            ...screen(() => import('./privacy/RetentionScreen.tsx').then((m) => ({ Component: m.RetentionScreen }))),
          },
          {
            path: 'settings/alert-periods',
            ...screen(() =>
              import('./settings/AlertPeriodsScreen.tsx').then((m) => ({ Component: m.AlertPeriodsScreen })),
            ),
          },
          {
            path: 'settings/audit',
            ...screen(() => import('./privacy/AuditScreen.tsx').then((m) => ({ Component: m.AuditScreen }))),
          },
          { path: '*', element: <Navigate to="/" replace /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
