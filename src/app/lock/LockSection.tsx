// The app lock's part of Settings: lock now (before putting the tablet down), and change the PIN.
import { Link } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { lockApp } from '../../db/lock.ts';
import { thisDevice } from '../deviceKind.ts';
import { IDLE_MS } from './idle.ts';

export function LockSection() {
  const db = useDb();
  return (
    <section aria-labelledby="settings-lock">
      <h2 id="settings-lock">App lock</h2>
      <p>
        Coorie locks itself whenever it opens and after {IDLE_MS / 60_000} minutes without use. Your PIN unlocks it on
        {thisDevice()}.
      </p>
      <p>
        <button type="button" className="button-secondary" onClick={() => void lockApp(db)}>
          Lock now
        </button>{' '}
        <Link to="/settings/pin">Change PIN</Link>
      </p>
    </section>
  );
}
