// Settings: who is signed in on this tablet, whether its data is safe from clearing, the version, sign out.
import { Link } from 'react-router';
import { useMeta } from '../../db/hooks.ts';
import { SignOut } from '../account/SignOut.tsx';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import { LockSection } from '../lock/LockSection.tsx';
import { InstallHint } from '../pwa/InstallHint.tsx';
import { SyncSection } from '../sync/SyncSection.tsx';
import { APP_VERSION } from '../version.ts';
import { AlertsSection } from './AlertsSection.tsx';
import { thisDevice } from '../deviceKind.ts';

const ROLE_NAMES = { coordinator: 'Coordinator', facilitator: 'Facilitator', visitor: 'Home-visit peer supporter' };

export function SettingsScreen() {
  const user = useCurrentUser();
  const deviceName = useMeta('deviceName');
  const persisted = useMeta('persisted');

  // Both come from the device database in a moment: wait for them rather than show "Not named" or the
  // warning about storage to someone whose tablet is named and keeps its data.
  if (deviceName === undefined || persisted === undefined) {
    return (
      <Screen title="Settings">
        <Loading />
      </Screen>
    );
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
        <SignOut />
      </section>
      <section aria-labelledby="settings-team">
        <h2 id="settings-team">{user?.role === 'coordinator' ? 'Team and devices' : 'Devices'}</h2>
        <ul className="settings-links">
          {user?.role === 'coordinator' && (
            <li>
              <Link to="/settings/team">Team</Link>
            </li>
          )}
          <li>
            <Link to="/settings/devices">Devices</Link>
          </li>
          <li>
            <Link to="/settings/volunteering">My training &amp; hours</Link>
          </li>
        </ul>
      </section>
      <LockSection />
      <AlertsSection />
      {user?.role === 'coordinator' && (
        <section aria-labelledby="settings-alert-periods">
          <h2 id="settings-alert-periods">Alert periods</h2>
          <p>
            <Link to="/settings/alert-periods">Alert periods</Link>: when your organisation’s urgent concerns and visits
            not closed are alerted.
          </p>
        </section>
      )}
      <SyncSection />
      <section aria-labelledby="settings-storage">
        <h2 id="settings-storage">Storage</h2>
        <p>
          {persisted === 'granted'
            ? `${thisDevice(true)} will keep Coorie's data.`
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
        <p>
          <Link to="/settings/partners">Partners</Link>: the organisations you refer people to, and who to ask for
          there.
        </p>
      </section>
      <section aria-labelledby="settings-research">
        <h2 id="settings-research">Peer research</h2>
        <p>
          <Link to="/research">Research questionnaires</Link>: design them, collect anonymous answers, and see the
          results.
        </p>
      </section>
      {user?.role === 'coordinator' && (
        <section aria-labelledby="settings-promotion">
          <h2 id="settings-promotion">Promotion</h2>
          <p>
            <Link to="/settings/promotion">Public timetable and poster</Link>: what the public can see of your groups, a
            poster with a QR code, and a ready-made post.
          </p>
        </section>
      )}
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
