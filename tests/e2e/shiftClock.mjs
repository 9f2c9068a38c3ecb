// Loaded with `node --import` into the e2e server when a test needs the whole system at another time of day:
// moves the server's clock by E2E_CLOCK_SHIFT_MS, as the test moves the browser's, so both agree.
// With E2E_CLOCK_FILE, the test can move it again while the server runs (server.ts, moveClock): it writes the
// new shift to that file and sends SIGUSR2; the shift is taken and acknowledged in `<file>.taken`.
import { readFileSync, writeFileSync } from 'node:fs';

let shift = Number(process.env.E2E_CLOCK_SHIFT_MS ?? 0);
const RealDate = globalThis.Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift);
    else super(...args);
  }

  static now() {
    return RealDate.now() + shift;
  }
}

globalThis.Date = ShiftedDate;

const file = process.env.E2E_CLOCK_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    shift = Number(readFileSync(file, 'utf8'));
    writeFileSync(`${file}.taken`, String(shift));
  });
}
