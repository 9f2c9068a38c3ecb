import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { dateText, parseDateText, parseTimeText } from '../../src/app/components/form/dateText.ts';
import { InputField } from '../../src/app/components/form/index.ts';

describe('UK dates and times as typed', () => {
  it('reads day-first dates, and ISO ones, and refuses what is not a date', () => {
    expect(parseDateText('24/11/2026')).toBe('2026-11-24');
    expect(parseDateText('3/2/2027')).toBe('2027-02-03');
    expect(parseDateText(' 03.02.2027 ')).toBe('2027-02-03');
    expect(parseDateText('2027-02-03')).toBe('2027-02-03');
    expect(parseDateText('')).toBe('');
    // A US order and an impossible day are not quietly turned into another date.
    expect(parseDateText('11/24/2026')).toBeUndefined();
    expect(parseDateText('31/02/2026')).toBeUndefined();
    expect(parseDateText('3/2/27')).toBeUndefined();
    expect(dateText('2026-11-24')).toBe('24/11/2026');
  });

  it('reads times on the 24-hour clock', () => {
    expect(parseTimeText('14:30')).toBe('14:30');
    expect(parseTimeText('9:05')).toBe('09:05');
    expect(parseTimeText('0930')).toBe('09:30');
    expect(parseTimeText('14.30')).toBe('14:30');
    expect(parseTimeText('24:00')).toBeUndefined();
    expect(parseTimeText('10:00 PM')).toBeUndefined();
  });
});

function Form({ type, initial }: { type: 'date' | 'time'; initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <InputField id="when" label="When" type={type} value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </>
  );
}

describe('the date and time fields of every form', () => {
  it('show a date day first and give the form an ISO date, never a native picker', async () => {
    render(<Form type="date" initial="2026-11-24" />);
    const field = screen.getByLabelText('When');
    expect(field).toHaveAttribute('type', 'text');
    expect(field).toHaveValue('24/11/2026');
    expect(field).toHaveAccessibleDescription('Day, month, year, like 24/11/2026');
    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, '3/12/2026');
    expect(screen.getByTestId('value')).toHaveTextContent('2026-12-03');
    await user.tab();
    expect(field).toHaveValue('03/12/2026');
    await user.clear(field);
    await user.type(field, '12/31/2026');
    // What is not a date reaches the form as it is, for its rules to say what to fix.
    expect(screen.getByTestId('value')).toHaveTextContent('12/31/2026');
  });

  it('show and take a time on the 24-hour clock', async () => {
    render(<Form type="time" initial="22:00" />);
    const field = screen.getByLabelText('When');
    expect(field).toHaveValue('22:00');
    expect(field).toHaveAccessibleDescription('24-hour clock, like 14:30');
    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, '930');
    expect(screen.getByTestId('value')).toHaveTextContent('09:30');
    await user.tab();
    expect(field).toHaveValue('09:30');
  });
});
