// Bringing someone onto the team: add them with a first password, or invite them with a one-time code that
// they turn into an account themselves on the sign-in screen.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../http/request.ts';
import { describeProblem, type Problem } from '../http/messages.ts';
import { MIN_PASSWORD, type Errors } from '../account/validation.ts';
import { InputField, RadioGroup, useForm } from '../components/form/index.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { Screen } from '../components/Screen.tsx';
import { formatDateTime } from '../format.ts';
import { addMember, inviteMember, ROLE_CHOICES, type Role } from './api.ts';
import { OnlineOnly } from './OnlineOnly.tsx';
import { sameEmail, validateInvite, validateMember, type MemberField } from './validation.ts';
import '../styles/team.css';

const TAKEN = 'An account already uses that email address. Check it, or find them in the team list.';

/**
 * Form state with the server's 409 `email_taken` shown on the email field itself, until the address changes.
 */
function useMemberForm<F extends MemberField>(
  initial: Record<F, string>,
  validate: (values: Record<F, string>) => Errors<F>,
  send: (values: Record<F, string>) => Promise<void>,
) {
  const emailOf = (values: Record<F, string>) => (values as Partial<Record<MemberField, string>>).email ?? '';
  const [problem, setProblem] = useState<Problem | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const form = useForm({
    initial,
    validate: (values: Record<F, string>) => {
      const errors = validate(values);
      if (taken !== null && sameEmail(emailOf(values), taken)) (errors as Errors<MemberField>).email = TAKEN;
      return errors;
    },
    onValid: async (values: Record<F, string>) => {
      setProblem(null);
      try {
        await send(values);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'email_taken') setTaken(emailOf(values));
        else setProblem(describeProblem(error));
      }
    },
  });

  useEffect(() => {
    if (taken !== null) document.getElementById('field-email')?.focus();
  }, [taken]);

  return { form, problem };
}

export function AddMemberScreen() {
  const navigate = useNavigate();
  const { form, problem } = useMemberForm(
    { name: '', email: '', role: '', password: '' },
    validateMember,
    async (values) => {
      const name = values.name.trim();
      await addMember({ name, email: values.email.trim(), role: values.role as Role, password: values.password });
      await navigate('/settings/team', { state: { added: name } });
    },
  );

  return (
    <Screen title="Add a team member">
      <OnlineOnly offline="Accounts are made on the server, so connect to the internet to add someone.">
        <p>They can sign in straight away with their email address and the first password you choose here.</p>
        <ProblemBox problem={problem} />
        <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
          <InputField label="Name" autoComplete="off" {...form.field('name')} />
          <InputField label="Email address" type="email" autoComplete="off" {...form.field('email')} />
          <RadioGroup legend="What will they do?" options={ROLE_CHOICES} {...form.field('role')} />
          <InputField
            label="First password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD} characters. Tell them in person, never by text or email.`}
            {...form.field('password')}
          />
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={form.busy}>
              {form.busy ? 'Adding…' : 'Add to the team'}
            </button>
            <Link to="/settings/team" className="button-link button-secondary">
              Back to the team
            </Link>
          </div>
        </form>
      </OnlineOnly>
    </Screen>
  );
}

interface Invite {
  name: string;
  code: string;
  expiresAt: string;
}

/** "KP7Q2MXRWD" as "KP7Q-2MXR-WD": easier to read out over the phone. The server ignores the dashes. */
function grouped(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export function InviteScreen() {
  const [invite, setInvite] = useState<Invite | null>(null);
  return (
    <Screen title="Invite with a code">
      <OnlineOnly offline="Invite codes are made on the server, so connect to the internet to make one.">
        {invite ? <InviteCode invite={invite} onAnother={() => setInvite(null)} /> : <InviteForm onMade={setInvite} />}
      </OnlineOnly>
    </Screen>
  );
}

function InviteForm({ onMade }: { onMade: (invite: Invite) => void }) {
  const { form, problem } = useMemberForm({ name: '', email: '', role: '' }, validateInvite, async (values) => {
    const name = values.name.trim();
    const made = await inviteMember({ name, email: values.email.trim(), role: values.role as Role });
    onMade({ name, ...made });
  });
  return (
    <>
      <p>
        Coorie makes a code that works once, for a week. They use it to choose their own password, so you never need to
        know it.
      </p>
      <ProblemBox problem={problem} />
      <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <InputField label="Name" autoComplete="off" {...form.field('name')} />
        <InputField label="Email address" type="email" autoComplete="off" {...form.field('email')} />
        <RadioGroup legend="What will they do?" options={ROLE_CHOICES} {...form.field('role')} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={form.busy}>
            {form.busy ? 'Making the code…' : 'Make an invite code'}
          </button>
          <Link to="/settings/team" className="button-link button-secondary">
            Back to the team
          </Link>
        </div>
      </form>
    </>
  );
}

function InviteCode({ invite, onAnother }: { invite: Invite; onAnother: () => void }) {
  return (
    <section className="invite-code-panel" aria-labelledby="invite-code-heading">
      <h2 id="invite-code-heading" tabIndex={-1} ref={(element) => element?.focus()}>
        Invite code for {invite.name}
      </h2>
      <p className="invite-code">{grouped(invite.code)}</p>
      <p>It works once, until {formatDateTime(invite.expiresAt)}.</p>
      <p>
        Give it to {invite.name} in person or over the phone. In Coorie, on the sign-in screen, they choose “I have an
        invite code”, type the code, choose a password and name their device. Coorie will not show this code again.
      </p>
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={onAnother}>
          Invite someone else
        </button>
        <Link to="/settings/team" className="button-link button-secondary">
          Back to the team
        </Link>
      </div>
    </section>
  );
}
