// One person at check-in: a single big tap to check them in; once here, undo and the three toggles.
import type { Attendee } from '../../domain/attendee.ts';
import type { CheckIn } from '../../domain/checkIn.ts';
import type { CheckInToggle } from '../../db/checkIn.ts';
import type { ListItemProps } from '../components/VirtualList.tsx';

const TOGGLES: readonly { field: CheckInToggle; label: string }[] = [
  { field: 'withBaby', label: 'Baby present' },
  { field: 'childcareUsed', label: 'Childcare used' },
  { field: 'transportHelp', label: 'Transport help' },
];

export interface CheckInRowProps {
  attendee: Attendee;
  checkIn: CheckIn | undefined;
  /** A line under the name that helps tell two people apart without naming them further, e.g. a baby's age. */
  detail: string;
  onCheckIn: () => void;
  onUndo: () => void;
  onToggle: (field: CheckInToggle, value: boolean) => void;
  /** Its place in a long (windowed) list. */
  item?: ListItemProps;
}

export function CheckInRow({ attendee, checkIn, detail, onCheckIn, onUndo, onToggle, item }: CheckInRowProps) {
  // Display names only: this list is on a tablet that everyone in the room can see.
  const name = attendee.displayName ?? '';
  const detailId = `checkin-detail-${attendee.id}`;
  if (checkIn?.present !== true) {
    return (
      <li className="checkin-row" {...item}>
        {/* The name comes from the text itself ("Check in Morag"), not an aria-label, so that what is read out
            matches what is shown (WCAG 2.5.3); the baby's age is the description rather than part of the name. */}
        <button
          type="button"
          className="checkin-tap"
          aria-describedby={detail ? detailId : undefined}
          onClick={onCheckIn}
        >
          <span className="checkin-who">
            <span className="checkin-name">
              <span className="visually-hidden">Check in </span>
              {name}
            </span>
            {detail && (
              <span className="checkin-detail" id={detailId} aria-hidden="true">
                {detail}
              </span>
            )}
          </span>
          <span className="checkin-action" aria-hidden="true">
            Check in
          </span>
        </button>
      </li>
    );
  }
  return (
    <li className="checkin-row checkin-row-here" {...item}>
      <div className="checkin-here">
        <span className="checkin-who">
          <span className="checkin-name">{name}</span>
          <span className="checkin-detail">
            <span className="checkin-badge">Here</span>
            {checkIn.firstVisit === true && <span className="checkin-first">First visit</span>}
            {detail && <span>{detail}</span>}
          </span>
        </span>
        <button type="button" className="button-secondary checkin-undo" onClick={onUndo}>
          Undo<span className="visually-hidden"> check-in for {name}</span>
        </button>
      </div>
      <div className="checkin-toggles">
        {TOGGLES.map(({ field, label }) => (
          <label key={field} className="checkin-toggle">
            <input
              type="checkbox"
              checked={checkIn[field] === true}
              onChange={(event) => onToggle(field, event.target.checked)}
            />
            <span>
              <span className="visually-hidden">{name}: </span>
              {label}
            </span>
          </label>
        ))}
      </div>
    </li>
  );
}
