// Fields that more than one account screen asks for: a new password typed twice, and this device's name.
import { TextField } from '../components/TextField.tsx';
import type { FieldProps } from '../components/useForm.ts';
import { MIN_PASSWORD } from './validation.ts';

export function NewPasswordFields({
  label,
  password,
  confirm,
}: {
  label: string;
  password: FieldProps;
  confirm: FieldProps;
}) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD} characters. A few words strung together are easy to remember.`}
        {...password}
      />
      <TextField label="Type the password again" type="password" autoComplete="new-password" {...confirm} />
    </>
  );
}

export function DeviceNameField(props: FieldProps) {
  return (
    <TextField
      label="This device's name"
      hint="So you can tell your devices apart, for example “Hall tablet 1”."
      autoComplete="off"
      {...props}
    />
  );
}
