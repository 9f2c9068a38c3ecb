// The lock's one number that the first screen needs (the sign-in screen's notice after a wipe), kept apart from
// the hashing so that it stays off the first screen.

/** Wrong PINs in a row that wipe the device: enough for fumbles, far too few to guess a PIN. */
export const MAX_WRONG_PINS = 10;
