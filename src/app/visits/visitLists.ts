// How the Visits list is grouped: what needs someone now at the top, then what is coming, then what is done.
import type { SignedInUser } from '../../db/meta.ts';
import type { Visit } from '../../domain/visit.ts';
import { visitState } from '../../domain/visitTiming.ts';

export interface VisitGroup {
  title: string;
  visits: Visit[];
}

/** Done and cancelled visits shown at most; older ones stay on the person's profile. */
export const RECENT_DONE = 20;

const byTime = (a: Visit, b: Visit) => (a.at ?? '').localeCompare(b.at ?? '');

export function groupVisits(visits: readonly Visit[], user: SignedInUser, now: Date, grace?: number): VisitGroup[] {
  const live = visits.filter((visit) => visit.deleted !== true).toSorted(byTime);
  const stateOf = (visit: Visit) => visitState(visit, now, grace);
  const finished = (visit: Visit) => stateOf(visit) === 'done' || stateOf(visit) === 'cancelled';
  const underWay = (visit: Visit) => ['in progress', 'due to finish'].includes(stateOf(visit));
  const recentDone = (list: Visit[]) => list.filter(finished).reverse().slice(0, RECENT_DONE);

  let groups: VisitGroup[];
  if (user.role === 'coordinator') {
    // A coordinator answers for everyone's safety: every overdue visit first, whoever it belongs to.
    groups = [
      { title: 'Not yet marked safe', visits: live.filter((visit) => stateOf(visit) === 'overdue') },
      { title: 'Under way', visits: live.filter(underWay) },
      { title: 'Coming up', visits: live.filter((visit) => stateOf(visit) === 'scheduled') },
      { title: 'Done and cancelled', visits: recentDone(live) },
    ];
  } else {
    const mine = live.filter((visit) => visit.supporterId === user.id);
    const others = live.filter((visit) => visit.supporterId !== user.id);
    groups = [
      { title: 'Your visits now', visits: mine.filter((visit) => stateOf(visit) === 'overdue' || underWay(visit)) },
      { title: 'Your visits coming up', visits: mine.filter((visit) => stateOf(visit) === 'scheduled') },
      { title: 'Team visits', visits: others.filter((visit) => !finished(visit)) },
      { title: 'Your done and cancelled visits', visits: recentDone(mine) },
    ];
  }
  return groups.filter((group) => group.visits.length > 0);
}
