// The form kit: every form's fields, choices and state (see useForm), so that all forms read out alike.
export { CheckboxField, CheckboxGroup, capitalise, optionsOf, RadioGroup } from './Choices.tsx';
export { DATE_HINT } from './dateText.ts';
export { DraftNotice } from './DraftNotice.tsx';
export { FormActions } from './FormActions.tsx';
export {
  describedBy,
  FieldFrame,
  HintAndError,
  InputField,
  SelectField,
  TextAreaField,
  type FieldBinding,
  type Option,
} from './Field.tsx';
export { UkDateInput, UkTimeInput } from './UkDateTimeInput.tsx';
export { useDraft } from './useDraft.ts';
export { useForm } from './useForm.ts';
