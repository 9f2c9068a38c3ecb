// Refer or signpost a person: to whom (the partners referred to lately at a tap, or any partner or directory
// entry), why, and their consent, which must be given. A follow-up ("did they get there?") then comes up on Today.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { usePersonRecord } from '../../db/people.ts';
import { makeReferral, usePartners, useRecentPartnerIds } from '../../db/referrals.ts';
import { newId } from '../../db/records.ts';
import { londonDate } from '../../domain/london.ts';
import {
  capitalise,
  CheckboxField,
  FormActions,
  InputField,
  RadioGroup,
  SelectField,
  TextAreaField,
  useForm,
} from '../components/form/index.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import { formatDay } from '../format.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { useDirectory } from '../signposting/directory.ts';
import { blankReferral, REFERRAL_FIELD_ORDER, validateReferral, type ReferralFormValues } from './referralForm.ts';
import '../styles/referrals.css';

const TYPE_OPTIONS = [
  { value: 'referral', label: 'Referral: we pass on their details' },
  { value: 'signposting', label: 'Signposting: they get in touch themselves' },
] as const;

export function ReferralFormScreen() {
  const { id = '' } = useParams();
  const person = usePersonRecord(id);
  const partners = usePartners();
  const directory = useDirectory();
  const recent = useRecentPartnerIds();
  const targets = useMemo(() => {
    if (!partners || !directory) return undefined;
    const names = new Map<string, string>();
    for (const partner of partners) names.set(`partner:${partner.id}`, partner.name ?? 'Unnamed partner');
    for (const { record } of directory) names.set(`service:${record.id}`, record.name ?? 'Unnamed service');
    return names;
  }, [partners, directory]);
  if (person === undefined || targets === undefined || recent === undefined) return <Loading />;
  if (!person || person.deleted === true) return <NotFound thing="person" back="/people" backLabel="Back to People" />;
  const shownRecent = recent.filter((target) => targets.has(target));
  return (
    <ReferralForm
      personId={person.id}
      name={person.displayName ?? ''}
      targets={targets}
      partnerCount={partners?.length ?? 0}
      recent={shownRecent}
    />
  );
}

function ReferralForm({
  personId,
  name,
  targets,
  partnerCount,
  recent,
}: {
  personId: string;
  name: string;
  targets: ReadonlyMap<string, string>;
  partnerCount: number;
  recent: readonly string[];
}) {
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const today = londonDate(new Date());
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<ReferralFormValues, (typeof REFERRAL_FIELD_ORDER)[number]>({
    draftKey: `referral:${personId}`,
    initial: blankReferral(today, recent[0] ?? ''),
    validate: (values) => validateReferral(values, today),
    order: () => REFERRAL_FIELD_ORDER,
    onValid: save,
  });

  async function save(values: ReferralFormValues) {
    setProblem(null);
    try {
      await makeReferral(
        db,
        newId(),
        { attendeeId: personId, ...values, toName: targets.get(values.target) ?? '' },
        user?.id ?? '',
      );
      await form.discard();
      const when = values.followUpDue === today ? 'today' : `on ${formatDay(values.followUpDue)}`;
      await navigate(`/people/${encodeURIComponent(personId)}`, {
        replace: true,
        state: { message: `Saved. “Did they get there?” comes up on Today ${when}.` },
      });
    } catch {
      setProblem('The referral could not be saved on this device. Try again; what you typed is kept.');
    }
  }

  async function leave() {
    await form.discard();
    await navigate(`/people/${encodeURIComponent(personId)}`);
  }

  const title = `Refer or signpost ${name}`;
  const choices = [...targets].map(([value, label]) => ({
    value,
    label: value.startsWith('service:') ? `${label} (signposting directory)` : label,
  }));
  const targetError = form.shown('target');
  if (!form.loaded) return <Loading />;
  return (
    <Screen title={title} className="referral-form-screen">
      <form noValidate onSubmit={(event) => void form.onSubmit(event)} aria-label={title}>
        {recent.length > 0 && (
          <RadioGroup
            id="referral-recent"
            name="target"
            legend="Referred to lately"
            options={recent.map((value) => ({ value, label: targets.get(value) ?? value }))}
            value={recent.includes(form.values.target) ? form.values.target : ''}
            onChange={(value) => form.set('target', value)}
          />
        )}
        <SelectField
          id="field-target"
          name="target"
          label={recent.length > 0 ? 'Or choose another' : 'To whom'}
          hint={
            partnerCount === 0 ? (
              <>
                No partners yet: choose from the signposting directory, or ask a coordinator to add your local partners
                in <Link to="/settings/partners">Partners</Link>.
              </>
            ) : undefined
          }
          placeholder="Choose a partner or service"
          choices={choices}
          value={form.values.target}
          error={targetError}
          onChange={(value) => form.set('target', value)}
          onBlur={() => form.touch('target')}
        />
        <RadioGroup
          id="referral-type"
          name="type"
          legend="What kind"
          options={TYPE_OPTIONS}
          value={form.values.type}
          onChange={(value) => form.set('type', value)}
        />
        <TextAreaField
          label="Why (optional)"
          hint="A line for whoever follows it up. Only the team sees it; it is kept locked on the device."
          rows={3}
          {...form.field('reason')}
        />
        <CheckboxField
          {...form.checkbox('consent')}
          label={`${capitalise(name || 'they')} said yes to this`}
          hint="Ask first, in their words. Do not refer without their yes (in an emergency, see Signposting)."
        />
        <InputField label="What they agreed to" {...form.field('consentWording')} />
        <InputField label="Ask whether they got there on" type="date" {...form.field('followUpDue')} />
        <FormActions problem={problem} busy={form.busy} submit="Save referral" onCancel={leave} />
      </form>
    </Screen>
  );
}
