// After setup or sign-in on a device with no PIN for this person: they choose one before the app opens.
import { useEffect } from 'react';
import { useDb } from '../../db/hooks.ts';
import type { SignedInUser } from '../../db/meta.ts';
import type { Errors } from '../account/validation.ts';
import { useAutoSync } from '../sync/SyncContext.ts';
import { IDLE_MS } from './idle.ts';
import { choosePin, MAX_WRONG_PINS, PIN_MAX, PIN_MIN, pinProblem } from './pin.ts';
import { PinField } from './PinField.tsx';
import '../styles/lock.css';
import { thisDevice } from '../deviceKind.ts';
import { useForm } from '../components/form/index.ts';

type Field = 'pin' | 'again';

export function validateNewPin(values: Record<Field, string>): Errors<Field> {
  const errors: Errors<Field> = {};
  const problem = pinProblem(values.pin);
  if (problem) errors.pin = problem;
  else if (values.again === '') errors.again = 'Type the PIN again';
  else if (values.again !== values.pin) errors.again = 'The two PINs are different. Type the same PIN twice';
  return errors;
}

export function ChoosePinScreen({ user }: { user: SignedInUser }) {
  const db = useDb();
  // A first sync can bring this tablet's data down while the PIN is chosen.
  useAutoSync();
  const form = useForm({
    initial: { pin: '', again: '' },
    validate: validateNewPin,
    onValid: async (values) => {
      await choosePin(db, user.id, values.pin);
    },
  });

  useEffect(() => {
    document.title = 'Choose a PIN — Coorie';
  }, []);
  const device = thisDevice();

  return (
    <main id="main" className="lock-main">
      <p className="account-brand" aria-hidden="true">
        Coorie
      </p>
      <h1 tabIndex={-1}>Choose a PIN for {device}</h1>
      <p>
        Coorie locks itself whenever it opens and after {IDLE_MS / 60_000} minutes without use, so that nobody else can
        read what is on {device}. Your PIN unlocks it. It works on {device} only.
      </p>
      <p>
        After {MAX_WRONG_PINS} wrong PINs in a row, Coorie wipes everything it keeps on {device}.
      </p>
      <form noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <PinField
          label="PIN"
          hint={`${PIN_MIN} to ${PIN_MAX} digits that nobody could guess: not 1234, 0000 or your birthday.`}
          {...form.field('pin')}
        />
        <PinField label="Type the PIN again" {...form.field('again')} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Use this PIN'}
        </button>
      </form>
    </main>
  );
}
