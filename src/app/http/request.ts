// The app's one HTTP helper: calls an endpoint of this origin's API and checks its answer against that endpoint's
// schema in src/api/, the same one the server declares on its route. The schemas (and zod) load when the first
// answer arrives, not with the first screen, which only needs the request on its way.
import type { z } from 'zod';
import type * as Api from '../../api/index.ts';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Picks the schema of an answer from src/api/, for example `(api) => api.userAnswer`. */
type Answer<T> = (api: typeof Api) => z.ZodType<T>;

const unreachable = () => new ApiError(0, 'network', 'The server could not be reached.');

/** The contract, loaded once; failing to load it is the same to a person as the server being out of reach. */
const loadApi = () => import('../../api/index.ts').catch(() => Promise.reject(unreachable()));

/** Calls one endpoint and returns its answer as its schema reads it; every failure becomes an ApiError. */
export async function request<T>(method: Method, path: string, answer: Answer<T>, body?: unknown): Promise<T> {
  const payload = await call(method, path, body);
  const parsed = answer(await loadApi()).safeParse(payload);
  if (!parsed.success) throw new ApiError(502, 'bad_response', 'The server sent an answer Coorie does not understand.');
  return parsed.data;
}

/** Calls one endpoint whose answer has nothing to read (204 No Content); failures become ApiError. */
export async function send(method: Method, path: string, body?: unknown): Promise<void> {
  await call(method, path, body);
}

async function call(method: Method, path: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw unreachable();
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (await loadApi()).errorBodySchema.safeParse(payload);
    if (error.success) throw new ApiError(response.status, error.data.error.code, error.data.error.message);
    throw new ApiError(response.status, 'http_' + response.status, `The server answered ${response.status}.`);
  }
  return payload;
}
