// Today moves on with the same corrected clock as the visits it watches.
export { useNow } from '../visits/useNow.ts';
