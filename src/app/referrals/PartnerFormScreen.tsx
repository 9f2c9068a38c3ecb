// Add a partner organisation, or correct one. Coordinators keep the list; others read it.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDb, useRecord } from '../../db/hooks.ts';
import { newId } from '../../db/records.ts';
import { savePartner } from '../../db/referrals.ts';
import { PARTNER_TYPES } from '../../domain/partner.ts';
import {
  DraftNotice,
  FormActions,
  InputField,
  optionsOf,
  RadioGroup,
  TextAreaField,
  useForm,
} from '../components/form/index.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import {
  blankPartner,
  formToPartner,
  PARTNER_FIELD_ORDER,
  partnerToForm,
  validatePartner,
  type PartnerFormValues,
} from './partnerForm.ts';
import '../styles/referrals.css';

export function PartnerFormScreen() {
  const { id } = useParams();
  const user = useCurrentUser();
  const partner = useRecord('partner', id);
  if (user?.role !== 'coordinator') {
    return (
      <Screen title="Partners">
        <p>Coordinators keep the list of partners. Ask yours to add or correct one.</p>
      </Screen>
    );
  }
  if (!id) return <PartnerForm initial={blankPartner()} />;
  if (partner === undefined) return <Loading />;
  if (partner === null || partner.deleted === true) {
    return <NotFound thing="partner" back="/settings/partners" backLabel="Back to Partners" />;
  }
  return <PartnerForm key={partner.id} editingId={partner.id} initial={partnerToForm(partner)} />;
}

function PartnerForm({ editingId, initial }: { editingId?: string; initial: PartnerFormValues }) {
  const db = useDb();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<PartnerFormValues, (typeof PARTNER_FIELD_ORDER)[number]>({
    draftKey: editingId ? `partner:${editingId}` : 'partner:new',
    initial,
    validate: validatePartner,
    order: () => PARTNER_FIELD_ORDER,
    onValid: save,
  });

  async function save(values: PartnerFormValues) {
    setProblem(null);
    try {
      await savePartner(db, editingId ?? newId(), formToPartner(values), user?.id ?? '');
      await form.discard();
      await navigate('/settings/partners', { replace: true });
    } catch {
      setProblem('The partner could not be saved on this device. Try again; what you typed is kept.');
    }
  }

  async function leave() {
    await form.discard();
    await navigate('/settings/partners');
  }

  async function remove() {
    if (!editingId) return;
    await savePartner(db, editingId, { deleted: true }, user?.id ?? '');
    await leave();
  }

  const title = editingId ? `Edit “${initial.name || 'partner'}”` : 'Add a partner';
  if (!form.loaded) return <Loading />;
  return (
    <Screen title={title} className="partner-form-screen">
      <DraftNotice restored={form.restored} onStartAgain={form.reset} />
      <form noValidate onSubmit={(event) => void form.onSubmit(event)} aria-label={title}>
        <InputField label="Name" hint="Like “Elgin Health Visiting Team”" {...form.field('name')} />
        <RadioGroup
          id="field-type"
          name="type"
          legend="Kind of organisation"
          options={optionsOf(PARTNER_TYPES)}
          value={form.values.type as (typeof PARTNER_TYPES)[number] | ''}
          error={form.shown('type')}
          onChange={(value) => form.set('type', value)}
        />
        <InputField
          label="Phone"
          type="tel"
          inputMode="tel"
          hint="Leave empty if there is none."
          {...form.field('phone')}
        />
        <InputField label="Email" type="email" {...form.field('email')} />
        <InputField label="Website" type="url" inputMode="url" hint="Like www.example.org" {...form.field('web')} />
        <InputField label="Area" hint="Like Elgin, Forres or Moray" {...form.field('locality')} />
        <TextAreaField
          label="Who to ask for"
          hint="Work contacts there, one a line: name, role, work phone."
          rows={3}
          {...form.field('contacts')}
        />
        <TextAreaField
          label="Notes"
          hint="How to refer, opening hours, what they need from us."
          rows={3}
          {...form.field('notes')}
        />
        <FormActions
          problem={problem}
          busy={form.busy}
          submit={editingId ? 'Save changes' : 'Add partner'}
          onCancel={leave}
        />
      </form>
      {editingId && (
        <section aria-labelledby="partner-remove" className="service-remove">
          <h2 id="partner-remove">Remove from the list</h2>
          <p>Referrals already made to it keep its name.</p>
          <button type="button" className="button-secondary" onClick={() => void remove()}>
            Remove this partner
          </button>
        </section>
      )}
    </Screen>
  );
}
