// Loaded with `node --import` into the e2e server when a test needs the whole system at another time of day:
// moves the server's clock by E2E_CLOCK_SHIFT_MS, as the test moves the browser's, so both agree.
const shift = Number(process.env.E2E_CLOCK_SHIFT_MS ?? 0);
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
