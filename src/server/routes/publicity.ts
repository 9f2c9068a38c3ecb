// Promotion (README, "Promotion and the public timetable"): a coordinator's publicity settings, and the public
// timetable they open, as JSON and as HTML pages (a timetable and an A4 poster) that need no sign-in.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../api/errors.ts';
import {
  publicityAnswer,
  publicityBody,
  publicTimetableSchema,
  timetableParams,
  type PublicTimetable,
} from '../../api/publicity.ts';
import { requireRole } from '../auth/signIn.ts';
import { notFound } from '../errors.ts';
import { PAGE_HELMET, posterPage, timetablePage } from '../publicity/pages.ts';
import { buildTimetable, TimetableCache } from '../publicity/timetable.ts';
import { writeAudit } from '../store/audit.ts';
import { findOrganisation } from '../store/organisations.ts';
import {
  ensurePublicity,
  findPublicityBySlug,
  makeSlug,
  writePublicity,
  type StoredPublicity,
} from '../store/publicity.ts';
import { valid } from '../validation.ts';

/** Phones and health visitors' inboxes may keep it five minutes; the server keeps its own copy a minute. */
const PUBLIC_CACHE = 'public, max-age=300';
/** Generous for people, tight for a script walking through addresses. */
const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };

const answerOf = (settings: StoredPublicity, organisation: string) => {
  const { organisationId: _organisationId, ...rest } = settings;
  return { settings: { ...rest, organisation } };
};

export default async function publicityRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;
  const cache = new TimetableCache();

  app.get('/api/organisation/publicity', { schema: { response: { 200: publicityAnswer } } }, async (request) => {
    const { user } = await requireRole(request, 'coordinator');
    const organisation = await findOrganisation(db, user.organisationId);
    const name = organisation?.name ?? '';
    return answerOf(await ensurePublicity(db, user.organisationId, name), name);
  });

  const put = { schema: { body: publicityBody, response: { 200: publicityAnswer } } };
  app.put('/api/organisation/publicity', put, async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { newLink, ...settings } = valid(request).body;
    const organisation = await findOrganisation(db, user.organisationId);
    const name = organisation?.name ?? '';
    const before = await ensurePublicity(db, user.organisationId, name);
    const slug = newLink ? makeSlug(name) : before.slug;
    await writePublicity(db, user.organisationId, settings, slug);
    cache.forget(before.slug);
    await writeAudit(db, {
      organisationId: user.organisationId,
      userId: user.id,
      deviceId: device.id,
      action: 'publicity_changed',
      detail: { enabled: settings.enabled, newLink: newLink === true },
    });
    return answerOf({ ...settings, organisationId: user.organisationId, slug }, name);
  });

  /** The timetable of an enabled slug, through the cache; 404 for an unknown or switched-off one. */
  async function timetableOf(slug: string): Promise<PublicTimetable> {
    const settings = await findPublicityBySlug(db, slug);
    if (!settings?.enabled) throw notFound('There is no public timetable at this address.');
    return cache.get(slug, Date.now(), () => buildTimetable(db, settings, Date.now()));
  }

  /** Answers 304 when the browser already holds this version. */
  function cached(request: FastifyRequest, reply: FastifyReply, body: string): boolean {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('Cache-Control', PUBLIC_CACHE).header('ETag', etag);
    if (request.headers['if-none-match'] === etag) {
      void reply.status(304).send();
      return true;
    }
    return false;
  }

  const publicRoute = {
    config: { rateLimit: PUBLIC_RATE_LIMIT },
    schema: { params: timetableParams, response: { 200: publicTimetableSchema, 404: errorBodySchema } },
  };
  app.get('/api/public/timetable/:slug', publicRoute, async (request, reply) => {
    const timetable = await timetableOf(valid(request).params.slug);
    // Through its schema, so that no field the contract does not name can leave, as for every answer.
    const body = JSON.stringify(publicTimetableSchema.parse(timetable));
    if (cached(request, reply, body)) return reply;
    // Sent as the text the ETag was made from, not serialised a second time.
    return reply
      .type('application/json; charset=utf-8')
      .serializer(String)
      .send(body as unknown as PublicTimetable);
  });

  const pageRoute = {
    config: { rateLimit: PUBLIC_RATE_LIMIT },
    helmet: PAGE_HELMET,
    schema: { params: timetableParams },
  };
  app.get('/t/:slug', pageRoute, async (request, reply) => {
    const { slug } = valid(request).params;
    const html = timetablePage(await timetableOf(slug), `/t/${encodeURIComponent(slug)}/poster`);
    if (cached(request, reply, html)) return reply;
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/t/:slug/poster', pageRoute, async (request, reply) => {
    const { slug } = valid(request).params;
    const url = `${request.protocol}://${request.host}/t/${encodeURIComponent(slug)}`;
    const html = posterPage(await timetableOf(slug), url);
    if (cached(request, reply, html)) return reply;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
