// First-run setup: the organisation and its first coordinator, who is signed in straight away.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { rememberSignedIn } from '../../db/account.ts';
import { useDb } from '../../db/hooks.ts';
import { setOrganisationName } from '../../db/sessions.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { Screen } from '../components/Screen.tsx';
import { NewPasswordFields } from './AccountFields.tsx';
import { createOrganisation } from './api.ts';
import { describeProblem, type Problem } from '../http/messages.ts';
import { useSetupStatus } from './useSetupStatus.ts';
import { validateSetup } from './validation.ts';
import { InputField, useForm } from '../components/form/index.ts';

const EMPTY = { organisation: '', name: '', email: '', password: '', confirm: '' };

export function SetupScreen() {
  const db = useDb();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useForm({
    initial: EMPTY,
    validate: validateSetup,
    onValid: async (values) => {
      setProblem(null);
      try {
        const user = await createOrganisation({
          organisation: values.organisation.trim(),
          name: values.name.trim(),
          email: values.email.trim(),
          password: values.password,
        });
        await rememberSignedIn(db, user);
        await setOrganisationName(db, values.organisation);
        await navigate('/', { replace: true });
      } catch (error) {
        setProblem(describeProblem(error));
      }
    },
  });

  const setup = useSetupStatus();
  if (setup === undefined) return null;
  if (setup && !setup.firstRun && !setup.openRegistration) {
    return (
      <Screen title="Coorie is already set up" className="account">
        <p>This server already has its organisation. Sign in, or ask a coordinator for an invite code.</p>
        <p>
          <Link to="/sign-in">Sign in</Link> · <Link to="/join">I have an invite code</Link>
        </p>
      </Screen>
    );
  }

  return (
    <Screen title="Set up Coorie" className="account">
      <p>You'll be the first coordinator. You can add your team once you're in.</p>
      <ProblemBox problem={problem} />
      <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <InputField label="Organisation name" autoComplete="organization" {...form.field('organisation')} />
        <InputField label="Your name" autoComplete="name" {...form.field('name')} />
        <InputField label="Email address" type="email" autoComplete="username" {...form.field('email')} />
        <NewPasswordFields label="Password" password={form.field('password')} confirm={form.field('confirm')} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {form.busy ? 'Setting up…' : 'Set up Coorie'}
        </button>
      </form>
      {setup?.demo && (
        <p>
          The demo organisation from <code>npm run seed:demo</code> stays beside yours, with its own sign-in.
        </p>
      )}
      {!(setup?.firstRun && !setup.demo) && (
        <p>
          Already set up? <Link to="/sign-in">Sign in</Link>
        </p>
      )}
    </Screen>
  );
}
