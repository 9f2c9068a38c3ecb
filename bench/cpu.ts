// Where the machine's CPU goes while something is timed: every thread of Chromium's processes, the server,
// PostgreSQL and this script, read from /proc at the start, the end and once a second between (for threads that end
// meanwhile), added up by part. On a machine with few cores the parts share them: a time measured there is as much
// the machine's as the app's, and this says how busy it was.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface CpuUse {
  /** Wall-clock time sampled, and the cores there were to share. */
  ms: number;
  cores: number;
  /** CPU time of each part (ms), most first. */
  parts: Record<string, number>;
  /** Of all the cores' time in `ms`, the share the parts used. */
  busy: number;
}

/** Seldom, and each process's command line read once: the sampling must not take the cores it measures. */
const SAMPLE_MS = 1000;
/** Clock ticks a second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/** The part a thread belongs to, from its process's command line and its own name; undefined for others. */
function partOf(commandLine: string, thread: string, pid: number): string | undefined {
  if (pid === process.pid) return 'bench script';
  if (commandLine.includes('src/server/main.ts')) return 'server';
  if (commandLine.startsWith('postgres')) return 'PostgreSQL';
  if (!/chrom/i.test(commandLine)) return undefined;
  const type = /--type=(\S+)/.exec(commandLine)?.[1];
  const service = /--utility-sub-type=(\S+)/.exec(commandLine)?.[1]?.split('.').pop();
  if (type === undefined) {
    // The browser process: its thread pool runs IndexedDB's backend (and little else while a page writes).
    return thread.startsWith('ThreadPool') ? 'browser thread pool (IndexedDB)' : 'browser other threads';
  }
  if (type === 'renderer') {
    if (thread === 'chromium' || thread.startsWith('CrRendererMain')) return 'page main thread';
    if (thread.startsWith('ServiceWorker')) return 'service worker';
    return 'page other threads';
  }
  return service ?? type;
}

function ticksOf(path: string): number {
  // The fields after the command name in parentheses (which may hold spaces): utime and stime are 14th and 15th.
  const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

/** Samples until `stop`; empty where there is no /proc (not Linux). */
export function sampleCpu(): { stop(): CpuUse } {
  const started = Date.now();
  const seen = new Map<string, { part: string; first: number; last: number }>();
  /** Each process's command line, or null for one that is not a part. */
  const commandLines = new Map<string, string | null>();
  /** `initial`: the first pass, where every thread stood at the start; a thread born later counts from 0. */
  const sample = (initial = false) => {
    let pids: string[];
    try {
      pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
    } catch {
      return;
    }
    for (const pid of pids) {
      let commandLine = commandLines.get(pid);
      let threads: string[];
      try {
        if (commandLine === undefined) {
          const read = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
          commandLine = partOf(read, '', Number(pid)) === undefined ? null : read;
          commandLines.set(pid, commandLine);
        }
        if (commandLine === null) continue;
        threads = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      for (const tid of threads) {
        const key = `${pid}/${tid}`;
        try {
          const known = seen.get(key);
          const ticks = ticksOf(`/proc/${pid}/task/${tid}/stat`);
          if (known) {
            known.last = ticks;
            continue;
          }
          const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
          const part = partOf(commandLine, name, Number(pid));
          if (part) seen.set(key, { part, first: initial ? ticks : 0, last: ticks });
        } catch {
          // The thread ended between the listing and the read.
        }
      }
    }
  };
  sample(true);
  const timer = setInterval(sample, SAMPLE_MS);
  // A bench that fails before `stop` must still end.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      const ms = Date.now() - started;
      const parts: Record<string, number> = {};
      for (const { part, first, last } of seen.values()) parts[part] = (parts[part] ?? 0) + (last - first) * TICK_MS;
      const sorted = Object.fromEntries(Object.entries(parts).sort(([, a], [, b]) => b - a));
      const used = Object.values(parts).reduce((sum, value) => sum + value, 0);
      const cores = availableParallelism();
      return { ms, cores, parts: sorted, busy: ms > 0 ? used / (ms * cores) : 0 };
    },
  };
}
