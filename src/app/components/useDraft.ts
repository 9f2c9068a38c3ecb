// Form state that is kept as a draft on the device while people type, and restored after a reload or a
// mistaken tap back. Call `discard()` once the form is saved or cancelled on purpose.
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from '../../db/drafts.ts';
import { useDb } from '../../db/hooks.ts';

const SAVE_DELAY_MS = 300;

export function useDraft<T>(key: string, initial: T) {
  const db = useDb();
  const [value, setValue] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const dirty = useRef(false);

  useEffect(() => {
    let cancelled = false;
    dirty.current = false;
    setLoaded(false);
    void loadDraft<T>(db, key).then((draft) => {
      if (cancelled) return;
      if (draft !== undefined && !dirty.current) {
        setValue(draft);
        setRestored(true);
      }
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [db, key]);

  useEffect(() => {
    if (!dirty.current) return;
    // Checked again when the timer fires: a form saved (and its draft discarded) meanwhile must not get it back.
    const timer = setTimeout(() => {
      if (dirty.current) void saveDraft(db, key, value);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [db, key, value]);

  const update = useCallback((next: T | ((current: T) => T)) => {
    dirty.current = true;
    setValue(next);
  }, []);

  const discard = useCallback(async () => {
    dirty.current = false;
    setRestored(false);
    await clearDraft(db, key);
  }, [db, key]);

  /** `restored` says a draft was brought back, so the screen can tell people ("Your unsaved changes are back"). */
  return { value, setValue: update, discard, restored, loaded };
}
