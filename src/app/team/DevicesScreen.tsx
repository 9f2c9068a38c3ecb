// Devices: the tablets and phones signed in to Coorie, with whose they are and when each last reached the
// server. Coordinators see the organisation's; everyone else their own. Signing one out makes it
// wipe itself the next time it connects; this tablet is signed out from Settings instead, which syncs first.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { describeProblem, type Problem } from '../http/messages.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { formatDateTime } from '../format.ts';
import { listDevices, revokeDevice, type Device } from './api.ts';
import { OnlineOnly } from './OnlineOnly.tsx';
import { useServerData } from './useServerData.ts';
import '../styles/team.css';
import { thisDevice } from '../deviceKind.ts';

export function DevicesScreen() {
  const user = useCurrentUser();
  const coordinator = user?.role === 'coordinator';
  return (
    <Screen title="Devices">
      <p>
        {coordinator
          ? 'Every tablet, phone and computer signed in to your organisation’s Coorie.'
          : 'The tablets, phones and computers you are signed in on.'}{' '}
        Sign out one that is lost, or no longer used: it removes Coorie’s data from itself the next time it connects.
      </p>
      <OnlineOnly offline="The list of devices is kept on the server, so connect to the internet to see it or sign a device out.">
        <DeviceList showOwner={coordinator} />
      </OnlineOnly>
    </Screen>
  );
}

function DeviceList({ showOwner }: { showOwner: boolean }) {
  const { data: devices, problem, reload } = useServerData(listDevices);
  const [status, setStatus] = useState('');

  return (
    <>
      <div role="status" className="team-status">
        {status && <p>{status}</p>}
      </div>
      <ProblemBox problem={problem} />
      {problem && (
        <button type="button" className="button-secondary" onClick={reload}>
          Try again
        </button>
      )}
      {!devices && !problem && <Loading />}
      {devices?.length === 0 && (
        <EmptyState>
          <p>No devices are signed in.</p>
        </EmptyState>
      )}
      {devices && devices.length > 0 && (
        <ul className="team-list" aria-label="Signed-in devices">
          {devices.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              showOwner={showOwner}
              onRevoked={() => {
                setStatus(`“${device.name}” is signed out. It will remove Coorie’s data when it next connects.`);
                reload();
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function DeviceRow({ device, showOwner, onRevoked }: { device: Device; showOwner: boolean; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = useRef<HTMLElement>(null);

  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  async function revoke() {
    setProblem(null);
    setBusy(true);
    try {
      await revokeDevice(device.id);
      onRevoked();
    } catch (error) {
      setProblem(describeProblem(error));
      setBusy(false);
    }
  }

  return (
    <li className="team-item">
      <div className="team-item-head">
        <div className="team-item-who">
          <span className="record-title">
            {device.name}
            {device.current && <span className="record-tag">{thisDevice(true)}</span>}
          </span>
          {showOwner && <span className="record-meta">{device.userName}</span>}
          <span className="record-meta">Last contact {formatDateTime(device.lastSeenAt)}</span>
        </div>
        <div className="team-item-actions">
          {device.current ? (
            <Link to="/settings" className="button-link button-secondary">
              Sign out in Settings
            </Link>
          ) : (
            <button
              type="button"
              className="button-secondary"
              aria-expanded={confirming}
              onClick={() => setConfirming((open) => !open)}
            >
              Sign out<span className="visually-hidden"> “{device.name}”</span>
            </button>
          )}
        </div>
      </div>
      {confirming && (
        <section className="team-confirm" aria-labelledby={`revoke-${device.id}`} ref={confirm} tabIndex={-1}>
          <h3 id={`revoke-${device.id}`}>Sign out “{device.name}”?</h3>
          <p>
            {showOwner ? `${device.userName} will need` : 'You will need'} to sign in on it again. The next time it
            connects, it removes all of Coorie’s data from itself, including any changes it has not sent yet.
          </p>
          <ProblemBox problem={problem} />
          <div className="form-actions">
            <button type="button" className="button-danger" disabled={busy} onClick={() => void revoke()}>
              {busy ? 'Signing it out…' : 'Sign it out'}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </li>
  );
}
