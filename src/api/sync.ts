// The two sync endpoints (server/routes/sync.ts). The protocol's own types live in sync/protocol.ts, which the
// device engine shares; here they get the titles that a refusal names ("The push is not valid: …").
import { z } from 'zod';
import { pullQuerySchema, pushEnvelopeSchema, pushResponseSchema } from '../sync/protocol.ts';

export const pushBody = pushEnvelopeSchema.meta({ title: 'push' });
export const pushAnswer = pushResponseSchema;
export const pullQuery = pullQuerySchema.meta({ title: 'pull' });

/**
 * GET /api/sync/seal-key: the signed-in person's organisation's public sealing key. A device seals the sensitive
 * values waiting in its outbox with it (src/crypto/seal.ts), so that only the server can read them; `keyId`
 * names the key in each sealed value (`k`), and the server opens only values sealed for its own organisation.
 */
export const sealKeyAnswer = z.strictObject({
  keyId: z.string().min(1).max(100),
  /** P-256 public key, raw uncompressed point, base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/),
});
export type SealKeyAnswer = z.infer<typeof sealKeyAnswer>;
