/**
 * Webhooks a chat platform receives on this server (Telegram's, when TELEGRAM_WEBHOOK_URL is set):
 * one POST route per receiver, outside /api and its bearer token, since the platform proves itself
 * with its own secret. The answer is all the platform reads: a 2xx means "delivered", anything else
 * makes it send the same update again later.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from './api-error.js';

/** accepted: handled (or a repeat); forbidden: wrong secret; invalid: not an update; not_ready: try later. */
export type WebhookVerdict = 'accepted' | 'forbidden' | 'invalid' | 'not_ready';

export interface WebhookReceiver {
  /** The path the platform posts to, e.g. /telegram/3f9c… */
  readonly path: string;
  /** Judge one request and, if accepted, hand the update off; resolves once it is taken. */
  receive(body: unknown, headers: IncomingHttpHeaders): Promise<WebhookVerdict>;
}

/** Larger than any update Telegram sends; a 413 would only make it resend the same one. */
const BODY_LIMIT = 1024 * 1024;

const REFUSALS: Record<Exclude<WebhookVerdict, 'accepted'>, () => ApiError> = {
  forbidden: () => new ApiError(403, 'forbidden', 'The webhook secret is missing or wrong.'),
  invalid: () => new ApiError(400, 'invalid_update', 'The body is not an update.'),
  not_ready: () =>
    new ApiError(503, 'unavailable', 'The chat is not running yet; send the update again later.'),
};

export const webhookRoutes: FastifyPluginAsync<{ receivers: readonly WebhookReceiver[] }> = async (
  app,
  { receivers },
) => {
  for (const receiver of receivers) {
    app.post(receiver.path, { bodyLimit: BODY_LIMIT }, async (req, reply) => {
      const verdict = await receiver.receive(req.body, req.headers);
      if (verdict !== 'accepted') throw REFUSALS[verdict]();
      return reply.code(200).send();
    });
  }
};
