// Locks Coorie after a spell with nobody using it. Time is measured on the clock rather than by one long
// timer, so a tablet put to sleep or a tab left in the background for longer than the spell locks as soon as
// it is looked at again.
export const IDLE_MS = 5 * 60_000;
/** How often the clock is looked at while Coorie is on screen. */
const CHECK_MS = 15_000;
/** Anything a person does with the tablet counts as using it; sync and timers do not. */
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export interface IdleWatch {
  idleMs?: number;
  onIdle: () => void;
  now?: () => number;
}

/** Starts watching; returns a function that stops. `onIdle` is called once, when the spell is over. */
export function watchIdle({ idleMs = IDLE_MS, onIdle, now = () => Date.now() }: IdleWatch): () => void {
  let lastActive = now();
  let fired = false;
  const check = () => {
    if (fired || now() - lastActive < idleMs) return;
    fired = true;
    onIdle();
  };
  const active = () => {
    check();
    if (!fired) lastActive = now();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') check();
  };
  const timer = setInterval(check, Math.min(CHECK_MS, idleMs));
  for (const type of ACTIVITY) window.addEventListener(type, active, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearInterval(timer);
    for (const type of ACTIVITY) window.removeEventListener(type, active, { capture: true });
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
