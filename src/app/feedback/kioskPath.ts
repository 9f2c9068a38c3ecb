// Where the feedback kiosk lives: a module of its own, so that the shell's routes can send people there without
// loading the PIN checking that leaving the kiosk needs.
export const KIOSK_PATH = '/kiosk';
