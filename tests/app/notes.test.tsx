import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, format } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { giveConsent } from '../../src/domain/consent.ts';
import { NEVER_PROMISE_CONFIDENTIALITY } from '../../src/domain/escalation.ts';
import { CALENDAR, calendarDate, londonDate } from '../../src/domain/london.ts';
import { ONS4_QUESTIONS } from '../../src/domain/ons4.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// These tests type as a person would, on a machine shared with other test runs: give them time.
vi.setConfig({ testTimeout: 30_000 });

/** Puts text in a field the way a tablet's keyboard suggestion or a paste does: one change, not a key at a time. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const SLOW = { timeout: 10_000 };

function day(days: number): string {
  return format(addDays(calendarDate(londonDate(new Date())), days), 'yyyy-MM-dd', { in: CALENDAR });
}

async function morag(consented = true): Promise<CoorieDb> {
  const db = freshDb();
  await saveRecord(db, 'attendee', 'a1', {
    displayName: 'Morag',
    ...(consented ? { consent: giveConsent(['notes'], new Date()) } : {}),
  });
  return db;
}

async function openNewNote(db: CoorieDb) {
  stubNoNetwork();
  await renderApp('/people/a1/notes/new', { db, user: ALEX });
  await screen.findByRole('heading', { level: 1, name: 'Note about Morag' }, SLOW);
  return userEvent.setup();
}

describe('the consent gate', () => {
  it('explains why no note can be written yet, and lets the volunteer record consent there and then', async () => {
    const db = await morag(false);
    const user = await openNewNote(db);
    expect(await screen.findByRole('heading', { name: 'Consent needed before a note' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Morag has not been asked about notes yet.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Note')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Record consent' }));
    await user.click(screen.getByRole('button', { name: 'Save consent' }));
    expect(await screen.findByLabelText('Note', {}, SLOW)).toBeInTheDocument();
  });

  it('keeps the gate shut once consent is withdrawn', async () => {
    const db = await morag();
    const consent = giveConsent(['notes'], new Date());
    await saveRecord(db, 'attendee', 'a1', { consent: { ...consent, withdrawnAt: new Date().toISOString() } });
    await openNewNote(db);
    expect(
      await screen.findByText('Morag has withdrawn their consent, so no new notes can be written.', {}, SLOW),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Note')).not.toBeInTheDocument();
  });
});

describe('writing a note', () => {
  it('says what to fix: the note itself, a follow-up with its date, all four ONS4 answers', async () => {
    const db = await morag();
    const user = await openNewNote(db);
    await user.click(await screen.findByRole('button', { name: 'Save note' }, SLOW));
    const body = screen.getByLabelText('Note');
    expect(body).toHaveFocus();
    expect(body).toHaveAccessibleDescription(
      'How Morag is doing, in their words where you can. Facts, not opinions. Error: Write the note: a line or two about how they are is enough.',
    );

    await fill(user, body, 'Brighter today; talked about going back to work.');
    expect(body).not.toHaveAttribute('aria-invalid');

    await fill(user, screen.getByLabelText('Follow-up (optional)'), 'Send the Bookbug times');
    expect(screen.getByLabelText('Follow up by')).toHaveAccessibleDescription(
      'Day, month, year, like 24/11/2026 Error: Choose when this is due, so it shows on Today.',
    );
    await user.type(screen.getByLabelText('Follow up by'), day(-1));
    expect(screen.getByLabelText('Follow up by')).toHaveAccessibleDescription(
      'Day, month, year, like 24/11/2026 Error: Choose today or a later date.',
    );
    await user.clear(screen.getByLabelText('Follow up by'));
    await user.type(screen.getByLabelText('Follow up by'), day(7));
    expect(screen.getByLabelText('Follow up by')).not.toHaveAttribute('aria-invalid');

    await user.click(screen.getByRole('button', { name: 'Add a wellbeing check (ONS4)' }));
    const [first, second] = ONS4_QUESTIONS;
    await user.click(
      within(screen.getByRole('group', { name: new RegExp(first?.measure ?? '') })).getByRole('radio', { name: '7' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(
      screen.getByText(/Answer all four questions, or remove the wellbeing check \(3 still to answer\)/),
    ).toBeVisible();
    expect(await db.records('note').count()).toBe(0);

    await user.click(
      within(screen.getByRole('group', { name: new RegExp(second?.measure ?? '') })).getByRole('radio', { name: '8' }),
    );
    await user.click(within(screen.getByRole('group', { name: /^Happiness/ })).getByRole('radio', { name: '6' }));
    await user.click(within(screen.getByRole('group', { name: /^Anxiety/ })).getByRole('radio', { name: '3' }));
    await user.click(screen.getByRole('checkbox', { name: 'Confidence' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sense of identity' }));
    await fill(
      user,
      screen.getByLabelText('Positives seen between parent and baby'),
      'Lovely eye contact in the song.',
    );
    await user.click(screen.getByRole('radio', { name: 'Keep an eye' }));
    await user.click(screen.getByRole('button', { name: 'Save note' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Morag' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Note saved.')).toBeInTheDocument();
    const [note] = await db.records('note').toArray();
    expect(note).toMatchObject({
      attendeeId: 'a1',
      context: 'group',
      focusAreas: ['confidence', 'sense of identity'],
      positives: 'Lovely eye contact in the song.',
      body: 'Brighter today; talked about going back to work.',
      concern: 'keep an eye',
      followUp: 'Send the Bookbug times',
      followUpDue: day(7),
      followUpDone: false,
      visibility: 'private',
      ons4: { satisfied: 7, worthwhile: 8, happy: 6, anxious: 3 },
      createdBy: ALEX.id,
    });
    // The profile shows the note and the answers over time.
    const notes = screen.getByRole('region', { name: 'Notes' });
    expect(
      await within(notes).findByText('Brighter today; talked about going back to work.', {}, SLOW),
    ).toBeInTheDocument();
    const table = within(screen.getByRole('region', { name: 'Wellbeing checks (ONS4)' })).getByRole('table');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/7 \(high\)8 \(high\)6 \(medium\)3 \(low\)/);
  });

  it('opens the escalation screen the moment "urgent" is chosen, and the note is still there after', async () => {
    const db = await morag();
    const user = await openNewNote(db);
    await fill(user, await screen.findByLabelText('Note', {}, SLOW), 'Said she cannot see a way forward.');
    await user.click(screen.getByRole('checkbox', { name: 'Mood' }));
    await user.click(screen.getByRole('radio', { name: 'Urgent' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Urgent concern: what to do now' }, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByText(NEVER_PROMISE_CONFIDENTIALITY)).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'If anyone’s life is in danger, call 999 now' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: /^Call 999/ })).toHaveAttribute('href', 'tel:999');
    expect(screen.getByRole('link', { name: /^Call 116 123/ })).toHaveAttribute('href', 'tel:116123');
    expect(screen.getByRole('link', { name: /^Call 01343 563999/ })).toHaveAttribute('href', 'tel:+441343563999');
    expect(screen.getByRole('link', { name: /^Text PANDAS to 85258/ })).toHaveAttribute(
      'href',
      'sms:85258?&body=PANDAS',
    );
    expect(screen.getByText(/Data Protection Act 2018, Schedule 1, paragraph 18/)).toBeInTheDocument();
    expect(await db.records('note').count()).toBe(0);

    await user.click(screen.getByRole('link', { name: 'Back to the note' }));
    expect(await screen.findByText('Your unsaved note is back.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByLabelText('Note')).toHaveValue('Said she cannot see a way forward.');
    expect(screen.getByRole('checkbox', { name: 'Mood' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Urgent' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect(await db.records('note').count()).toBe(1), SLOW);
    expect((await db.records('note').toArray())[0]).toMatchObject({ concern: 'urgent' });
  });
});
