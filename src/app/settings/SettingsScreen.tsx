// Settings: who is signed in on this tablet, whether its data is safe from clearing, the version, sign out.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { forgetSignedIn } from '../../db/account.ts';
import { useDb, useMeta } from '../../db/hooks.ts';
import { signOut } from '../account/api.ts';
import { describeProblem, type Problem } from '../account/messages.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { Screen } from '../components/Screen.tsx';
import { LockSection } from '../lock/LockSection.tsx';
import { InstallHint } from '../pwa/InstallHint.tsx';
import { SyncSection } from '../sync/SyncSection.tsx';
import { APP_VERSION } from '../version.ts';

const ROLE_NAMES = { coordinator: 'Coordinator', facilitator: 'Facilitator', visitor: 'Home-visit peer supporter' };

export function SettingsScreen() {
  const db = useDb();
  const navigate = useNavigate();
  const user = useMeta('user');
  const deviceName = useMeta('deviceName');
  const persisted = useMeta('persisted');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSignOut() {
    setProblem(null);
    setBusy(true);
    try {
      // The server must hear it, or the device's cookie would sign it straight back in when it next connects.
      await signOut();
      await forgetSignedIn(db);
      await navigate('/sign-in', { replace: true });
    } catch (error) {
      const described = describeProblem(error);
      setProblem(
        described.message.startsWith("Coorie can't reach")
          ? { message: "Coorie can't reach the server to sign you out. Try again when this tablet is online." }
          : described,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title="Settings">
      <section aria-labelledby="settings-account">
        <h2 id="settings-account">Account</h2>
        <dl className="facts">
          <div>
            <dt>Signed in as</dt>
            <dd>{user ? `${user.name} (${user.email})` : '—'}</dd>
          </div>
          {user && (
            <div>
              <dt>Role</dt>
              <dd>{ROLE_NAMES[user.role]}</dd>
            </div>
          )}
          <div>
            <dt>This device</dt>
            <dd>{deviceName ?? 'Not named'}</dd>
          </div>
        </dl>
        <ProblemBox problem={problem} />
        <button type="button" className="button-secondary" onClick={() => void onSignOut()} disabled={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </section>
      <LockSection />
      <SyncSection />
      <section aria-labelledby="settings-storage">
        <h2 id="settings-storage">Storage</h2>
        <p>
          {persisted === 'granted'
            ? "This tablet will keep Coorie's data."
            : "The browser may clear Coorie's data if space runs low: install Coorie to the home screen."}
        </p>
        <InstallHint />
      </section>
      <section aria-labelledby="settings-signposting">
        <h2 id="settings-signposting">Signposting</h2>
        <p>
          <Link to="/signposting">Signposting directory</Link>: national lines and your local services, with the date
          each was last checked.
        </p>
      </section>
      {user?.role === 'coordinator' && (
        <section aria-labelledby="settings-data-protection">
          <h2 id="settings-data-protection">Data protection</h2>
          <ul className="settings-links">
            <li>
              <Link to="/settings/retention">Data retention</Link>: how long to keep people with no activity, and who is
              due for erasure.
            </li>
            <li>
              <Link to="/settings/audit">Audit log</Link>: sign-ins, exports, erasures and team changes.
            </li>
          </ul>
        </section>
      )}
      <section aria-labelledby="settings-about">
        <h2 id="settings-about">About</h2>
        <p>Coorie version {APP_VERSION}</p>
      </section>
    </Screen>
  );
}
