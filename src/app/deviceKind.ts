// What to call the device Coorie runs on, so that a phone or a laptop is never told it is a tablet.

export type DeviceKind = 'phone' | 'tablet' | 'computer';

interface Clues {
  userAgent: string;
  maxTouchPoints: number;
  /** The shorter side of the screen, in CSS pixels. */
  shortSide: number;
}

function clues(): Clues {
  if (typeof navigator === 'undefined') return { userAgent: '', maxTouchPoints: 0, shortSide: 0 };
  const shortSide = typeof screen === 'undefined' ? 0 : Math.min(screen.width, screen.height);
  return { userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints ?? 0, shortSide };
}

/** From the user agent first; a touch screen that names itself neither way is a phone when it is narrow. */
export function deviceKind({ userAgent, maxTouchPoints, shortSide }: Clues = clues()): DeviceKind {
  if (/iPad|Tablet|PlayBook|Silk/i.test(userAgent)) return 'tablet';
  // iPadOS asks for desktop pages and says "Macintosh"; only its touch screen gives it away.
  if (/Macintosh/.test(userAgent) && maxTouchPoints > 1) return 'tablet';
  if (/iPhone|iPod|Windows Phone/i.test(userAgent)) return 'phone';
  if (/Android/i.test(userAgent)) return /Mobile/i.test(userAgent) ? 'phone' : 'tablet';
  if (/Mobi/i.test(userAgent)) return 'phone';
  if (maxTouchPoints > 0 && shortSide > 0) return shortSide < 600 ? 'phone' : 'tablet';
  return 'computer';
}

/** "this phone", "this tablet" or "this computer"; `capital` for the start of a sentence or a label. */
export function thisDevice(capital = false, kind: DeviceKind = deviceKind()): string {
  return `${capital ? 'This' : 'this'} ${kind}`;
}
