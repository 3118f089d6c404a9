/**
 * The HTTP server (off unless HTTP_PORT is set), built on fastify: the JSON API behind a bearer
 * token, the unauthenticated /healthz and /metrics for monitoring, and chat webhooks (each checked
 * with its platform's own secret). Every /api call goes to the
 * same core the chats use; bodies are parsed with zod and every refusal is a 4xx with a sentence
 * saying why (see error-replies.ts).
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from '../../src/core/ports.js';
import type { VocabQueries } from '../../src/core/vocab/vocab-queries.js';
import { adminRoutes } from './admin-routes.js';
import { requireToken } from './bearer-token.js';
import { clientErrorHandler, replyWithErrors } from './error-replies.js';
import { fastifyLogger, RequestLog } from './fastify-logger.js';
import { healthRoutes, type HealthSources } from './health-routes.js';
import { requestRoutes } from './request-routes.js';
import { vocabRoutes } from './vocab-routes.js';
import { webhookRoutes, type WebhookReceiver } from './webhook-routes.js';

export interface HttpApiOptions extends HealthSources {
  /** API_TOKEN. */
  token: string;
  logger: Logger;
  /** /api/vocab: absent, those paths are unknown. */
  vocab?: VocabQueries;
  /** Largest body read, bytes (default 64 KiB). */
  maxBodyBytes?: number;
  /** Chat platforms that receive updates here (a Telegram webhook). */
  webhooks?: readonly WebhookReceiver[];
}

/** Node's default, said out loud: larger request headers are refused with 431. */
const MAX_HEADER_BYTES = 16 * 1024;

function build(opts: HttpApiOptions) {
  const log = opts.logger.child({ module: 'http-server' });
  const maxBodyBytes = opts.maxBodyBytes ?? 64 * 1024;
  const app = Fastify({
    loggerInstance: fastifyLogger(log),
    logController: new RequestLog(),
    bodyLimit: maxBodyBytes,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    clientErrorHandler: clientErrorHandler(log, MAX_HEADER_BYTES),
    routerOptions: { ignoreTrailingSlash: true },
    // GET routes answer GET only (HEAD is a 405, as every other method a route does not name).
    exposeHeadRoutes: false,
    // close() ends keep-alive connections too, so the bot stops at once.
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  // JSON is the only body this API reads; an empty one is "no body", for the schema to judge.
  app.removeAllContentTypeParsers();
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body.toString();
    if (text.trim() === '') done(null, undefined);
    else json(req, text, done);
  });

  app.addHook('onRequest', requireToken(opts.token));
  replyWithErrors(app, maxBodyBytes);
  void app.register(requestRoutes, { ops: opts.ops });
  void app.register(adminRoutes, { ops: opts.ops });
  if (opts.vocab) void app.register(vocabRoutes, { vocab: opts.vocab });
  if (opts.webhooks?.length) void app.register(webhookRoutes, { receivers: opts.webhooks });
  void app.register(healthRoutes, {
    ops: opts.ops,
    dataDir: opts.dataDir,
    chats: opts.chats,
    ...(opts.enrichment ? { enrichment: opts.enrichment } : {}),
  });
  return app;
}

export class HttpApi {
  private readonly app: ReturnType<typeof build>;

  constructor(opts: HttpApiOptions) {
    this.app = build(opts);
  }

  /** Listen; resolves with the base URL (port 0 picks a free one). */
  async listen(port: number, host: string): Promise<string> {
    await this.app.listen({ port, host, listenTextResolver: (url) => `HTTP API listening on ${url}` });
    const addr = this.app.server.address() as AddressInfo;
    return `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
