// On the sign-in screen after too many wrong PINs wiped the device: why, in plain words. (Signing out because
// the PIN was forgotten needs no more than the sign-in screen's own "You signed out" notice.)
import { useSignOutStory } from '../../db/lock.ts';
import { MAX_WRONG_PINS } from './limits.ts';
import '../styles/lock.css';

export function LockWipeNotice() {
  if (!useSignOutStory()?.wipedByLock) return null;
  return (
    <div className="lock-notice" role="status">
      <p>
        The PIN was entered wrongly {MAX_WRONG_PINS} times in a row, so Coorie wiped its data and signed out. Nothing
        about anyone is left here. Sign in again to carry on: what was synced is safe on the server.
      </p>
    </div>
  );
}
