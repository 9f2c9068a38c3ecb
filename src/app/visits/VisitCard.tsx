// One visit in the list: who, what kind, when, and an unmissable line when nobody has been marked safe.
import { Link } from 'react-router';
import type { Visit } from '../../domain/visit.ts';
import {
  isNotStarted,
  minutesInWords,
  minutesPastFinish,
  visitState,
  type VisitState,
} from '../../domain/visitTiming.ts';
import { formatDateTime } from '../format.ts';
import { VISIT_KIND_LABELS } from './visitForm.ts';

const STATE_LABELS: Record<VisitState, string> = {
  scheduled: 'Booked',
  'in progress': 'Under way',
  'due to finish': 'Due to finish',
  overdue: 'Not yet marked safe',
  done: 'Left safely',
  cancelled: 'Cancelled',
};

function overdueText(visit: Visit, now: Date): string {
  return `Not yet marked safe — ${minutesInWords(minutesPastFinish(visit, now))} past`;
}

interface VisitCardProps {
  visit: Visit;
  personName: string;
  now: Date;
  /** Minutes past the expected finish before the visit is overdue (the organisation's visit grace period). */
  grace?: number;
  mine: boolean;
  /** A coordinator sees a colleague's visit whose start has passed with no arrival as not started or not synced. */
  coordinator?: boolean;
}

export function VisitCard({ visit, personName, now, grace, mine, coordinator = false }: VisitCardProps) {
  const state = visitState(visit, now, grace);
  const kind = visit.kind ? VISIT_KIND_LABELS[visit.kind] : 'Visit';
  return (
    <li className={`visit-card visit-${state.replaceAll(' ', '-')}`}>
      <Link to={`/visits/${visit.id}`} className="visit-link">
        <span className="visit-card-title">
          {kind} with {personName}
        </span>
        <span className="visit-card-meta">
          {visit.at && <time dateTime={visit.at}>{formatDateTime(visit.at, now.getTime())}</time>}
          {!mine && ' · another supporter'}
        </span>
        {state === 'overdue' ? (
          <strong className="visit-card-alert">{overdueText(visit, now)}</strong>
        ) : coordinator && !mine && isNotStarted(visit, now) ? (
          <span className="visit-state visit-not-started">Not started or not synced</span>
        ) : (
          <span className="visit-state">{STATE_LABELS[state]}</span>
        )}
      </Link>
    </li>
  );
}
