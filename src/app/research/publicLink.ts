// The public questionnaire page's link to the server and its memory on the phone: the questionnaire and the
// answers are kept in localStorage, so the page works offline once opened and sends when there is signal. No
// cookie goes with either request (credentials: 'omit'); nothing here knows who is answering.
import type { PublicQuestionnaire } from '../../api/research.ts';
import type { AnswerState } from './QuestionnaireForm.tsx';

const key = (linkId: string, what: 'questionnaire' | 'answers' | 'outbox') => `coorie-answer:${linkId}:${what}`;

function read<T>(name: string): T | undefined {
  try {
    const text = localStorage.getItem(name);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(name: string, value: unknown): void {
  if (value === undefined) localStorage.removeItem(name);
  else localStorage.setItem(name, JSON.stringify(value));
}

export type LoadResult = { kind: 'ready'; questionnaire: PublicQuestionnaire } | { kind: 'problem'; message: string };

export async function loadQuestionnaire(linkId: string): Promise<LoadResult> {
  const kept = read<PublicQuestionnaire>(key(linkId, 'questionnaire'));
  try {
    const response = await fetch(`/api/public/questionnaires/${encodeURIComponent(linkId)}`, { credentials: 'omit' });
    const body = (await response.json()) as { questionnaire?: PublicQuestionnaire; error?: { message: string } };
    if (response.ok && body.questionnaire) {
      write(key(linkId, 'questionnaire'), body.questionnaire);
      return { kind: 'ready', questionnaire: body.questionnaire };
    }
    return { kind: 'problem', message: body.error?.message ?? 'This questionnaire cannot be opened.' };
  } catch {
    // No signal: the copy kept when the page was first opened.
    if (kept) return { kind: 'ready', questionnaire: kept };
    return { kind: 'problem', message: 'There is no signal. Open this link again when you have some.' };
  }
}

export const keptAnswers = (linkId: string) => read<AnswerState>(key(linkId, 'answers'));
export const keepAnswers = (linkId: string, state: AnswerState | undefined) => write(key(linkId, 'answers'), state);

interface Outgoing {
  id: string;
  version: number;
  answers: AnswerState['answers'];
  other: AnswerState['other'];
}

export type SendResult = 'sent' | 'waiting' | { problem: string };

/** Keeps the answers to send, then tries: they stay kept until the server has them. */
export async function sendAnswers(linkId: string, version: number, state: AnswerState): Promise<SendResult> {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  write(key(linkId, 'outbox'), { id, version, answers: state.answers, other: state.other } satisfies Outgoing);
  return flushAnswers(linkId);
}

/** Sends answers kept while offline; sending twice is harmless (the server knows the id). */
export async function flushAnswers(linkId: string): Promise<SendResult> {
  const outgoing = read<Outgoing>(key(linkId, 'outbox'));
  if (!outgoing) return 'sent';
  try {
    const response = await fetch(`/api/public/questionnaires/${encodeURIComponent(linkId)}/responses`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(outgoing),
    });
    if (response.ok) {
      write(key(linkId, 'outbox'), undefined);
      write(key(linkId, 'answers'), undefined);
      return 'sent';
    }
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    if (response.status >= 500 || response.status === 429) return 'waiting';
    write(key(linkId, 'outbox'), undefined);
    return { problem: body.error?.message ?? 'These answers could not be sent.' };
  } catch {
    return 'waiting';
  }
}

export const hasWaitingAnswers = (linkId: string) => read<Outgoing>(key(linkId, 'outbox')) !== undefined;
