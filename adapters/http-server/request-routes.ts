/** /api/classify and /api/requests: the same core calls a chat makes, as the "HTTP API" user. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Operations } from '../../src/core/core.js';
import type { UserRef } from '../../src/core/types.js';
import { ApiError, isBadInput, publicReply, replyError } from './api-error.js';
import { classifyBody, listQuery, reclassifyBody, requestBody, requestId } from './schemas.js';

/** Who every API call acts as: an admin, with no access list, quota or approval. */
export const API_USER: UserRef = { platform: 'http', userId: 'api', chatId: 'api', name: 'HTTP API' };
/** Anything else under /api/requests/ is a 404, as an unknown path. */
const ONE = '/api/requests/:id([a-zA-Z0-9]{4,12})';

export const requestRoutes: FastifyPluginAsyncZod<{ ops: Operations }> = async (app, { ops }) => {
  app.post('/api/classify', { schema: { body: classifyBody } }, async (req) => {
    const r = await ops.classify(req.body.query);
    if ('reply' in r) throw replyError(r.reply);
    return r.result;
  });

  app.get('/api/requests', { schema: { querystring: listQuery } }, async (req) => {
    const { status, user, limit } = req.query;
    const all = await ops.list({ ...(status ? { status } : {}), ...(user ? { user } : {}) });
    return { count: all.length, requests: all.slice(0, limit) };
  });

  app.post('/api/requests', { schema: { body: requestBody } }, async (req, reply) => {
    const body = req.body;
    const user: UserRef = body.user
      ? { ...API_USER, userId: body.user, chatId: body.user, name: body.user }
      : API_USER;
    const input: Parameters<Operations['request']>[1] = { title: body.title };
    if (body.kind) input.hint = body.kind;
    if (body.year !== undefined) input.year = body.year;
    if (body.key) input.key = body.key;
    const r = await ops.request(user, input);
    if (!r.request || r.reply.code === 'internal.error') throw replyError(r.reply, 500);
    return reply.code(201).send({ request: r.request, reply: publicReply(r.reply) });
  });

  app.get(ONE, { schema: { params: requestId } }, async (req) => {
    const r = await ops.get(req.params.id);
    if (!r) throw new ApiError(404, 'not_found', `There is no request ${req.params.id}.`);
    return { request: r };
  });

  app.post(`${ONE}/reclassify`, { schema: { params: requestId, body: reclassifyBody } }, async (req) => {
    const { kind, force_service } = req.body;
    const r = await ops.reclassify(API_USER, req.params.id, {
      ...(kind ? { kind } : {}),
      ...(force_service ? { service: force_service } : {}),
    });
    if (!r.request || isBadInput(r.reply) || r.reply.code === 'internal.error') throw replyError(r.reply);
    return { request: r.request, reply: publicReply(r.reply) };
  });
};
