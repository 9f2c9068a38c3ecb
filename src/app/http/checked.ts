// Calls an endpoint and checks its answer against that endpoint's schema in src/api/, the same one the server
// declares on its route (request.ts does the calling).
import type { z } from 'zod';
import { badResponse, request, type Method } from './request.ts';

/** The endpoint's answer as its schema reads it; every failure, a malformed answer too, becomes ApiError. */
export async function checked<T>(method: Method, path: string, answer: z.ZodType<T>, body?: unknown): Promise<T> {
  const parsed = answer.safeParse(await request(method, path, body));
  if (!parsed.success) throw badResponse();
  return parsed.data;
}
