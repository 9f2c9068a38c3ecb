// The app's one HTTP helper: calls an endpoint of this origin's API; every failure becomes an ApiError. Answers are
// checked against the endpoint's schema in src/api/ (checked.ts), except the first screen's few: it has no room
// for zod, so account/api.ts reads those by hand.
import type { ErrorBody } from '../../api/errors.ts';

/** `status` 0 with code `network` means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const badResponse = () =>
  new ApiError(502, 'bad_response', 'The server sent an answer Coorie does not understand.');

/** Calls one endpoint and returns its JSON unread (undefined for 204 No Content); failures become ApiError. */
export async function request(method: Method, path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (response.status === 204) return undefined;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorOf(payload);
    if (error) throw new ApiError(response.status, error.code, error.message);
    throw new ApiError(response.status, 'http_' + response.status, `The server answered ${response.status}.`);
  }
  return payload;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The error of api/errors.ts's one error body, read by hand: every request on the first screen meets this. */
function errorOf(payload: unknown): ErrorBody['error'] | undefined {
  const error = isObject(payload) ? payload.error : undefined;
  if (!isObject(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  return { code: error.code, message: error.message };
}
