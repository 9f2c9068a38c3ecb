// Waits, before a part of the bench is timed, until the machine has settled from the part before it: a part can
// leave work behind that outlives it (PostgreSQL writing out a dropped database, the kernel writing back a
// browser profile's files, a closed Chromium's processes winding down), and a part timed in milliseconds at a
// slowed CPU (the cold start, Lighthouse) would count that work as its own. Waits for the machine, never for
// the app: nothing of Coorie's runs while this waits, and the part then runs as it would on its own.
import { readFileSync } from 'node:fs';

/** Idle share of every core's time, from /proc/stat (time waiting on the disk counts as busy). */
const IDLE_ENOUGH = 0.85;
/** How long the machine must stay idle enough, in samples of SAMPLE_MS. */
const QUIET_SAMPLES = 3;
const SAMPLE_MS = 500;
/** How long to wait at most: a machine never quiet is reported, and the part runs all the same. */
const LONGEST_WAIT_MS = 120_000;

export interface Quiet {
  /** How long the machine took to settle, in ms. */
  waitedMs: number;
  /** The idle share over the last samples, 0–1. */
  idle: number;
  /** Whether it settled within LONGEST_WAIT_MS. */
  settled: boolean;
}

/** Total and idle jiffies of every core together (Linux only; elsewhere the machine counts as idle). */
function cpuTimes(): { total: number; idle: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  const fields = stat.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal (guest time is counted in user already)
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  return { total: user + nice + system + idle + iowait + irq + softirq + steal, idle };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers once the machine has been idle enough for QUIET_SAMPLES samples running, or after LONGEST_WAIT_MS. */
export async function untilQuiet(): Promise<Quiet> {
  const start = Date.now();
  let previous = cpuTimes();
  if (!previous) return { waitedMs: 0, idle: 1, settled: true };
  const recent: number[] = [];
  while (Date.now() - start < LONGEST_WAIT_MS) {
    await pause(SAMPLE_MS);
    const now = cpuTimes();
    if (!now) break;
    const total = now.total - previous.total;
    recent.push(total > 0 ? (now.idle - previous.idle) / total : 1);
    previous = now;
    if (recent.length > QUIET_SAMPLES) recent.shift();
    if (recent.length === QUIET_SAMPLES && recent.every((idle) => idle >= IDLE_ENOUGH)) {
      return { waitedMs: Date.now() - start, idle: Math.min(...recent), settled: true };
    }
  }
  return { waitedMs: Date.now() - start, idle: Math.min(...recent, 1), settled: false };
}

export function describeQuiet(part: string, quiet: Quiet): string {
  const idle = `${Math.round(quiet.idle * 100)}% idle`;
  const waited = `${(quiet.waitedMs / 1000).toFixed(1)} s`;
  return quiet.settled
    ? `  before ${part}: the machine settled (${idle}) after ${waited}`
    : `  before ${part}: the machine was still busy after ${waited} (${idle}); timed all the same`;
}
