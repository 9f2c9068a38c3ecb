// The routes of the plan editor: sessions/new (optionally ?from=<id>) and sessions/:id/edit.
import { useParams, useSearchParams } from 'react-router';
import { useRecord } from '../../db/hooks.ts';
import { Loading, NotFound } from '../components/Screen.tsx';
import { PlanEditor, initialPlan } from './PlanEditor.tsx';
import { planFromSession } from './planForm.ts';

export function SessionNotFound() {
  return (
    <NotFound
      thing="session"
      back="/sessions"
      backLabel="Back to sessions"
      why="It may have been deleted, or not synced here yet."
    />
  );
}

export function NewSessionScreen() {
  const [params] = useSearchParams();
  const fromId = params.get('from') ?? undefined;
  const from = useRecord('session', fromId);
  if (fromId && from === undefined) return <Loading />;
  const previous = from ?? undefined;
  return (
    <PlanEditor
      key={fromId ?? 'new'}
      draftKey={fromId ? `session-plan:new-from:${fromId}` : 'session-plan:new'}
      initial={initialPlan(previous, new Date())}
    />
  );
}

export function EditSessionScreen() {
  const { id = '' } = useParams();
  const row = useRecord('session', id);
  if (row === undefined) return <Loading />;
  if (row === null) return <SessionNotFound />;
  return <PlanEditor key={id} session={row} draftKey={`session-plan:${id}`} initial={planFromSession(row)} />;
}
