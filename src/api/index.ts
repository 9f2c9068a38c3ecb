// The contract of every HTTP endpoint: request and response schemas that the server declares on its routes and
// the app checks answers with. Pure: zod, domain/ and sync/ only. roles.ts and limits.ts hold no zod, so that
// the first screen can import them; everything else the app loads when an answer arrives (app/http/request.ts).
export * from './accounts.ts';
export * from './errors.ts';
export * from './health.ts';
export * from './limits.ts';
export * from './privacy.ts';
export * from './roles.ts';
export * from './sync.ts';
export * from './team.ts';
