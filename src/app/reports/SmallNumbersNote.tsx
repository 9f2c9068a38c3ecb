// The note under a printed summary's headlines saying how small numbers are kept back, in the same words
// wherever figures are printed; each summary names what it counted from and what a small count is of.
import type { ReactNode } from 'react';
import { KEPT_BACK } from '../../domain/reports/index.ts';
import { SMALL } from '../../domain/reports/suppress.ts';

interface Props {
  /** What the figures were counted from: "the records", "the answers". */
  source: string;
  /** What a small count is a count of: "people", "answers". */
  of: string;
  /** What else a small count may be of, said as "…, or of their attendances or notes,". */
  orOf?: string;
  /** Said after the rule, when the summary has more to say about what it leaves out. */
  children?: ReactNode;
}

export function SmallNumbersNote({ source, of, orOf, children }: Props) {
  return (
    <p className="report-note">
      Counted from {source} on this device. So that no one in a small community can be picked out, any count of fewer
      than {SMALL} {of}
      {orOf && `, or of ${orOf},`} is shown as “&lt;{SMALL}”, and so are shares and averages worked out from them. A
      figure that, taken from a total, would give such a count away shows as “{KEPT_BACK}”.
      {children && <> {children}</>}
    </p>
  );
}
