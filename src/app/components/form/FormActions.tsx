// The end of a form: what went wrong in saving, announced as it appears, then the save button, Cancel and others.
import type { ReactNode } from 'react';

export function FormActions({
  problem,
  busy,
  submit,
  onCancel,
  children,
}: {
  /** What went wrong in saving, in plain words; nothing when all is well. */
  problem?: string | null | undefined;
  busy: boolean;
  /** The save button's words. */
  submit: ReactNode;
  /** Gives a Cancel button beside it, which does this. */
  onCancel?: () => Promise<void> | void;
  /** More buttons beside it, such as "Skip". */
  children?: ReactNode;
}) {
  return (
    <>
      <div role="alert">{problem && <p className="problem">{problem}</p>}</div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {submit}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={() => void onCancel()}>
            Cancel
          </button>
        )}
        {children}
      </div>
    </>
  );
}
