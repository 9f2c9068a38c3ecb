// The public questionnaire link: a parent's phone reads the questionnaire and sends answers, with no account
// and no cookie. What is stored is the answers alone: no address, no device, no time of day (README, "Peer
// research questionnaires"). Floods meet a limit per address (counted in the database as a hash, for an hour,
// like the other request limits) and a cap per questionnaire.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../api/errors.ts';
import {
  DEFAULT_LINK_CAP,
  linkParams,
  PUBLIC_ANSWER_BODY_LIMIT,
  PUBLIC_ANSWERS_PER_HOUR,
  publicQuestionnaireAnswer,
  publicResponseAnswer,
  publicResponseBody,
  type PublicQuestionnaire,
} from '../../api/research.ts';
import { londonDate } from '../../domain/london.ts';
import type { QuestionnaireVersion } from '../../domain/questionnaire.ts';
import { answerProblems, currentVersion, findVersion, keptAnswers } from '../../domain/questionnaireRules.ts';
import { formatHlc } from '../../sync/hlc.ts';
import { HttpError, notFound } from '../errors.ts';
import { PAGE_HELMET } from '../publicity/pages.ts';
import { questionnairePosterPage, questionnaireQr } from '../publicity/questionnairePoster.ts';
import { countRequest, readCount } from '../store/rateLimits.ts';
import { findQuestionnaireByLink, responseExists, type LinkedQuestionnaire } from '../store/research.ts';
import { applyChanges } from '../sync/push.ts';
import { valid } from '../validation.ts';

const HOUR = 60 * 60 * 1000;
/** The per-questionnaire count never ends on its own: ten years stands for "for as long as it runs". */
const FOR_GOOD = 10 * 365 * 24 * HOUR;
/** Who wrote an answer that came by link: nobody of the team, and no one else either. */
const LINK_AUTHOR = 'public-link';
/** The poster and its QR code, like the timetable's pages: generous for people, tight for a script. */
const POSTER_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };

const unknownLink = () =>
  notFound('There is no questionnaire at this link. Check the link, or ask the group that gave it to you.');

/** The questionnaire behind an open link; 404 for none (or a draft), 410 once it is closed. */
async function openQuestionnaire(app: FastifyInstance, linkId: string): Promise<LinkedQuestionnaire> {
  const found = await findQuestionnaireByLink(app.store.db, linkId);
  if (!found || found.record.erasedAt || found.record.values.status === 'draft') throw unknownLink();
  if (found.record.values.status !== 'open') {
    throw new HttpError(410, 'closed', 'This questionnaire has closed and takes no more answers. Thank you.');
  }
  return found;
}

const versionsOf = (found: LinkedQuestionnaire) => (found.record.values.versions ?? []) as QuestionnaireVersion[];

export default async function researchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const reading = {
    schema: { params: linkParams, response: { 200: publicQuestionnaireAnswer, 404: errorBodySchema } },
  };
  app.get('/api/public/questionnaires/:linkId', reading, async (request) => {
    const found = await openQuestionnaire(fastify, valid(request).params.linkId);
    const version = currentVersion(versionsOf(found));
    if (!version) throw unknownLink();
    const questionnaire: PublicQuestionnaire = {
      title: String(found.record.values.title ?? ''),
      about: String(found.record.values.about ?? ''),
      version: version.number,
      questions: version.questions,
    };
    return { questionnaire };
  });

  const sending = {
    bodyLimit: PUBLIC_ANSWER_BODY_LIMIT,
    schema: { params: linkParams, body: publicResponseBody, response: { 200: publicResponseAnswer } },
  };
  app.post('/api/public/questionnaires/:linkId/responses', sending, async (request) => {
    const { db } = fastify.store;
    const { params, body } = valid(request);
    const now = Date.now();
    const perAddress = await countRequest(db, `public-answers|${request.ip}`, HOUR, now);
    if (perAddress.count > PUBLIC_ANSWERS_PER_HOUR) {
      throw new HttpError(429, 'too_many_requests', 'Too many answers from this connection: please try in an hour.');
    }
    const found = await openQuestionnaire(fastify, params.linkId);
    const id = `link-${body.id}`;
    // Sent again after an answer that was lost on the way back: already counted, nothing to do. An id already
    // used is never overwritten, so nobody can change answers someone else sent.
    if (await responseExists(db, found.organisationId, id)) return { status: 'already_saved' as const };
    const version = findVersion(versionsOf(found), body.version);
    if (!version) {
      throw new HttpError(
        409,
        'version_gone',
        'This questionnaire has changed: reload the page to see it as it is now.',
      );
    }
    const problems = answerProblems(version.questions, body.answers, body.other ?? {});
    if (problems.length > 0) {
      throw new HttpError(400, 'invalid_answers', 'Some answers need looking at.', problems);
    }
    const capKey = `link-cap|${found.organisationId}|${found.record.id}`;
    const cap = typeof found.record.values.linkCap === 'number' ? found.record.values.linkCap : DEFAULT_LINK_CAP;
    if ((await readCount(db, capKey, now)).count >= cap) {
      throw new HttpError(
        409,
        'link_full',
        'This questionnaire has had all the answers it can take by link. Thank you for wanting to help.',
      );
    }
    const kept = keptAnswers(version.questions, body.answers, body.other ?? {});
    const values: Record<string, unknown> = {
      questionnaireId: found.record.id,
      version: version.number,
      answers: kept.answers,
      how: 'link',
      answeredOn: londonDate(new Date(now)),
      ...(Object.keys(kept.other).length > 0 ? { other: kept.other } : {}),
    };
    const stamp = formatHlc({ millis: now, counter: 0, node: 'publiclink' });
    const change = {
      kind: 'response',
      id,
      values,
      versions: Object.fromEntries(Object.keys(values).map((field) => [field, stamp])),
    };
    const pusher = { id: LINK_AUTHOR, organisationId: found.organisationId, role: 'visitor' as const };
    const [result] = await applyChanges(db, pusher, [change], now);
    if (result?.status === 'rejected') {
      throw new HttpError(400, 'invalid_answers', result.message ?? 'These answers could not be saved.');
    }
    await countRequest(db, capKey, FOR_GOOD, now);
    return { status: 'saved' as const };
  });

  // A printable poster of the public link with its QR code, and the QR code alone (for a leaflet of the group's
  // own). Public like the link itself; 404 for a draft or an unknown link, 410 once closed.
  const posterRoute = {
    config: { rateLimit: POSTER_RATE_LIMIT },
    helmet: PAGE_HELMET,
    schema: { params: linkParams },
  };
  const posterOf = async (linkId: string) => {
    const found = await openQuestionnaire(fastify, linkId);
    const title = String(found.record.values.title ?? '');
    return { title, about: String(found.record.values.about ?? '') };
  };
  const answerUrl = (host: string, protocol: string, linkId: string) =>
    `${protocol}://${host}/answer/${encodeURIComponent(linkId)}`;

  app.get('/q/:linkId/poster', posterRoute, async (request, reply) => {
    const { linkId } = valid(request).params;
    const html = questionnairePosterPage(await posterOf(linkId), answerUrl(request.host, request.protocol, linkId));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.get('/q/:linkId/qr.svg', posterRoute, async (request, reply) => {
    const { linkId } = valid(request).params;
    const svg = questionnaireQr(await posterOf(linkId), answerUrl(request.host, request.protocol, linkId));
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-store').send(svg);
  });
}
