// The end of a form: what went wrong in saving, announced as it appears, then the save button and any others.
import type { ReactNode } from 'react';

export function FormActions({
  problem,
  busy,
  submit,
  children,
}: {
  /** What went wrong in saving, in plain words; nothing when all is well. */
  problem?: string | null | undefined;
  busy: boolean;
  /** The save button's words. */
  submit: ReactNode;
  /** More buttons beside it, such as Cancel. */
  children?: ReactNode;
}) {
  return (
    <>
      <div role="alert">{problem && <p className="problem">{problem}</p>}</div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {submit}
        </button>
        {children}
      </div>
    </>
  );
}
