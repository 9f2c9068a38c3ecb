// The rules of volunteering records: what is due (training to renew, PVG membership to renew or lapsed). Pure:
// dates are London calendar dates. Hours given are counted apart (volunteerHours.ts): Today loads these rules.
import { addDays } from 'date-fns';
import { CALENDAR, calendarDate } from './london.ts';
import type { Pvg } from './pvg.ts';
import type { Training } from './training.ts';

/** One PVG record per member, so that two coordinators recording it offline make one record. */
export function pvgId(memberId: string): string {
  return `pvg:${memberId}`;
}

/** How far ahead a renewal shows as due. */
export const DUE_WITHIN_DAYS = 30;
export type DueState = 'expired' | 'due';

/** The last London date counted as due when today is `today`. */
export function dueHorizon(today: string): string {
  return addDays(calendarDate(today), DUE_WITHIN_DAYS, { in: CALENDAR }).toISOString().slice(0, 10);
}

/** A renewal date's state: past (expired), within the next 30 days (due), or neither. */
export function renewalState(renewBy: string | undefined, today: string): DueState | undefined {
  if (!renewBy) return undefined;
  if (renewBy < today) return 'expired';
  return renewBy <= dueHorizon(today) ? 'due' : undefined;
}

/**
 * A member's PVG state: expired when the organisation recorded the membership lapsed or its renewal date has
 * passed; due when renewal falls within 30 days. "Applied" and "not a member" are not warnings in themselves:
 * whether a role needs membership is the coordinator's call, and the screen shows the status.
 */
export function pvgState(pvg: Pvg | undefined, today: string): DueState | undefined {
  if (!pvg || pvg.deleted) return undefined;
  if (pvg.status === 'lapsed') return 'expired';
  if (pvg.status !== 'member') return undefined;
  return renewalState(pvg.renewBy, today);
}

/** A training's state: only courses with a renewal date fall due. */
export function trainingState(training: Training, today: string): DueState | undefined {
  return training.deleted ? undefined : renewalState(training.renewBy, today);
}

export interface DueItem {
  memberId: string;
  what: 'training' | 'pvg';
  /** The course, for training. */
  name?: string;
  state: DueState;
  renewBy?: string;
}

/**
 * What is due for the team, expired first, then by date: what Today shows a coordinator. `trainings` must hold
 * every training record of the members concerned, so that a course renewed since is not shown as due.
 */
export function dueItems(trainings: readonly Training[], pvgs: readonly Pvg[], today: string): DueItem[] {
  const items: DueItem[] = [];
  const byMember = new Map<string, Training[]>();
  for (const training of trainings) {
    const member = training.memberId ?? '';
    byMember.set(member, [...(byMember.get(member) ?? []), training]);
  }
  for (const training of [...byMember.values()].flatMap(currentTraining)) {
    const state = trainingState(training, today);
    if (state && training.memberId) {
      items.push({
        memberId: training.memberId,
        what: 'training',
        name: training.name ?? 'Training',
        state,
        renewBy: training.renewBy,
      });
    }
  }
  for (const pvg of pvgs) {
    const state = pvgState(pvg, today);
    if (state && pvg.memberId) {
      items.push({ memberId: pvg.memberId, what: 'pvg', state, ...(pvg.renewBy ? { renewBy: pvg.renewBy } : {}) });
    }
  }
  const rank = (item: DueItem) => (item.state === 'expired' ? 0 : 1);
  return items.sort((a, b) => rank(a) - rank(b) || (a.renewBy ?? '').localeCompare(b.renewBy ?? ''));
}

/** Of a member's training, the latest record of each course (a renewal supersedes the one it renews). */
export function currentTraining(trainings: readonly Training[]): Training[] {
  const latest = new Map<string, Training>();
  for (const training of trainings) {
    if (training.deleted || !training.name) continue;
    const key = training.name.trim().toLocaleLowerCase('en-GB');
    const held = latest.get(key);
    if (!held || (training.completedOn ?? '') > (held.completedOn ?? '')) latest.set(key, training);
  }
  return [...latest.values()];
}
