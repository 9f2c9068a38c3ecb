// Settings → Change PIN: the current PIN (a wrong one counts towards the wipe, as on the lock), then the new one twice.
import { useState } from 'react';
import { Link } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import type { Errors } from '../account/validation.ts';
import { Screen } from '../components/Screen.tsx';
import { validateNewPin } from './ChoosePinScreen.tsx';
import { wrongPinMessage } from './LockScreen.tsx';
import { changePin, MAX_WRONG_PINS, PIN_MAX, PIN_MIN } from './pin.ts';
import { PinField } from './PinField.tsx';
import { useForm } from '../components/form/index.ts';

type Field = 'current' | 'pin' | 'again';

export function ChangePinScreen() {
  const db = useDb();
  const user = useCurrentUser();
  const [wrong, setWrong] = useState<{ pin: string; message: string } | null>(null);
  const [changed, setChanged] = useState(false);

  function validate(values: Record<Field, string>): Errors<Field> {
    const errors: Errors<Field> = validateNewPin(values);
    if (values.current === '') errors.current = 'Type your current PIN';
    // The message about a wrong PIN stays until the current PIN is typed again.
    else if (wrong && values.current === wrong.pin) errors.current = wrong.message;
    return errors;
  }

  const form = useForm({
    initial: { current: '', pin: '', again: '' },
    validate,
    onValid: async (values) => {
      if (!user) return;
      const result = await changePin(db, user.id, values.current, values.pin);
      if (result.outcome === 'right') setChanged(true);
      if (result.outcome === 'wrong') {
        setWrong({ pin: values.current, message: wrongPinMessage(result, MAX_WRONG_PINS - result.triesLeft) });
      }
    },
  });

  if (changed) {
    return (
      <Screen title="Change PIN">
        <p role="status">Your PIN has been changed. Use the new one to unlock Coorie from now on.</p>
        <p>
          <Link to="/settings">Back to Settings</Link>
        </p>
      </Screen>
    );
  }
  return (
    <Screen title="Change PIN">
      <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <PinField label="Current PIN" {...form.field('current')} />
        <PinField
          label="New PIN"
          hint={`${PIN_MIN} to ${PIN_MAX} digits that nobody could guess: not 1234, 0000 or your birthday.`}
          {...form.field('pin')}
        />
        <PinField label="Type the new PIN again" {...form.field('again')} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Change PIN'}
        </button>
      </form>
      <p>
        <Link to="/settings">Back to Settings</Link>
      </p>
    </Screen>
  );
}
