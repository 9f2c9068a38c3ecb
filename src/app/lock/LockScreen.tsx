// The lock: the whole screen, nothing about anyone on it, a big keypad for one hand (typing works too), and a
// way out for someone who has forgotten their PIN. Sync carries on underneath.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useDb, useOutboxCount } from '../../db/hooks.ts';
import { forgetTypedPins, prepareUnlock } from '../../db/keyring.ts';
import { thisDevice } from '../deviceKind.ts';
import { useAutoSync } from '../sync/SyncContext.ts';
import {
  MAX_WRONG_PINS,
  PIN_MAX,
  PIN_MIN,
  startReadAhead,
  unlockWithPin,
  WARN_FROM,
  wipeAndSignOut,
  type EarlyRead,
  type PinCheck,
  type ReadAhead,
} from './pin.ts';
import '../styles/lock.css';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function wrongPinMessage(result: PinCheck, failures: number): string {
  if (result.outcome !== 'wrong') return '';
  if (failures < WARN_FROM) return 'That PIN is not right. Try again.';
  const tries = result.triesLeft === 1 ? '1 try' : `${result.triesLeft} tries`;
  return `That PIN is not right. ${tries} left before Coorie wipes its data from ${thisDevice()}.`;
}

/** `readAhead`: what will show once unlocked, read while the PIN is checked (unlockWithPin). */
export function LockScreen({ readAhead }: { readAhead?: ReadAhead }) {
  const db = useDb();
  useAutoSync();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = 'Locked — Coorie';
    heading.current?.focus();
  }, []);

  // Unlock's PBKDF2 starts as soon as the PIN could be whole, and again as it changes, and what Today will show is
  // read meanwhile, so that Unlock has little left to wait for. Whether the PIN is right is still only known, and
  // counted, on Unlock, and the read is kept only if it is.
  const early = useRef<EarlyRead | undefined>(undefined);
  useEffect(() => {
    if (pin.length < PIN_MIN) return;
    prepareUnlock(db, pin);
    if (readAhead) early.current ??= startReadAhead(db, readAhead);
  }, [db, pin, readAhead]);
  useEffect(
    () => () => {
      forgetTypedPins();
      early.current?.settle(false);
    },
    [],
  );

  const add = (digit: string) => setPin((current) => (current.length < PIN_MAX ? current + digit : current));
  const removeLast = () => setPin((current) => current.slice(0, -1));

  async function unlock(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (busy) return;
    if (pin === '') {
      setMessage('Type your PIN, then Unlock.');
      return;
    }
    setBusy(true);
    try {
      const reading = early.current;
      early.current = undefined;
      const result = await unlockWithPin(db, pin, readAhead, reading);
      // Right: the gate opens the app. Wiped: the sign-in screen takes over and says why.
      if (result.outcome !== 'wrong') return;
      setPin('');
      setMessage(wrongPinMessage(result, MAX_WRONG_PINS - result.triesLeft));
    } finally {
      setBusy(false);
    }
  }

  // Typing works wherever focus is, without having to find the field first (and without the on-screen
  // keyboard covering the keypad on a tablet).
  const typing = useRef({ add, removeLast, unlock });
  typing.current = { add, removeLast, unlock };
  useEffect(() => {
    if (forgotten) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.tagName === 'INPUT' || target?.tagName === 'BUTTON' || event.ctrlKey || event.metaKey) return;
      if (/^\d$/.test(event.key)) typing.current.add(event.key);
      else if (event.key === 'Backspace') typing.current.removeLast();
      else if (event.key === 'Enter') void typing.current.unlock();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [forgotten]);

  if (forgotten) return <ForgotPin onCancel={() => setForgotten(false)} />;

  return (
    <main id="main" className="lock-main lock-screen">
      <p className="account-brand" aria-hidden="true">
        Coorie
      </p>
      <h1 ref={heading} tabIndex={-1}>
        Coorie is locked
      </h1>
      <p>Enter your PIN to carry on.</p>
      <form className="lock-form" onSubmit={(event) => void unlock(event)} noValidate>
        <div className={message ? 'field field-invalid' : 'field'}>
          <label htmlFor="lock-pin">PIN</label>
          <div role="alert">
            {message && (
              <p className="field-error" id="lock-pin-error">
                <span className="visually-hidden">Error: </span>
                {message}
              </p>
            )}
          </div>
          <input
            id="lock-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            className="pin-input"
            maxLength={PIN_MAX}
            value={pin}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? 'lock-pin-error' : undefined}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, PIN_MAX))}
          />
        </div>
        <div className="keypad" role="group" aria-label="Keypad">
          {KEYS.map((digit) => (
            <button key={digit} type="button" className="keypad-key" onClick={() => add(digit)}>
              {digit}
            </button>
          ))}
          <button
            type="button"
            className="keypad-key keypad-delete"
            onClick={removeLast}
            aria-label="Delete last digit"
          >
            <span aria-hidden="true">⌫</span>
          </button>
          <button type="button" className="keypad-key" onClick={() => add('0')}>
            0
          </button>
          <button type="submit" className="keypad-key keypad-unlock" disabled={busy}>
            {busy ? 'Checking…' : 'Unlock'}
          </button>
        </div>
      </form>
      <p className="lock-forgot">
        <button type="button" className="lock-text-button" onClick={() => setForgotten(true)}>
          Forgot PIN? Sign out
        </button>
      </p>
    </main>
  );
}

function ForgotPin({ onCancel }: { onCancel: () => void }) {
  const db = useDb();
  const waiting = useOutboxCount();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = 'Forgot your PIN? — Coorie';
    heading.current?.focus();
  }, []);

  async function signOutAndWipe() {
    setBusy(true);
    try {
      await wipeAndSignOut(db, 'forgot-pin');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="lock-main">
      <p className="account-brand" aria-hidden="true">
        Coorie
      </p>
      <h1 ref={heading} tabIndex={-1}>
        Forgot your PIN?
      </h1>
      <p>
        Without the PIN, the only way back in is to sign out. Signing out wipes everything Coorie keeps on{' '}
        {thisDevice()}. Then sign in again with your email and password, and choose a new PIN.
      </p>
      {waiting !== undefined && waiting > 0 ? (
        <p className="problem">
          {waiting === 1 ? '1 change' : `${waiting} changes`} on {thisDevice()} {waiting === 1 ? 'has' : 'have'} not
          been synced yet and will be lost. If you can, wait until {thisDevice()} has signal and Coorie has synced.
        </p>
      ) : (
        <p>Nothing is waiting to sync, so no work will be lost.</p>
      )}
      <div className="lock-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={() => void signOutAndWipe()}>
          {busy ? 'Signing out…' : `Sign out and wipe Coorie from ${thisDevice()}`}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Back to the lock
        </button>
      </div>
    </main>
  );
}
