/** POST /api/admin: any admin command, as in chat; what `npm run retry` and the others use while the bot runs. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Operations } from '../../src/core/core.js';
import { isRefusal, publicReply, replyError } from './api-error.js';
import { API_USER } from './request-routes.js';
import { adminBody } from './schemas.js';

export const adminRoutes: FastifyPluginAsyncZod<{ ops: Operations }> = async (app, { ops }) => {
  app.post('/api/admin', { schema: { body: adminBody } }, async (req) => {
    const reply = await ops.admin(API_USER, req.body.command);
    if (isRefusal(reply)) throw replyError(reply);
    return publicReply(reply);
  });
};
