// GET /api/health: is the server up, and is its database reachable and migrated? Which kind of
// database, and its epoch. (503 with an error body if not.)
import { z } from 'zod';

export const healthAnswer = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  migration: z.string().nullable(),
  /** The database's epoch (DESIGN §4): a restore from a backup changes it. */
  epoch: z.string(),
});
