// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkInTime } from '../../src/domain/checkInTime.ts';

// 10:00–12:00 London time on Tuesday 24 November 2026 (GMT).
const morning = { startsAt: '2026-11-24T10:00:00.000Z', endsAt: '2026-11-24T12:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('when check-in is offered', () => {
  it('opens two hours before the start and closes an hour after the end', () => {
    expect(checkInTime(morning, at('2026-11-24T07:59:00.000Z'))).toBe('early');
    expect(checkInTime(morning, at('2026-11-24T08:00:00.000Z'))).toBe('open');
    expect(checkInTime(morning, at('2026-11-24T10:30:00.000Z'))).toBe('open');
    expect(checkInTime(morning, at('2026-11-24T13:00:00.000Z'))).toBe('open');
    expect(checkInTime(morning, at('2026-11-24T13:01:00.000Z'))).toBe('finished');
    expect(checkInTime(morning, at('2026-11-24T21:30:00.000Z'))).toBe('finished');
  });

  it('takes a session with no end (or an end before its start) to last two hours', () => {
    const noEnd = { startsAt: morning.startsAt };
    expect(checkInTime(noEnd, at('2026-11-24T13:00:00.000Z'))).toBe('open');
    expect(checkInTime(noEnd, at('2026-11-24T13:01:00.000Z'))).toBe('finished');
    const backwards = { ...morning, endsAt: '2026-11-24T09:00:00.000Z' };
    expect(checkInTime(backwards, at('2026-11-24T13:01:00.000Z'))).toBe('finished');
  });

  it('keeps check-in open for a session with no time, rather than hiding it', () => {
    expect(checkInTime({}, at('2026-11-24T21:30:00.000Z'))).toBe('open');
  });
});
