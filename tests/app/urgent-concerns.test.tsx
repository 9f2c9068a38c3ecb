// Urgent concerns on the device: first on a coordinator's Today, and never held back by a
// follow-up date.
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftToNote, emptyNote, validateNote } from '../../src/app/notes/noteForm.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// Tuesday 24 November 2026, 11:00 in Scotland.
const NOW = new Date('2026-11-24T11:00:00.000Z');

describe("a coordinator's Today", { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    stubNoNetwork();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('puts concerns nobody has picked up above the day’s sessions, visits and follow-ups', async () => {
    const db = freshDb();
    await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
    await saveRecord(db, 'session', 's-today', { title: 'Bumps and babies', startsAt: '2026-11-24T13:00:00.000Z' });
    await saveRecord(db, 'note', 'n-follow', {
      attendeeId: 'morag',
      body: 'x',
      followUp: 'Ring',
      followUpDue: '2026-11-24',
    });
    await saveRecord(db, 'note', 'n-urgent', { attendeeId: 'morag', body: 'x', concern: 'urgent' }, { userId: 'u2' });
    await renderApp('/', { db, user: ALEX });
    await screen.findByText('1 urgent concern waits for a coordinator.');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings.indexOf('Concerns nobody has picked up')).toBe(0);
    expect(headings).toContain('Sessions today');
    expect(headings).toContain('Follow-ups due');
  });
});

describe('an urgent note', () => {
  const now = new Date('2026-11-24T11:00:00.000Z');
  const urgent = { ...emptyNote('home visit'), body: 'Said she cannot go on.', concern: 'urgent' as const };

  it('saves whatever its follow-up date says', () => {
    for (const followUpDue of ['', 'not a date', '2026-11-01', '2026-13-45']) {
      expect(validateNote({ ...urgent, followUp: 'Ring her GP', followUpDue }, now), followUpDue).toEqual({});
    }
    expect(validateNote({ ...urgent, followUpDue: '2026-11-30' }, now)).toEqual({});
  });

  it('keeps a real date and leaves out one that is not', () => {
    const links = { attendeeId: 'morag' };
    expect(draftToNote({ ...urgent, followUp: 'Ring her GP', followUpDue: '2026-11-20' }, links)).toMatchObject({
      followUp: 'Ring her GP',
      followUpDue: '2026-11-20',
    });
    const noDate = draftToNote({ ...urgent, followUp: 'Ring her GP', followUpDue: '2026-13-45' }, links);
    expect(noDate).toMatchObject({ followUp: 'Ring her GP', concern: 'urgent' });
    expect(noDate).not.toHaveProperty('followUpDue');
  });

  it('is the only kind that may: other notes still need a sound date', () => {
    const calm = { ...urgent, concern: 'keep an eye' as const, followUp: 'Ring her GP' };
    expect(validateNote({ ...calm, followUpDue: '' }, now).followUpDue).toBe(
      'Choose when this is due, so it shows on Today.',
    );
    expect(validateNote({ ...calm, followUpDue: '2026-11-01' }, now).followUpDue).toBe('Choose today or a later date.');
  });
});
