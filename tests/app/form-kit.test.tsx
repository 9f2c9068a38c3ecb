import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  CheckboxField,
  DraftNotice,
  FormActions,
  InputField,
  RadioGroup,
  useForm,
} from '../../src/app/components/form/index.ts';
import { loadDraft } from '../../src/db/drafts.ts';
import { DbContext } from '../../src/db/hooks.ts';
import { freshDb } from './helpers.tsx';

interface Values {
  name: string;
  when: string;
  kind: string;
  ok: boolean;
}

const EMPTY: Values = { name: '', when: '', kind: '', ok: false };

function validate(values: Values) {
  return {
    name: values.name.trim() ? undefined : 'Enter a name.',
    kind: values.kind ? undefined : 'Choose a kind.',
  };
}

function Form({ draftKey, onSaved }: { draftKey?: string; onSaved: (values: Values) => void }) {
  const form = useForm({ draftKey, initial: EMPTY, validate, onValid: async (values) => onSaved(values) });
  if (!form.loaded) return <p>Loading…</p>;
  return (
    <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
      <DraftNotice restored={form.restored} onStartAgain={form.reset} />
      <InputField label="Name" hint="A first name" {...form.field('name')} />
      <InputField label="When" type="date" {...form.field('when')} />
      <RadioGroup
        legend="Kind"
        options={[
          { value: 'group', label: 'Group' },
          { value: 'visit', label: 'Visit' },
        ]}
        {...form.field('kind')}
      />
      <CheckboxField label="OK to text" {...form.checkbox('ok')} />
      <FormActions busy={form.busy} submit="Save" />
    </form>
  );
}

describe('the form kit', () => {
  it('says what to fix once a field is left or the form sent, and takes people to the first field to fix', async () => {
    const saved: Values[] = [];
    render(<Form onSaved={(values) => saved.push(values)} />);
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAccessibleDescription('A first name');
    expect(name).not.toHaveAttribute('aria-invalid');

    await user.click(name);
    await user.tab();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('A first name Error: Enter a name.');
    expect(screen.getByRole('group', { name: 'Kind' })).not.toHaveAccessibleDescription();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(name).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Kind' })).toHaveAccessibleDescription('Error: Choose a kind.');
    expect(saved).toEqual([]);

    await user.type(name, 'Amy');
    await user.click(screen.getByRole('radio', { name: 'Visit' }));
    await user.click(screen.getByRole('checkbox', { name: 'OK to text' }));
    await user.type(screen.getByRole('textbox', { name: 'When' }), '3/12/2026');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved).toEqual([{ name: 'Amy', when: '2026-12-03', kind: 'visit', ok: true }]);
  });

  it('keeps a draft under its key, brings it back, and forgets it on "Start again"', async () => {
    const db = freshDb();
    const inDb = (element: ReactNode) => <DbContext.Provider value={db}>{element}</DbContext.Provider>;
    const first = render(inDb(<Form draftKey="kit:test" onSaved={() => undefined} />));
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'Amy');
    await waitFor(async () => expect(await loadDraft(db, 'kit:test')).toMatchObject({ name: 'Amy' }));
    first.unmount();

    render(inDb(<Form draftKey="kit:test" onSaved={() => undefined} />));
    expect(await screen.findByRole('textbox', { name: 'Name' })).toHaveValue('Amy');
    expect(screen.getByRole('status')).toHaveTextContent('Your unsaved changes are back.');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    await waitFor(async () => expect(await loadDraft(db, 'kit:test')).toBeUndefined());
  });
});
