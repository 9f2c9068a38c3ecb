// Compresses JSON answers from the API. A first sync pulls every record the device may see, often over a
// venue's weak mobile signal: JSON of many similar records shrinks to a fraction of its size. Node's own
// zlib through one hook, rather than another dependency. The built app is served precached by the service
// worker, so only the API is worth it here.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { appWide } from './appWide.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this, the saving is a few bytes and not worth the work (the no-op sync's answer is smaller). */
const MIN_BYTES = 1024;

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts, by its Accept-Encoding header; none if it accepts neither. */
export function chooseEncoding(header: string | string[] | undefined): Encoding | undefined {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const accepted = new Set<string>();
  for (const part of value.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

export default appWide(async function compression(app) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') || reply.getHeader('content-encoding') !== undefined) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('application/json')) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    // Small answers go as they are whatever the client accepts, so only larger ones vary by it.
    if (body.length < MIN_BYTES) return payload;
    reply.header('vary', 'Accept-Encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    // Brotli at a middle quality: nearly its best ratio on JSON, at gzip's speed (11 would be far slower).
    const compressed =
      encoding === 'br'
        ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : await gzipAsync(body, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressed;
  });
});
