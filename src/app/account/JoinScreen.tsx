// Joining the team with the one-time invite code a coordinator made: the account's name, email address and
// role come with the invite, so the new member only chooses a password and names this tablet.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { rememberSignedIn } from '../../db/account.ts';
import { useDb } from '../../db/hooks.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { Screen } from '../components/Screen.tsx';
import { DeviceNameField, NewPasswordFields } from './AccountFields.tsx';
import { acceptInvite } from './api.ts';
import { describeProblem, type Problem } from '../http/messages.ts';
import { validateJoin } from './validation.ts';
import { InputField, useForm } from '../components/form/index.ts';

const EMPTY = { code: '', password: '', confirm: '', device: '' };

export function JoinScreen() {
  const db = useDb();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useForm({
    initial: EMPTY,
    validate: validateJoin,
    onValid: async (values) => {
      setProblem(null);
      try {
        const device = values.device.trim();
        const user = await acceptInvite({ code: values.code.trim(), password: values.password, device });
        await rememberSignedIn(db, user, device);
        await navigate('/', { replace: true });
      } catch (error) {
        setProblem(describeProblem(error));
      }
    },
  });

  return (
    <Screen title="Join your team" className="account">
      <p>Your coordinator gave you an invite code. It works once, and only for a week.</p>
      <ProblemBox problem={problem} />
      <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <InputField
          label="Invite code"
          hint="10 letters and numbers, for example KP7Q-2MXR-WD."
          autoComplete="one-time-code"
          {...form.field('code')}
        />
        <NewPasswordFields
          label="Choose a password"
          password={form.field('password')}
          confirm={form.field('confirm')}
        />
        <DeviceNameField {...form.field('device')} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {form.busy ? 'Joining…' : 'Join and sign in'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </Screen>
  );
}
