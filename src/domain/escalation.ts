// What a volunteer does when a concern is urgent: the steps in order, and what the law lets them share.
import type { Note } from './note.ts';

export interface EscalationStep {
  title: string;
  detail: string;
  /** Directory entries (starter ids) to show as call buttons beside this step. */
  serviceIds: readonly string[];
}

/** Read top to bottom: the first step that applies comes first. */
export const ESCALATION_STEPS: readonly EscalationStep[] = [
  {
    title: 'If anyone’s life is in danger, call 999 now',
    detail:
      'Someone has seriously hurt themselves or is about to, a baby is very unwell, or you fear for someone’s safety right now. Stay with them if it is safe for you to do so.',
    serviceIds: ['starter-emergency-999'],
  },
  {
    title: 'Keep yourself and others safe',
    detail:
      'On a home visit, leave if you feel unsafe and call from outside. In a group, ask another facilitator to look after the room so that one of you can stay with the person.',
    serviceIds: [],
  },
  {
    title: 'Be honest: never promise to keep it secret',
    detail:
      'Say kindly that you are worried and that you cannot keep this to yourself. For example: “I’m really glad you told me. Because I’m worried about your safety, I need to talk to my coordinator. Can we work out together what happens next?” Where you can, tell them who you will tell and why.',
    serviceIds: [],
  },
  {
    title: 'Phone your coordinator now',
    detail:
      'Don’t wait until after the session or leave a message and hope. If you cannot reach them, use the contacts below yourself: they would rather you acted.',
    serviceIds: [],
  },
  {
    title: 'If a child or an adult may be at risk of harm, tell social work',
    detail:
      'For a child: the Children and Family Access Team in office hours, or the out-of-hours social work service. For an adult: the Community Care Access Team. If it is not an emergency but the police need to know: 101.',
    serviceIds: [
      'starter-moray-child-protection',
      'starter-out-of-hours-social-work',
      'starter-moray-adult-protection',
      'starter-police-101',
    ],
  },
  {
    title: 'Offer support lines',
    detail:
      'For someone struggling but not in immediate danger, offer to sit with them while they call, or give them the numbers to keep.',
    serviceIds: ['starter-nhs-24', 'starter-samaritans', 'starter-breathing-space', 'starter-pandas'],
  },
  {
    title: 'Write it down today',
    detail:
      'In the note: what you saw and heard (their words where you can), what you did, who you told and when. Facts, not opinions. Keep the concern marked urgent until your coordinator has picked it up.',
    serviceIds: [],
  },
];

/** Data protection law, phrased for volunteers (Data Protection Act 2018, Schedule 1, paragraph 18). */
export const SHARING_TO_PROTECT =
  'The law allows you to share information about someone’s health or circumstances without their agreement when that is needed to protect a child or an adult at risk (Data Protection Act 2018, Schedule 1, paragraph 18). Ask for their agreement first unless asking would put someone at more risk or cause a harmful delay. Share only what is needed, only with those who need it (your coordinator, social work, the police, the NHS), and write down what you shared, with whom and why.';

export const NEVER_PROMISE_CONFIDENTIALITY =
  'Never promise to keep something secret. You can promise to be honest about what you will do with it.';

/** Urgent opens the escalation screen at once. */
export function opensEscalation(note: Pick<Note, 'concern'>): boolean {
  return note.concern === 'urgent';
}
