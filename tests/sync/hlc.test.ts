// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, HLC_PATTERN, newClock, parseHlc, randomNodeId, receive, tick } from '../../src/sync/hlc.ts';

const nodeId = fc.stringMatching(/^[a-z0-9]{8,16}$/);
const millis = fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 });

describe('hybrid logical clock', () => {
  it('formats versions as 13-digit milliseconds, 4 hex digits of counter and the node', () => {
    expect(formatHlc({ millis: 1763800000000, counter: 0, node: 'k3x9q2ab' })).toBe('1763800000000-0000-k3x9q2ab');
    expect(parseHlc('1763800000000-00ff-k3x9q2ab')).toEqual({ millis: 1763800000000, counter: 255, node: 'k3x9q2ab' });
    expect(parseHlc('not-a-version')).toBeUndefined();
  });

  it('makes node ids of 8–16 characters of a–z and 0–9', () => {
    for (let i = 0; i < 50; i++) expect(randomNodeId()).toMatch(/^[a-z0-9]{8,16}$/);
    expect(() => newClock('UPPER')).toThrow();
  });

  it('never goes backwards, whatever the wall clock does', () => {
    fc.assert(
      fc.property(nodeId, fc.array(millis, { minLength: 1, maxLength: 200 }), (node, wallTimes) => {
        let clock = newClock(node);
        let previous = '';
        for (const now of wallTimes) {
          const next = tick(clock, now);
          expect(next.version).toMatch(HLC_PATTERN);
          expect(next.version > previous).toBe(true);
          previous = next.version;
          clock = next.state;
        }
      }),
    );
  });

  it('moves past every version it receives, even from a device whose clock is far ahead', () => {
    fc.assert(
      fc.property(
        nodeId,
        fc.array(fc.tuple(fc.boolean(), millis, fc.integer({ min: 0, max: 0xffff }), nodeId), { maxLength: 100 }),
        (node, events) => {
          let clock = newClock(node);
          let highest = '';
          for (const [isLocal, time, counter, otherNode] of events) {
            if (isLocal) {
              const next = tick(clock, time);
              expect(next.version > highest).toBe(true);
              highest = next.version;
              clock = next.state;
            } else {
              const remote = formatHlc({ millis: time, counter, node: otherNode });
              clock = receive(clock, remote, time - 86_400_000);
              if (remote > highest) highest = remote;
              const next = tick(clock, time - 86_400_000);
              expect(next.version > highest).toBe(true);
              highest = next.version;
              clock = next.state;
            }
          }
        },
      ),
    );
  });

  it('borrows a millisecond rather than wrapping its counter', () => {
    const clock = { millis: 1_700_000_000_000, counter: 0xffff, node: 'abcdefgh' };
    const next = tick(clock, 1_600_000_000_000);
    expect(next.version).toBe('1700000000001-0000-abcdefgh');
  });
});
