// What every data-protection screen shares: coordinators only, and online only, said plainly when not.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../http/request.ts';
import { describeProblem, type Problem } from '../http/messages.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import { useOnline } from '../layout/useOnline.ts';
import '../styles/privacy.css';
import { thisDevice } from '../deviceKind.ts';

export type ServerData<T> =
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'problem'; problem: Problem; status: number | undefined }
  | { state: 'ready'; data: T };

/**
 * Loads from the server when the tablet is online, and again when signal returns or `reload` is called.
 * These requests are never queued for later: the answer is only worth having now, from the server.
 */
export function useServerData<T>(load: () => Promise<T>): ServerData<T> & { reload: () => void } {
  const online = useOnline();
  const [answer, setAnswer] = useState<ServerData<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    if (!online) {
      setAnswer({ state: 'offline' });
      return;
    }
    let cancelled = false;
    setAnswer((current) => (current.state === 'ready' ? current : { state: 'loading' }));
    load().then(
      (data) => !cancelled && setAnswer({ state: 'ready', data }),
      (error: unknown) =>
        !cancelled &&
        setAnswer({
          state: 'problem',
          problem: describeProblem(error),
          status: error instanceof ApiError ? error.status : undefined,
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [online, load, round]);

  return { ...answer, reload };
}

/** The screen's frame, shown only to coordinators: others learn who can help instead. */
export function CoordinatorScreen({ title, children }: { title: string; children: ReactNode }) {
  const user = useCurrentUser();
  if (user === undefined) return <Loading />;
  if (user.role !== 'coordinator') {
    return (
      <Screen title={title} className="privacy">
        <p>Only a coordinator can do this. Ask your coordinator if someone needs it.</p>
      </Screen>
    );
  }
  return (
    <Screen title={title} className="privacy">
      {children}
    </Screen>
  );
}

/** What a screen shows instead of its data while it loads, offline, or after the server said no. */
export function NotReady({ answer, needs }: { answer: ServerData<unknown> & { reload: () => void }; needs: string }) {
  if (answer.state === 'loading') return <Loading />;
  if (answer.state === 'offline') {
    return (
      <p className="notice notice-warning" role="status">
        {thisDevice(true)} is offline. {needs} needs the server, so it only works with signal. It will load by itself
        when it is back online.
      </p>
    );
  }
  if (answer.state === 'problem') {
    return (
      <div role="alert" className="notice notice-problem">
        <p>{answer.problem.message}</p>
        <button type="button" className="button-secondary" onClick={answer.reload}>
          Try again
        </button>
      </div>
    );
  }
  return null;
}
