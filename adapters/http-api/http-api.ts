/**
 * The HTTP server (off unless HTTP_PORT is set): the JSON API behind a bearer token, and the
 * unauthenticated /healthz and /metrics for monitoring. Every /api call goes to the same core the
 * chats use; bodies are parsed with zod and every refusal is a 4xx with a sentence saying why.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Operations } from '../../src/core/core.js';
import type { Logger } from '../../src/core/ports.js';
import type { Reply, RequestStatus, UserRef } from '../../src/core/types.js';
import type { ChatStatus } from '../chat/chat-supervisor.js';
import { CONTENT_TYPE, renderMetrics } from './prometheus.js';
import {
  adminBody,
  classifyBody,
  describeIssues,
  listQuery,
  reclassifyBody,
  requestBody,
} from './schemas.js';

export interface HttpApiOptions {
  ops: Operations;
  /** API_TOKEN. */
  token: string;
  dataDir: string;
  /** Each chat's state (connected, retrying, failed), for /healthz and /metrics. */
  chats: () => ChatStatus[];
  /** Translation jobs queued or running and characters billed, for /metrics; absent = 0. */
  enrichment?: () => Promise<{ waiting: number; characters: number }>;
  logger: Logger;
  /** Largest body read, bytes (default 64 KiB). */
  maxBodyBytes?: number;
}

/** A refusal the caller can act on: status, a stable code, a sentence. */
class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface Response {
  status: number;
  body: unknown;
  contentType?: string;
}

const API_USER: UserRef = { platform: 'http', userId: 'api', chatId: 'api', name: 'HTTP API' };
/** Reply codes that mean "you asked for something that is not there / not valid", not a server fault. */
const NOT_FOUND_CODES = new Set(['admin.notFound']);
const BAD_INPUT_CODES = /^(parse\.|admin\.unknownTarget$)/;

const digest = (s: string) => createHash('sha256').update(s).digest();

export class HttpApi {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly tokenDigest: Buffer;
  private readonly log: Logger;

  constructor(private readonly opts: HttpApiOptions) {
    this.tokenDigest = digest(opts.token);
    this.log = opts.logger.child({ module: 'http-api' });
  }

