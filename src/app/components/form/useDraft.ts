// Form state that is kept as a draft on the device while people type, and restored after a reload or a
// mistaken tap back. Call `discard()` once the form is saved or cancelled on purpose. Without a key it is
// plain state: nothing is kept, and it is loaded at once.
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from '../../../db/drafts.ts';
import { DbContext } from '../../../db/hooks.ts';

const SAVE_DELAY_MS = 300;

export function useDraft<T>(key: string | undefined, initial: T) {
  const db = useContext(DbContext);
  const [value, setValue] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const [loaded, setLoaded] = useState(key === undefined);
  const dirty = useRef(false);
  if (key !== undefined && !db) throw new Error('A draft needs a <DbContext.Provider> above it');

  useEffect(() => {
    if (key === undefined || !db) return;
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
    if (key === undefined || !db || !dirty.current) return;
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
    if (key !== undefined && db) await clearDraft(db, key);
  }, [db, key]);

  /** `restored` says a draft was brought back, so the screen can tell people ("Your unsaved changes are back"). */
  return { value, setValue: update, discard, restored, loaded };
}
