// A server or network problem in plain words, announced as soon as it appears.
import { Link } from 'react-router';
import type { Problem } from '../http/messages.ts';

export function ProblemBox({ problem }: { problem: Problem | null }) {
  return (
    <div role="alert" className={problem ? 'problem' : undefined}>
      {problem && (
        <p>
          {problem.message}
          {problem.offerSignIn && (
            <>
              {' '}
              <Link to="/sign-in">Go to sign in</Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}
