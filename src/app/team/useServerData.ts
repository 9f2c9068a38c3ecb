// Loads a list that lives only on the server (the team, the devices) and says plainly when it can't.
import { useCallback, useEffect, useState } from 'react';
import { describeProblem, type Problem } from '../http/messages.ts';

export interface ServerData<T> {
  /** `undefined` while loading (and after a failure). */
  data: T | undefined;
  problem: Problem | null;
  reload: () => void;
}

export function useServerData<T>(load: () => Promise<T>): ServerData<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let cancelled = false;
    load().then(
      (loaded) => {
        if (cancelled) return;
        setData(loaded);
        setProblem(null);
      },
      (error: unknown) => {
        if (cancelled) return;
        setData(undefined);
        setProblem(describeProblem(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [load, round]);

  const reload = useCallback(() => setRound((current) => current + 1), []);
  return { data, problem, reload };
}
