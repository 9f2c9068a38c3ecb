// Hybrid logical clock: versions that sort as plain strings and never go backwards. A version reads
// `<13-digit milliseconds>-<4 hex digits of counter>-<node id>`, as in 1763800000000-0000-k3x9q2ab.

const NODE_ID_PATTERN = /^[a-z0-9]{8,16}$/;
export const HLC_PATTERN = /^\d{13}-[0-9a-f]{4}-[a-z0-9]{8,16}$/;
const MAX_COUNTER = 0xffff;

export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

/** What a device keeps of its clock: the last version it issued or saw. */
export interface ClockState {
  millis: number;
  counter: number;
  node: string;
}

export function formatHlc({ millis, counter, node }: Hlc): string {
  return `${String(millis).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(version: string): Hlc | undefined {
  if (!HLC_PATTERN.test(version)) return undefined;
  const [millis, counter, node] = version.split('-') as [string, string, string];
  return { millis: Number(millis), counter: parseInt(counter, 16), node };
}

export function newClock(node: string): ClockState {
  if (!NODE_ID_PATTERN.test(node)) throw new Error(`nodeId must be 8–16 characters of a–z and 0–9`);
  return { millis: 0, counter: 0, node };
}

/** A random node id for a new device. */
export function randomNodeId(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 12; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}

function advance(millis: number, counter: number): { millis: number; counter: number } {
  // The counter has four hex digits; past them, borrow a millisecond rather than wrap (which would go back).
  return counter >= MAX_COUNTER ? { millis: millis + 1, counter: 0 } : { millis, counter: counter + 1 };
}

/** Issues the next version at wall time `now` (already corrected by the server offset). */
export function tick(state: ClockState, now: number): { state: ClockState; version: string } {
  const next = now > state.millis ? { millis: now, counter: 0 } : advance(state.millis, state.counter);
  const nextState = { ...state, ...next };
  return { state: nextState, version: formatHlc(nextState) };
}

/** Moves the clock past a version received from elsewhere, so that the next tick sorts after it. */
export function receive(state: ClockState, version: string, now: number): ClockState {
  const remote = parseHlc(version);
  if (!remote) return state;
  const top = Math.max(state.millis, remote.millis, now);
  let counter: number;
  if (top === state.millis && top === remote.millis) counter = Math.max(state.counter, remote.counter);
  else if (top === state.millis) counter = state.counter;
  else if (top === remote.millis) counter = remote.counter;
  else return { ...state, millis: top, counter: 0 };
  return { ...state, millis: top, counter };
}
