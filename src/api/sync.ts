// The two sync endpoints (server/routes/sync.ts). The protocol's own types live in sync/protocol.ts, which the
// device engine shares; here they get the titles that a refusal names ("The push is not valid: …").
import { pullQuerySchema, pullResponseSchema, pushEnvelopeSchema, pushResponseSchema } from '../sync/protocol.ts';

export const pushBody = pushEnvelopeSchema.meta({ title: 'push' });
export const pushAnswer = pushResponseSchema;
export const pullQuery = pullQuerySchema.meta({ title: 'pull' });
export const pullAnswer = pullResponseSchema;
