// The app's version from package.json, written in by Vite's `define` at build time.
declare const __APP_VERSION__: string;

export const APP_VERSION = __APP_VERSION__;