  /** Listen; resolves with the base URL (port 0 picks a free one). */
  async listen(port: number, host: string): Promise<string> {
    const server = createServer((req, res) => void this.serve(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const addr = server.address() as AddressInfo;
    const url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
    this.log.info({ url }, 'HTTP API listening');
    return url;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let out: Response;
    try {
      out = await this.route(req);
    } catch (e) {
      if (e instanceof ApiError)
        out = { status: e.status, body: { error: { code: e.code, message: e.message, ...e.extra } } };
      else {
        this.log.error(
          { err: e, method: req.method, path: req.url?.split('?')[0] },
          'HTTP API handler failed',
        );
        out = {
          status: 500,
          body: { error: { code: 'internal', message: 'Something went wrong on the server; see its log.' } },
        };
      }
    }
    const headers: Record<string, string> = {
      'content-type': out.contentType ?? 'application/json; charset=utf-8',
    };
    if (out.status === 401) headers['www-authenticate'] = 'Bearer realm="reelbot"';
    res.writeHead(out.status, headers);
    res.end(typeof out.body === 'string' ? out.body : JSON.stringify(out.body));
  }

  private async route(req: IncomingMessage): Promise<Response> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (path === '/healthz') return this.only(method, 'GET', () => this.health());
    if (path === '/metrics') return this.only(method, 'GET', () => this.metrics());
    if (!path.startsWith('/api/'))
      throw new ApiError(404, 'not_found', `There is no ${path}. See README.md → HTTP API.`);
    this.authenticate(req);
    const { ops } = this.opts;

    if (path === '/api/classify')
      return this.only(method, 'POST', async () => {
        const body = await this.body(req, classifyBody);
        const r = await ops.classify(body.query);
        if ('reply' in r) throw replyError(r.reply);
        return { status: 200, body: r.result };
      });
    if (path === '/api/requests') {
      if (method === 'GET') {
        const q = parse(listQuery, Object.fromEntries(url.searchParams), 'invalid_query');
        const all = await ops.list({
          ...(q.status ? { status: q.status as RequestStatus[] } : {}),
          ...(q.user ? { user: q.user } : {}),
        });
        return { status: 200, body: { count: all.length, requests: all.slice(0, q.limit) } };
      }
      return this.only(method, 'POST', async () => {
        const body = await this.body(req, requestBody);
        const user: UserRef = body.user
          ? { ...API_USER, userId: body.user, chatId: body.user, name: body.user }
          : API_USER;
        const input: Parameters<Operations['request']>[1] = { title: body.title };
        if (body.kind) input.hint = body.kind;
        if (body.year !== undefined) input.year = body.year;
        if (body.key) input.key = body.key;
        const r = await ops.request(user, input);
        if (!r.request || r.reply.code === 'internal.error') throw replyError(r.reply, 500);
        return { status: 201, body: { request: r.request, reply: publicReply(r.reply) } };
      });
    }
    const one = /^\/api\/requests\/([a-z0-9]{4,12})(\/reclassify)?$/i.exec(path);
    if (one) {
      const id = (one[1] ?? '').toLowerCase();
      if (!one[2])
        return this.only(method, 'GET', async () => {
          const r = await ops.get(id);
          if (!r) throw new ApiError(404, 'not_found', `There is no request ${id}.`);
          return { status: 200, body: { request: r } };
        });
      return this.only(method, 'POST', async () => {
        const body = await this.body(req, reclassifyBody, true);
        const r = await ops.reclassify(API_USER, id, {
          ...(body.kind ? { kind: body.kind } : {}),
          ...(body.force_service ? { service: body.force_service } : {}),
        });
        if (!r.request || BAD_INPUT_CODES.test(r.reply.code) || r.reply.code === 'internal.error')
          throw replyError(r.reply);
        return { status: 200, body: { request: r.request, reply: publicReply(r.reply) } };
      });
    }
    if (path === '/api/admin')
      return this.only(method, 'POST', async () => {
        const body = await this.body(req, adminBody);
        const reply = await ops.admin(API_USER, body.command);
        if (BAD_INPUT_CODES.test(reply.code) || NOT_FOUND_CODES.has(reply.code)) throw replyError(reply);
        return { status: 200, body: publicReply(reply) };
      });
    throw new ApiError(404, 'not_found', `There is no ${path}. See README.md → HTTP API.`);
  }

  private async only(method: string, allowed: string, handler: () => Promise<Response>): Promise<Response> {
    if (method !== allowed) throw new ApiError(405, 'method_not_allowed', `Use ${allowed} here.`);
    return handler();
  }

  private authenticate(req: IncomingMessage): void {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      throw new ApiError(401, 'unauthorized', 'Send the API token as "Authorization: Bearer <API_TOKEN>".');
    if (!timingSafeEqual(digest(m[1] ?? ''), this.tokenDigest))
      throw new ApiError(401, 'unauthorized', 'That API token is not the one this bot has (API_TOKEN).');
  }

  /** Read and parse a JSON body; `optional` accepts an empty one as `{}`. */
  private async body<S extends z.ZodType>(
    req: IncomingMessage,
    schema: S,
    optional = false,
  ): Promise<z.infer<S>> {
    const max = this.opts.maxBodyBytes ?? 64 * 1024;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > max) throw new ApiError(413, 'too_large', `The body is larger than ${max} bytes.`);
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '' && optional) return parse(schema, {}, 'invalid_body');
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type))
      throw new ApiError(
        415,
        'unsupported_media_type',
        'Send the body as JSON with "Content-Type: application/json".',
      );
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
    }
    return parse(schema, data, 'invalid_body');
  }

  private async health(): Promise<Response> {
    const chats = this.opts.chats().map((c) => ({ ...c, connected: c.state === 'connected' }));
    let writable = true;
    try {
      await access(this.opts.dataDir, constants.W_OK);
      await access(join(this.opts.dataDir, 'requests.json'), constants.W_OK).catch(
        (e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
        },
      );
    } catch {
      writable = false;
    }
    const last = this.opts.ops.lastProcess();
    const ok = writable && chats.every((c) => c.connected);
    return {
      status: ok ? 200 : 503,
      body: {
        status: ok ? 'ok' : 'degraded',
        chats,
        store: { writable },
        lastProcessRun: last ? { at: last.at, ...last.report } : null,
      },
    };
  }

  private async metrics(): Promise<Response> {
    const byStatus: Partial<Record<RequestStatus, number>> = {};
    for (const r of await this.opts.ops.list()) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const last = this.opts.ops.lastProcess();
    const jobs = (await this.opts.enrichment?.()) ?? { waiting: 0, characters: 0 };
    const text = renderMetrics({
      jobQueueLength: jobs.waiting,
      translationCharacters: jobs.characters,
      requestsByStatus: byStatus,
      upstreamErrors: this.opts.ops.metrics.upstreamErrors(),
      lastProcessRun: last ? Math.floor(Date.parse(last.at) / 1000) : 0,
      chats: this.opts.chats().map((c) => ({ platform: c.platform, connected: c.state === 'connected' })),
    });
    return { status: 200, body: text, contentType: CONTENT_TYPE };
  }
}

function parse<S extends z.ZodType>(schema: S, data: unknown, code: string): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const { message, issues } = describeIssues(r.error);
  throw new ApiError(400, code, message, { issues });
}

function publicReply(r: Reply): { code: string; text: string } {
  return { code: r.code, text: r.text };
}

/** A core reply that refuses the call → the matching 4xx (5xx when the core itself failed). */
function replyError(r: Reply, fallback = 422): ApiError {
  const status = NOT_FOUND_CODES.has(r.code)
    ? 404
    : BAD_INPUT_CODES.test(r.code)
      ? 400
      : r.code === 'media.noCatalogs'
        ? 503
        : r.code === 'internal.error'
          ? 500
          : fallback;
  return new ApiError(status, r.code, r.text);
}
