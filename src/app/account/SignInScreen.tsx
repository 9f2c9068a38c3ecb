// Sign-in: email, password and a name for this device. Needs a connection; a password is never checked offline.
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { rememberSignedIn } from '../../db/account.ts';
import { useDb } from '../../db/hooks.ts';
import { useSignOutStory } from '../../db/lock.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { Screen } from '../components/Screen.tsx';
import { DeviceNameField } from './AccountFields.tsx';
import { signIn } from './api.ts';
import { describeProblem, signedOutNotice, type Problem } from '../http/messages.ts';
import { useSetupStatus } from './useSetupStatus.ts';
import { validateSignIn } from './validation.ts';
import '../styles/team.css';
import { InputField, useForm } from '../components/form/index.ts';

export function SignInScreen() {
  const db = useDb();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const story = useSignOutStory();
  const form = useForm({
    initial: { email: '', password: '', device: '' },
    validate: validateSignIn,
    onValid: async (values) => {
      setProblem(null);
      try {
        const device = values.device.trim();
        const user = await signIn({ email: values.email.trim(), password: values.password, device });
        await rememberSignedIn(db, user, device);
        await navigate('/', { replace: true });
      } catch (error) {
        setProblem(describeProblem(error));
      }
    },
  });

  const setup = useSetupStatus();
  // A server with no organisation yet has nobody to sign in: its first page is setup. Offline, or with a slow
  // server, the sign-in form shows after a moment, without the setup link.
  if (setup === undefined) return null;
  if (setup?.firstRun && !setup.demo) return <Navigate to="/setup" replace />;

  return (
    <Screen title="Sign in to Coorie" className="account">
      {setup?.firstRun && (
        <div className="account-notice">
          <p>
            Only the demo organisation is on this server so far. Sign in with the demo details that{' '}
            <code>npm run seed:demo</code> printed, or <Link to="/setup">set up your own organisation</Link>.
          </p>
        </div>
      )}
      {story?.signedOut && !story.wipedByLock && (
        <div role="status" className="account-notice">
          <p>{signedOutNotice(story.signedOut.reason)}</p>
        </div>
      )}
      <ProblemBox problem={problem} />
      <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <InputField label="Email address" type="email" autoComplete="username" {...form.field('email')} />
        <InputField label="Password" type="password" autoComplete="current-password" {...form.field('password')} />
        <DeviceNameField {...form.field('device')} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {form.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New to the team? <Link to="/join">I have an invite code</Link>
      </p>
      {setup?.openRegistration && (
        <p>
          Setting Coorie up for another organisation? <Link to="/setup">Set up Coorie</Link>
        </p>
      )}
    </Screen>
  );
}
