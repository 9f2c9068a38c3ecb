// A stand-in Web Push service for tests: a real HTTPS server on 127.0.0.1 that takes what web-push sends,
// and a browser's side of a subscription (its P-256 key pair and auth secret) to decrypt it with (RFC 8291).
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Client } from './client.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const cert = readFileSync(path.join(FIXTURES, 'push-service.crt'));
const key = readFileSync(path.join(FIXTURES, 'push-service.key'));

/** Trusts the stand-in's certificate (only it: verification stays on). */
export const pushAgent = () => new Agent({ ca: cert });

export interface Delivery {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface PushService {
  origin: string;
  deliveries: Delivery[];
  /** The status to answer a path with (201 otherwise). */
  answer: Map<string, number>;
  /** Resolves once `count` deliveries have arrived in all. */
  waitFor(count: number): Promise<Delivery[]>;
  close(): Promise<void>;
}

export async function startPushService(): Promise<PushService> {
  const deliveries: Delivery[] = [];
  const answer = new Map<string, number>();
  const waiters: { count: number; resolve: (all: Delivery[]) => void }[] = [];
  const server: Server = createServer({ cert, key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      deliveries.push({
        path: url,
        method: request.method ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(answer.get(url) ?? 201).end();
      for (const waiter of waiters.filter((one) => deliveries.length >= one.count)) waiter.resolve([...deliveries]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    deliveries,
    answer,
    waitFor: (count) =>
      deliveries.length >= count
        ? Promise.resolve([...deliveries])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * The stand-in for each test of a block, started before the test and closed after it (`service()`), and a
 * device subscribing to it at `/push/<name>` as a browser does (`subscribe`).
 */
export function usePushService() {
  let current: PushService | undefined;
  beforeEach(async () => {
    current = await startPushService();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const service = (): PushService => {
    if (!current) throw new Error('The push service runs only inside a test');
    return current;
  };
  return {
    service,
    async subscribe(client: Client, name: string) {
      const subscription = browserSubscription(`${service().origin}/push/${name}`);
      expect((await client.call('PUT', '/api/push/subscription', subscription.json)).status).toBe(204);
      return subscription;
    },
  };
}

/** A browser's half of a subscription: what it sends the server, and the private key to decrypt with. */
export function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    json: {
      endpoint,
      expirationTime: null,
      keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') },
    },
    /** RFC 8291 over RFC 8188's aes128gcm: the message's plaintext, as the browser would read it. */
    decrypt(body: Buffer): string {
      const salt = body.subarray(0, 16);
      const recordSize = body.readUInt32BE(16);
      const idLength = body.readUInt8(20);
      const serverKey = body.subarray(21, 21 + idLength);
      const record = body.subarray(21 + idLength);
      if (record.length > recordSize) throw new Error('more than one record');
      const shared = ecdh.computeSecret(serverKey);
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), publicKey, serverKey]);
      const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32));
      const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
      decipher.setAuthTag(record.subarray(record.length - 16));
      const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
      // The last record ends with the delimiter 0x02, then any zero padding.
      let end = padded.length - 1;
      while (end >= 0 && padded[end] === 0) end -= 1;
      if (padded[end] !== 2) throw new Error('no last-record delimiter');
      return padded.subarray(0, end).toString('utf8');
    },
  };
}

/**
 * Checks a delivery's VAPID Authorization header (RFC 8292): `vapid t=<JWT>, k=<public key>`, the JWT signed
 * with ES256 by that key, for the push service's origin. Returns the JWT's claims and the key.
 */
export function readVapid(delivery: Delivery) {
  const header = String(delivery.headers.authorization ?? '');
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header);
  if (!match) throw new Error(`not a VAPID header: ${header}`);
  const [, jwt = '', k = ''] = match;
  const [head = '', claims = '', signature = ''] = jwt.split('.');
  const raw = Buffer.from(k, 'base64url');
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: raw.subarray(1, 33).toString('base64url'),
    y: raw.subarray(33, 65).toString('base64url'),
  };
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  return {
    signed,
    key: k,
    header: JSON.parse(Buffer.from(head, 'base64url').toString()) as { typ: string; alg: string },
    claims: JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud: string; exp: number; sub: string },
  };
}
