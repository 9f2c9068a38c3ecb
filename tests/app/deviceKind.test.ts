// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deviceKind, thisDevice } from '../../src/app/deviceKind.ts';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const PIXEL =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const GALAXY_TAB =
  'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('what Coorie calls the device', () => {
  it.each([
    ['an iPhone', { userAgent: IPHONE, maxTouchPoints: 5, shortSide: 390 }, 'phone'],
    ['an iPad asking for desktop pages', { userAgent: IPAD_DESKTOP, maxTouchPoints: 5, shortSide: 820 }, 'tablet'],
    ['a Mac', { userAgent: IPAD_DESKTOP, maxTouchPoints: 0, shortSide: 900 }, 'computer'],
    ['an Android phone', { userAgent: PIXEL, maxTouchPoints: 5, shortSide: 412 }, 'phone'],
    ['an Android tablet', { userAgent: GALAXY_TAB, maxTouchPoints: 5, shortSide: 800 }, 'tablet'],
    ['a Windows laptop', { userAgent: WINDOWS, maxTouchPoints: 0, shortSide: 768 }, 'computer'],
    ['a Windows tablet with a touch screen', { userAgent: WINDOWS, maxTouchPoints: 10, shortSide: 800 }, 'tablet'],
    ['a Linux desktop', { userAgent: LINUX, maxTouchPoints: 0, shortSide: 1080 }, 'computer'],
  ] as const)('calls %s a %s', (_, clues, kind) => {
    expect(deviceKind(clues)).toBe(kind);
  });

  it('says "this phone" in a sentence and "This phone" to begin one', () => {
    expect(thisDevice(false, 'phone')).toBe('this phone');
    expect(thisDevice(true, 'computer')).toBe('This computer');
  });
});
