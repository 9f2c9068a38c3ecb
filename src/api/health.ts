// GET /api/health: is the server up, and is its database reachable and migrated? (503 with an error body if not.)
import { z } from 'zod';

export const healthAnswer = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  migration: z.string().nullable(),
});
