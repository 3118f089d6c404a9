/**
 * /api/vocab: a movie's vocabulary list (made as the chat makes it, starting or joining its
 * translation job), its words page by page, the job's state, one word with its examples, and
 * totals. The core's VocabQueries answers; this file checks the shapes and maps refusals to 4xx.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { UserRef } from '../../src/core/types.js';
import type { JobState } from '../../src/core/vocab/enrichment/job-state.js';
import { supportedLanguageList } from '../../src/core/vocab/languages.js';
import type { Answer, QueryError, VocabQueries } from '../../src/core/vocab/vocab-queries.js';
import { ApiError, publicReply } from './api-error.js';
import { API_USER } from './request-routes.js';
import { langQuery, movieParams, pageQuery, vocabBody, wordParams } from './vocab-schemas.js';

/** What the chat's answer instead of a list means for the caller. */
const REFUSAL_STATUS: Record<string, number> = {
  'vocab.noScript': 404,
  'vocab.scriptTooShort': 404,
  'vocab.scriptTooLarge': 404,
  'vocab.notAScript': 404,
  'vocab.sourceQuota': 503,
  'vocab.sourceDown': 502,
  'vocab.unexpected': 500,
  'vocab.emptyTitle': 400,
  'vocab.titleTooLong': 400,
};

function stateText(s: JobState): string {
  switch (s.status) {
    case 'not_started':
      return s.reason === 'no_translator'
        ? 'no translator is configured (DEEPL_API_KEY, LIBRETRANSLATE_URL …)'
        : s.reason === 'unsupported'
          ? 'no configured translator translates into this language'
          : 'no job has been started: POST /api/vocab starts one';
    case 'enriching':
      return `the job is translating (${s.done} of ${s.total} words)`;
    case 'paused':
      return `the job is paused (${s.reason}) until ${s.until}`;
    case 'failed':
      return `the job failed (${s.reason})`;
    case 'ready':
      return 'the job is ready';
  }
}

function refusal(e: QueryError): ApiError {
  switch (e.code) {
    case 'unknown_language':
      return new ApiError(
        400,
        e.code,
        `There is no language "${e.language}" to translate into. One of: ${supportedLanguageList()}.`,
      );
    case 'unknown_movie':
      return new ApiError(
        404,
        e.code,
        `There is no vocabulary for "${e.key}". POST /api/vocab {"title", "lang"} makes one.`,
      );
    case 'unknown_word':
      return new ApiError(404, e.code, `"${e.word}" is not in the vocabulary of ${e.title}.`);
    case 'page_not_found':
      return new ApiError(404, e.code, `Page ${e.page} is past the last one (${e.pages}).`);
    case 'not_ready':
      return new ApiError(404, e.code, `"${e.word}" is not translated yet: ${stateText(e.state)}.`, {
        extra: { enrichment: e.state },
      });
    case 'refused':
      return new ApiError(REFUSAL_STATUS[e.reply.code] ?? 422, e.reply.code, e.reply.text);
    case 'unavailable':
      return new ApiError(
        503,
        'vocab_unavailable',
        'The vocabulary lists could not be loaded; see the log (npm run doctor).',
      );
  }
}

function value<T>(a: Answer<T>): T {
  if (!a.ok) throw refusal(a.error);
  return a.value;
}

const MOVIE = '/api/vocab/movies/:key';

export const vocabRoutes: FastifyPluginAsyncZod<{ vocab: VocabQueries }> = async (app, { vocab }) => {
  app.post('/api/vocab', { schema: { body: vocabBody } }, async (req) => {
    const { title, lang, level, user } = req.body;
    // The person the hourly limit counts, as POST /api/requests names them.
    const who: UserRef = user ? { ...API_USER, userId: user, chatId: user, name: user } : API_USER;
    const list = value(await vocab.list(who, { title, lang, ...(level ? { range: level } : {}) }));
    return { ...list, reply: publicReply(list.reply) };
  });

  app.get(MOVIE, { schema: { params: movieParams, querystring: pageQuery } }, async (req) => {
    const { lang, level, page } = req.query;
    return value(
      await vocab.page(req.params.key, {
        ...(lang ? { lang } : {}),
        ...(level ? { range: level } : {}),
        ...(page ? { page } : {}),
      }),
    );
  });

  app.get(`${MOVIE}/status`, { schema: { params: movieParams, querystring: langQuery } }, async (req) =>
    value(await vocab.status(req.params.key, req.query.lang)),
  );

  app.get(`${MOVIE}/words/:lemma`, { schema: { params: wordParams, querystring: langQuery } }, async (req) =>
    value(await vocab.word(req.params.key, req.params.lemma, req.query.lang)),
  );

  app.get('/api/vocab/stats', async () => vocab.stats());
};
