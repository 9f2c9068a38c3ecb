// The app's routes: account screens for whoever is signed out, the tablet shell with its sections for the rest.
import { Suspense, useEffect, type ComponentType } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useOutletContext } from 'react-router';
import { useKiosk } from '../db/kiosk.ts';
import type { SignedInUser } from '../db/meta.ts';
import { useAccount } from './account/useAccount.ts';
import { CurrentUserContext } from './layout/useCurrentUser.ts';
import { KIOSK_PATH } from './feedback/kioskPath.ts';
import type { LaunchRead } from '../db/hooks.ts';
import { LockGate, preloadGate, preloadLockScreen } from './lock/LockGate.tsx';
import type { ReadAhead } from './lock/pin.ts';
import { LockWipeNotice } from './lock/LockWipeNotice.tsx';
import { preloadable } from './preloadable.ts';
import { Notices, ReloadPrompt } from './pwa/ReloadPrompt.tsx';

// The shell (and Today in it) loads once the PIN is chosen or typed, not with the sign-in or lock screen: what
// a screen needs before it shows is the first screen's budget (npm run size). The service worker precaches it.
const Shell = preloadable(() => import('./layout/Shell.tsx').then((m) => ({ default: m.Shell })));

function Root() {
  const user = useAccount();
  // The device database answers in a moment; render nothing rather than flash the sign-in screen.
  if (user === undefined) return null;
  return (
    <ReloadPrompt>
      <Suspense fallback={null}>
        <Outlet context={user} />
      </Suspense>
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
  const atToday = useLocation().pathname === '/';
  const signedIn = user !== null;
  useEffect(() => {
    if (signedIn) void preloadLockScreen().catch(() => undefined);
  }, [signedIn]);
  if (!user) return <Navigate to="/sign-in" replace />;
  // While the feedback kiosk is on, every screen of the shell (a tap back, a typed address, a reload) leads
  // back to it: nothing else can be reached until the facilitator unlocks it.
  if (kiosk === undefined) return null;
  if (kiosk) return <Navigate to={KIOSK_PATH} replace />;
  // The PIN: chosen on first sign-in here, asked for on launch and after a spell idle (src/app/lock).
  return (
    <CurrentUserContext value={user}>
      <LockGate user={user} whileLocked={loadBehindLock} readAhead={atToday ? readTodayAhead : undefined}>
        <Suspense fallback={null}>
          <Shell user={user} />
        </Suspense>
      </LockGate>
    </CurrentUserContext>
  );
}

// Every screen loads when first opened, so that the first screen stays small (npm run size); the service worker
// precaches every chunk, so they open offline too. The routes are declared (<Routes>), not a data router: Coorie
// reads its data from the device database, not from route loaders, and the data router would add a tenth of the
// budget to what loads before Today. A screen not yet loaded suspends to the nearest <Suspense> already shown
// (the one around the shell, else the root's); the router moves in a transition, so the screen you are on stays until the next
// one is ready, and the shell then puts focus on its heading.
const screen = (load: () => Promise<{ default: ComponentType }>) => preloadable(load);
const TodayScreen = screen(() =>
  import('./today/TodayScreen.tsx').then((m) => ({ default: m.TodayScreen, readAhead: m.readTodayAhead })),
);
const SignInScreen = screen(() => import('./account/SignInScreen.tsx').then((m) => ({ default: m.SignInScreen })));
const SetupScreen = screen(() => import('./account/SetupScreen.tsx').then((m) => ({ default: m.SetupScreen })));
const JoinScreen = screen(() => import('./account/JoinScreen.tsx').then((m) => ({ default: m.JoinScreen })));
const KioskScreen = screen(() => import('./feedback/KioskScreen.tsx').then((m) => ({ default: m.KioskScreen })));
const SessionsScreen = screen(() =>
  import('./sessions/SessionsScreen.tsx').then((m) => ({ default: m.SessionsScreen })),
);
const NewSessionScreen = screen(() =>
  import('./sessions/PlanScreens.tsx').then((m) => ({ default: m.NewSessionScreen })),
);
const BakerScreen = screen(() => import('./sessions/BakerList.tsx').then((m) => ({ default: m.BakerScreen })));
const SessionDetail = screen(() => import('./sessions/SessionDetail.tsx').then((m) => ({ default: m.SessionDetail })));
const EditSessionScreen = screen(() =>
  import('./sessions/PlanScreens.tsx').then((m) => ({ default: m.EditSessionScreen })),
);
const CheckInScreen = screen(() => import('./checkin/CheckInScreen.tsx').then((m) => ({ default: m.CheckInScreen })));
const KioskSetupScreen = screen(() =>
  import('./feedback/KioskSetupScreen.tsx').then((m) => ({ default: m.KioskSetupScreen })),
);
const OutreachScreen = screen(() =>
  import('./outreach/OutreachScreen.tsx').then((m) => ({ default: m.OutreachScreen })),
);
const PeopleScreen = screen(() => import('./people/PeopleScreen.tsx').then((m) => ({ default: m.PeopleScreen })));
const NewPersonScreen = screen(() =>
  import('./people/PersonFormScreen.tsx').then((m) => ({ default: m.NewPersonScreen })),
);
const DuplicatesScreen = screen(() =>
  import('./people/DuplicatesScreen.tsx').then((m) => ({ default: m.DuplicatesScreen })),
);
const ProfileScreen = screen(() => import('./people/ProfileScreen.tsx').then((m) => ({ default: m.ProfileScreen })));
const EditPersonScreen = screen(() =>
  import('./people/PersonFormScreen.tsx').then((m) => ({ default: m.EditPersonScreen })),
);
const ExportScreen = screen(() => import('./privacy/ExportScreen.tsx').then((m) => ({ default: m.ExportScreen })));
const EraseScreen = screen(() => import('./privacy/EraseScreen.tsx').then((m) => ({ default: m.EraseScreen })));
const HistoryScreen = screen(() => import('./privacy/HistoryScreen.tsx').then((m) => ({ default: m.HistoryScreen })));
const NewNoteScreen = screen(() => import('./notes/NewNoteScreen.tsx').then((m) => ({ default: m.NewNoteScreen })));
const QuickRoundScreen = screen(() =>
  import('./notes/QuickRoundScreen.tsx').then((m) => ({ default: m.QuickRoundScreen })),
);
const EscalationScreen = screen(() =>
  import('./notes/EscalationScreen.tsx').then((m) => ({ default: m.EscalationScreen })),
);
const VisitsScreen = screen(() => import('./visits/VisitsScreen.tsx').then((m) => ({ default: m.VisitsScreen })));
const VisitFormScreen = screen(() =>
  import('./visits/VisitFormScreen.tsx').then((m) => ({ default: m.VisitFormScreen })),
);
const VisitScreen = screen(() => import('./visits/VisitScreen.tsx').then((m) => ({ default: m.VisitScreen })));
const ActivitiesScreen = screen(() =>
  import('./activities/ActivitiesScreen.tsx').then((m) => ({ default: m.ActivitiesScreen })),
);
const ActivityFormScreen = screen(() =>
  import('./activities/ActivityFormScreen.tsx').then((m) => ({ default: m.ActivityFormScreen })),
);
const ActivityScreen = screen(() =>
  import('./activities/ActivityScreen.tsx').then((m) => ({ default: m.ActivityScreen })),
);
const SignpostingScreen = screen(() =>
  import('./signposting/SignpostingScreen.tsx').then((m) => ({ default: m.SignpostingScreen })),
);
const ServiceFormScreen = screen(() =>
  import('./signposting/ServiceFormScreen.tsx').then((m) => ({ default: m.ServiceFormScreen })),
);
const ReportsScreen = screen(() => import('./reports/ReportsScreen.tsx').then((m) => ({ default: m.ReportsScreen })));
const SettingsScreen = screen(() =>
  import('./settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);
const TeamScreen = screen(() => import('./team/TeamScreen.tsx').then((m) => ({ default: m.TeamScreen })));
const AddMemberScreen = screen(() => import('./team/MemberForms.tsx').then((m) => ({ default: m.AddMemberScreen })));
const InviteScreen = screen(() => import('./team/MemberForms.tsx').then((m) => ({ default: m.InviteScreen })));
const DevicesScreen = screen(() => import('./team/DevicesScreen.tsx').then((m) => ({ default: m.DevicesScreen })));
const ChangePinScreen = screen(() =>
  import('./lock/ChangePinScreen.tsx').then((m) => ({ default: m.ChangePinScreen })),
);
const RetentionScreen = screen(() =>
  import('./privacy/RetentionScreen.tsx').then((m) => ({ default: m.RetentionScreen })),
);
const AlertPeriodsScreen = screen(() =>
  import('./settings/AlertPeriodsScreen.tsx').then((m) => ({ default: m.AlertPeriodsScreen })),
);
const PromotionScreen = screen(() =>
  import('./promotion/PromotionScreen.tsx').then((m) => ({ default: m.PromotionScreen })),
);
const MyVolunteeringScreen = screen(() =>
  import('./volunteers/VolunteerScreen.tsx').then((m) => ({ default: m.MyVolunteeringScreen })),
);
const MemberVolunteeringScreen = screen(() =>
  import('./volunteers/VolunteerScreen.tsx').then((m) => ({ default: m.MemberVolunteeringScreen })),
);
const VolunteerReportScreen = screen(() =>
  import('./volunteers/VolunteerReportScreen.tsx').then((m) => ({ default: m.VolunteerReportScreen })),
);
const ReferralFormScreen = screen(() =>
  import('./referrals/ReferralFormScreen.tsx').then((m) => ({ default: m.ReferralFormScreen })),
);
const PartnersScreen = screen(() =>
  import('./referrals/PartnersScreen.tsx').then((m) => ({ default: m.PartnersScreen })),
);
const PartnerFormScreen = screen(() =>
  import('./referrals/PartnerFormScreen.tsx').then((m) => ({ default: m.PartnerFormScreen })),
);
const ResearchScreen = screen(() =>
  import('./research/ResearchScreens.tsx').then((m) => ({ default: m.ResearchScreen })),
);
const QuestionnaireScreen = screen(() =>
  import('./research/ResearchScreens.tsx').then((m) => ({ default: m.QuestionnaireScreen })),
);
const QuestionnaireSummaryScreen = screen(() =>
  import('./research/SummaryScreen.tsx').then((m) => ({ default: m.QuestionnaireSummaryScreen })),
);
const DesignerScreen = screen(() =>
  import('./research/DesignerScreen.tsx').then((m) => ({ default: m.DesignerScreen })),
);
const AnswerScreen = screen(() => import('./research/AnswerScreen.tsx').then((m) => ({ default: m.AnswerScreen })));
const PersonAnswersScreen = screen(() =>
  import('./research/PersonAnswersScreen.tsx').then((m) => ({ default: m.PersonAnswersScreen })),
);
const AuditScreen = screen(() => import('./privacy/AuditScreen.tsx').then((m) => ({ default: m.AuditScreen })));

/**
 * While the lock shows: the shell and Today (where a launch opens) load, so that they draw as soon as the PIN is
 * right, and the first London date is worked out (the browser's first time-zone sum loads its zone data, a tenth
 * of a second on a slow tablet). A failed load is tried again when the screen is opened.
 */
function loadBehindLock() {
  const firstLondonDate = import('../domain/london.ts').then(({ londonDate }) => londonDate(new Date()));
  void Promise.all([Shell.preload(), TodayScreen.preload(), firstLondonDate]).catch(() => undefined);
}

/**
 * Loads the screen a launch opens on, given what the launch read and the address it opened at, so that the first
 * render draws it: a screen still loading would show nothing, and React then holds the screen back a while
 * after it has loaded.
 */
export function preloadFirstScreen({ user, kiosk, lock }: LaunchRead, path: string): Promise<unknown> {
  if (!user) {
    if (path === '/setup') return SetupScreen.preload();
    if (path === '/join') return JoinScreen.preload();
    return path === '/' || path === '/sign-in' ? SignInScreen.preload() : Promise.resolve();
  }
  if (kiosk) return KioskScreen.preload();
  return preloadGate(user, lock);
}

/** While the PIN is checked on Today's lock: Today's data is read, so that Today draws at once, complete. */
const readTodayAhead: ReadAhead = (db, unlocking) =>
  TodayScreen.preload().then((module) => (module as { readAhead: ReadAhead }).readAhead(db, unlocking));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Root />}>
        <Route element={<SignedOutOnly />}>
          <Route path="sign-in" element={<SignInScreen />} />
          <Route path="setup" element={<SetupScreen />} />
          <Route path="join" element={<JoinScreen />} />
        </Route>
        {/* The feedback kiosk, outside the shell so that its navigation is not there to be tapped. */}
        <Route path="kiosk" element={<KioskScreen />} />
        {/* A questionnaire opened from a public link: for anyone, signed in or not. */}
        <Route path="answer/:linkId" element={<AnswerScreen />} />
        <Route element={<SignedInOnly />}>
          <Route index element={<TodayScreen />} />
          <Route path="sessions" element={<SessionsScreen />} />
          <Route path="sessions/new" element={<NewSessionScreen />} />
          <Route path="sessions/:id" element={<SessionDetail />} />
          <Route path="sessions/:id/edit" element={<EditSessionScreen />} />
          <Route path="sessions/:id/cakes" element={<BakerScreen />} />
          <Route path="sessions/:id/check-in" element={<CheckInScreen />} />
          <Route path="sessions/:id/feedback" element={<KioskSetupScreen />} />
          <Route path="sessions/:id/reach-out" element={<OutreachScreen />} />
          <Route path="people" element={<PeopleScreen />} />
          <Route path="people/new" element={<NewPersonScreen />} />
          <Route path="people/duplicates" element={<DuplicatesScreen />} />
          <Route path="people/:id" element={<ProfileScreen />} />
          <Route path="people/:id/edit" element={<EditPersonScreen />} />
          <Route path="people/:id/export" element={<ExportScreen />} />
          <Route path="people/:id/erase" element={<EraseScreen />} />
          <Route path="records/:kind/:id/history" element={<HistoryScreen />} />
          <Route path="people/:id/refer" element={<ReferralFormScreen />} />
          <Route path="people/:id/notes/new" element={<NewNoteScreen />} />
          <Route path="sessions/:id/notes" element={<QuickRoundScreen />} />
          <Route path="notes/escalation" element={<EscalationScreen />} />
          <Route path="visits" element={<VisitsScreen />} />
          <Route path="visits/new" element={<VisitFormScreen />} />
          <Route path="visits/:id" element={<VisitScreen />} />
          <Route path="visits/:id/edit" element={<VisitFormScreen />} />
          <Route path="activities" element={<ActivitiesScreen />} />
          <Route path="activities/new" element={<ActivityFormScreen />} />
          <Route path="activities/:id" element={<ActivityScreen />} />
          <Route path="activities/:id/edit" element={<ActivityFormScreen />} />
          <Route path="signposting" element={<SignpostingScreen />} />
          <Route path="signposting/new" element={<ServiceFormScreen />} />
          <Route path="signposting/:id/edit" element={<ServiceFormScreen />} />
          <Route path="reports" element={<ReportsScreen />} />
          <Route path="reports/volunteers" element={<VolunteerReportScreen />} />
          <Route path="settings" element={<SettingsScreen />} />
          <Route path="settings/team" element={<TeamScreen />} />
          <Route path="settings/team/new" element={<AddMemberScreen />} />
          <Route path="settings/team/invite" element={<InviteScreen />} />
          <Route path="settings/devices" element={<DevicesScreen />} />
          <Route path="settings/pin" element={<ChangePinScreen />} />
          <Route path="settings/retention" element={<RetentionScreen />} />
          <Route path="settings/alert-periods" element={<AlertPeriodsScreen />} />
          <Route path="settings/audit" element={<AuditScreen />} />
          <Route path="settings/promotion" element={<PromotionScreen />} />
          <Route path="settings/volunteering" element={<MyVolunteeringScreen />} />
          <Route path="settings/team/:id/volunteering" element={<MemberVolunteeringScreen />} />
          <Route path="settings/partners" element={<PartnersScreen />} />
          <Route path="settings/partners/new" element={<PartnerFormScreen />} />
          <Route path="settings/partners/:id/edit" element={<PartnerFormScreen />} />
          <Route path="people/:id/research" element={<PersonAnswersScreen />} />
          <Route path="research" element={<ResearchScreen />} />
          <Route path="research/new" element={<DesignerScreen />} />
          <Route path="research/:id" element={<QuestionnaireScreen />} />
          <Route path="research/:id/edit" element={<DesignerScreen />} />
          <Route path="research/:id/summary" element={<QuestionnaireSummaryScreen />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Route>
    </Routes>
  );
}
