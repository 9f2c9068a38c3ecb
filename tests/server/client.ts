// A signed-in (or not) caller of the app through `inject`, keeping its session cookie like a browser.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { formatHlc } from '../../src/sync/hlc.ts';

export interface Answer {
  status: number;
  // The JSON body; tests read fields off it freely. `any` keeps assertions short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
  setCookie: string[];
}

export class Client {
  cookie: string | undefined;

  constructor(readonly app: FastifyInstance) {}

  async call(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
    const raw = response.headers['set-cookie'];
    const setCookie = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
    for (const line of setCookie) {
      const [pair = ''] = line.split(';');
      const [name, value = ''] = pair.split('=');
      if (name === 'coorie_session') this.cookie = value ? `coorie_session=${value}` : undefined;
    }
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      body: isJson && response.body ? JSON.parse(response.body) : response.body,
      headers: response.headers,
      setCookie,
    };
  }

  get = (url: string, headers?: Record<string, string>) => this.call('GET', url, undefined, headers);
  post = (url: string, payload?: unknown, headers?: Record<string, string>) => this.call('POST', url, payload, headers);
  patch = (url: string, payload?: unknown) => this.call('PATCH', url, payload);
  delete = (url: string) => this.call('DELETE', url);
}

export const PASSWORD = 'a long enough password';

let emailCounter = 0;
export const uniqueEmail = (who = 'person') => `${who}.${++emailCounter}@example.org`;

/** Sets up an organisation; returns its first coordinator, signed in. */
export async function setUpOrganisation(app: FastifyInstance, organisation = 'Moray Peers'): Promise<Client> {
  const coordinator = new Client(app);
  const answer = await coordinator.post('/api/organisations', {
    organisation,
    name: 'Ailsa',
    email: uniqueEmail('ailsa'),
    password: PASSWORD,
    device: 'Office laptop',
  });
  if (answer.status !== 201) throw new Error(`setup failed: ${JSON.stringify(answer.body)}`);
  return coordinator;
}

/** Adds a team member through the coordinator, and signs them in on a new device. */
export async function addMember(
  coordinator: Client,
  role: 'coordinator' | 'facilitator' | 'visitor',
  name = 'Morag',
): Promise<Client> {
  const email = uniqueEmail(name.toLowerCase());
  const created = await coordinator.post('/api/users', { name, email, role, password: PASSWORD });
  if (created.status !== 201) throw new Error(`adding a user failed: ${JSON.stringify(created.body)}`);
  const member = new Client(coordinator.app);
  const signedIn = await member.post('/api/auth/sign-in', { email, password: PASSWORD, device: `${name}'s tablet` });
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`);
  return member;
}

/** A version at `millis` (now by default). */
export function hlc(millis = Date.now(), counter = 0, node = 'testnode1'): string {
  return formatHlc({ millis, counter, node });
}

/** A change with every field stamped with one version. */
export function change(kind: string, id: string, values: Record<string, unknown>, version = hlc()) {
  return { kind, id, values, versions: Object.fromEntries(Object.keys(values).map((field) => [field, version])) };
}

let batchCounter = 0;
export function pushBody(changes: unknown[], batchId = `batch-${++batchCounter}`, deviceId = 'testnode1') {
  return { protocol: 1, deviceId, batchId, changes };
}
