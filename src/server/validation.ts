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

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL_CHARACTER = /[\u0000-\u001f]/g;
const escape = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Where the first control character (U+0000–U+001F) is in a string, or in any key or string of an object
 * or array however deep: a path such as `babies.0.alias` ('' for the value itself), or undefined when there
 * is none. `allowed` lists the control characters that may stay, such as '\t\n\r' for multi-line text.
 * Walks with its own stack, so that no nesting depth can overflow the call stack.
 */
export function findControlCharacter(value: unknown, allowed = ''): string | undefined {
  const isBad = (text: string) => (text.match(CONTROL_CHARACTER) ?? []).some((found) => !allowed.includes(found));
  const stack: [unknown, string][] = [[value, '']];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, at] = next;
    if (typeof item === 'string') {
      if (isBad(item)) return at;
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, inner] of Object.entries(item)) {
        // Shown back in the error message: its own control characters are written out as \u escapes.
        const path = `${at === '' ? '' : `${at}.`}${key.replace(CONTROL_CHARACTER, escape)}`;
        if (isBad(key)) return path;
        stack.push([inner, path]);
      }
    }
  }
  return undefined;
}
