// Fields that more than one account screen asks for: a new password typed twice, and this device's name.
import { InputField, type FieldBinding } from '../components/form/index.ts';
import { MIN_PASSWORD } from './validation.ts';

export function NewPasswordFields({
  label,
  password,
  confirm,
}: {
  label: string;
  password: FieldBinding;
  confirm: FieldBinding;
}) {
  return (
    <>
      <InputField
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD} characters. A few words strung together are easy to remember.`}
        {...password}
      />
      <InputField label="Type the password again" type="password" autoComplete="new-password" {...confirm} />
    </>
  );
}

export function DeviceNameField(props: FieldBinding) {
  return (
    <InputField
      label="This device's name"
      hint="So you can tell your devices apart, for example “Hall tablet 1”."
      autoComplete="off"
      {...props}
    />
  );
}
