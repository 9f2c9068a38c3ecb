// Parses request bodies, queries and params with zod, answering 400 with every problem found.
import type { z } from 'zod';
import { HttpError } from './errors.ts';

export interface Problem {
  path: string;
  message: string;
}

export function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, what = 'request'): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: Problem[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = details.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
  const more = summary.length > 3 ? ` (and ${summary.length - 3} more)` : '';
  throw new HttpError(
    400,
    'invalid_request',
    `The ${what} is not valid: ${summary.slice(0, 3).join('; ')}${more}`,
    details,
  );
}
