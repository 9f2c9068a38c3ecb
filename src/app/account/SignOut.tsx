// Signing out of a tablet: send what is waiting first, warn (with the count) before anything unsent is lost,
// then end the session on the server and wipe the tablet, so the next person finds nothing of anyone's.
//
// Offline, signing out is still allowed once confirmed: a volunteer handing back a shared tablet in a hall
// with no signal must be able to leave nothing behind. The data goes at once; the browser keeps the session's
// cookie, so the tablet tells the server when it is next online (useAccount), syncs nothing until someone signs
// in, and a coordinator can end that session from Devices in the meantime.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { unsentChanges, wipeAndSignOut } from '../../db/account.ts';
import { useDb } from '../../db/hooks.ts';
import type { SyncOutcome } from '../../engine/outcome.ts';
import { thisDevice } from '../deviceKind.ts';
import { syncAndWait } from '../sync/pageSync.ts';
import { ApiError } from '../http/request.ts';
import { signOut } from './api.ts';
import '../styles/team.css';

type Step =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'warn'; waiting: number; refused: number; outcome: SyncOutcome }
  | { kind: 'leaving' };

const changes = (count: number) => (count === 1 ? '1 change' : `${count} changes`);

/** Why the changes did not go, in the words of the sync status line. */
function whyNotSent(outcome: SyncOutcome): string {
  switch (outcome.status) {
    case 'synced':
      return '';
    case 'offline':
      return "Coorie can't reach the server just now.";
    case 'signed-out':
      return 'The server has ended your sign-in, so Coorie could not send them.';
    default:
      return 'The server could not take them just now.';
  }
}

export function SignOut() {
  const db = useDb();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const warning = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step.kind === 'warn') warning.current?.focus();
  }, [step.kind]);

  async function start() {
    setStep({ kind: 'checking' });
    const outcome = await syncAndWait(db);
    // The server said this device was revoked: the engine has wiped it, and the app goes to the sign-in screen.
    if (outcome.status === 'revoked') return;
    const { waiting, refused } = await unsentChanges(db);
    if (outcome.status === 'synced' && waiting + refused === 0) await leave();
    else setStep({ kind: 'warn', waiting, refused, outcome });
  }

  async function leave() {
    setStep({ kind: 'leaving' });
    let told = true;
    try {
      await signOut();
    } catch (error) {
      // Unreachable, or a server fault: the session is ended when the tablet next reaches the server.
      told = !(error instanceof ApiError) || (error.status !== 0 && error.status < 500);
    }
    await wipeAndSignOut(db, told ? 'signed-out' : 'signed-out-offline');
    await navigate('/sign-in', { replace: true });
  }

  if (step.kind !== 'warn') {
    return (
      <button type="button" className="button-secondary" onClick={() => void start()} disabled={step.kind !== 'idle'}>
        {step.kind === 'checking' ? 'Sending your changes…' : step.kind === 'leaving' ? 'Signing out…' : 'Sign out'}
      </button>
    );
  }

  const { waiting, refused, outcome } = step;
  const offline = outcome.status !== 'synced';
  return (
    <div className="leave-warning" role="group" aria-labelledby="sign-out-warning">
      <h3 id="sign-out-warning" ref={warning} tabIndex={-1}>
        {waiting + refused > 0 ? 'Changes will be lost' : "Coorie can't reach the server"}
      </h3>
      {waiting > 0 && (
        <p>
          <strong>
            {changes(waiting)} on {thisDevice()} {waiting === 1 ? 'has' : 'have'} not reached the server. If you sign
            out now {waiting === 1 ? 'it' : 'they'} will be lost.
          </strong>{' '}
          {whyNotSent(outcome)}
        </p>
      )}
      {refused > 0 && (
        <p>
          <strong>
            {changes(refused)} the server refused {refused === 1 ? 'is' : 'are'} kept on {thisDevice()} (listed under
            Sync). If you sign out now {refused === 1 ? 'it' : 'they'} will be lost too.
          </strong>
        </p>
      )}
      {offline && (
        <p>
          If you sign out now, Coorie removes everything from {thisDevice()} at once, and ends your sign-in on the
          server the next time {thisDevice()} is online.
        </p>
      )}
      <p>
        {waiting + refused > 0 ? 'Stay signed in to keep them.' : 'Stay signed in to try again when there is signal.'}
      </p>
      <div className="form-actions">
        <button type="button" className="button-danger" onClick={() => void leave()}>
          {waiting + refused > 0 ? 'Sign out and delete them' : 'Sign out anyway'}
        </button>
        <button type="button" className="button-secondary" onClick={() => setStep({ kind: 'idle' })}>
          Stay signed in
        </button>
      </div>
    </div>
  );
}
