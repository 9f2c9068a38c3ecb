// Says that a draft was brought back, so nobody wonders where the words came from.
export function DraftNotice({
  restored,
  onStartAgain,
  children = 'Your unsaved changes are back.',
}: {
  restored: boolean;
  /** Offers "Start again", back to the form's starting values. */
  onStartAgain?: () => void;
  children?: string;
}) {
  return (
    <div role="status" className="form-status">
      {restored && (
        <div className="draft-notice">
          <p>{children}</p>
          {onStartAgain && (
            <button type="button" className="button-secondary" onClick={onStartAgain}>
              Start again
            </button>
          )}
        </div>
      )}
    </div>
  );
}
