// Sign-in: email, password and a name for this device. Needs a connection; a password is never checked offline.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { rememberSignedIn } from '../../db/account.ts';
import { useDb } from '../../db/hooks.ts';
import { useSignOutStory } from '../../db/lock.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { Screen } from '../components/Screen.tsx';
import { TextField } from '../components/TextField.tsx';
import { DeviceNameField } from './AccountFields.tsx';
import { useForm } from '../components/useForm.ts';
import { signIn } from './api.ts';
import { describeProblem, signedOutNotice, type Problem } from './messages.ts';
import { validateSignIn } from './validation.ts';
import '../styles/team.css';

export function SignInScreen() {
  const db = useDb();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const story = useSignOutStory();
  const form = useForm({ email: '', password: '', device: '' }, validateSignIn, async (values) => {
    setProblem(null);
    try {
      const device = values.device.trim();
      const user = await signIn({ email: values.email.trim(), password: values.password, device });
      await rememberSignedIn(db, user, device);
      await navigate('/', { replace: true });
    } catch (error) {
      setProblem(describeProblem(error));
    }
  });

  return (
    <Screen title="Sign in to Coorie" className="account">
      {story?.signedOut && !story.wipedByLock && (
        <div role="status" className="account-notice">
          <p>{signedOutNotice(story.signedOut.reason)}</p>
        </div>
      )}
      <ProblemBox problem={problem} />
      <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <TextField label="Email address" type="email" autoComplete="username" {...form.field('email')} />
        <TextField label="Password" type="password" autoComplete="current-password" {...form.field('password')} />
        <DeviceNameField {...form.field('device')} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {form.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New to the team? <Link to="/join">I have an invite code</Link>
      </p>
      <p>
        Setting Coorie up for your organisation for the first time? <Link to="/setup">Set up Coorie</Link>
      </p>
    </Screen>
  );
}
