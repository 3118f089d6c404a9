/**
 * The base every fake upstream is built on: a real HTTP server on 127.0.0.1 with a random port,
 * a route table, a log of every call, latency, and failure switches (down, status, malformed
 * JSON, hang). Each fake (tmdb.ts, sonarr.ts, …) only adds its routes and its data.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody: string;
  at: number;
}

export interface FakeRequest extends RecordedCall {
  params: Record<string, string>;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  /** Sent as-is instead of JSON (HTML pages, malformed JSON). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/** A failure to inject: applies to every route until cleared (or for `times` calls). */
export type Failure =
  | { kind: 'status'; status: number; body?: unknown; raw?: string; headers?: Record<string, string> }
  | { kind: 'malformed' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  /**
   * The request is carried out, but its answer is lost: what a reverse proxy in front of a slow
   * *arr answers (nginx 502/504) after the app has already added the item. Applies to writes
   * (POST, PUT) only; reads pass.
   */
  | { kind: 'answer_lost'; status: number };

export interface FakeServer {
  readonly url: string;
  readonly calls: RecordedCall[];
  /** Calls whose method and path match (path may be a prefix ending in `*`). */
  callsTo(method: string, path: string): RecordedCall[];
  setLatency(ms: number): void;
  /** Make the next `times` calls (default: all until cleared with null) fail this way. */
  fail(failure: Failure | null, times?: number): void;
  /** Stop listening: the service is down (connection refused) until `start` is called again. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

/** `/api/v3/series/:id` → a matcher. */
function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const src = path
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${src}$`), keys };
}

export class FakeHttp implements FakeServer {
  readonly calls: RecordedCall[] = [];
  private readonly routes: Route[] = [];
  private server: Server | undefined;
  private port = 0;
  private latency = 0;
  private failure: Failure | null = null;
  private failuresLeft = Infinity;
  private readonly sockets = new Set<Socket>();
  /** Decode percent-encoded paths before routing (Discord's `%40original`). */
  protected decodePaths = true;
  /** Called for every request received (npm run fakes prints them). */
  onCall: ((call: RecordedCall) => void) | undefined;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  route(method: string, path: string, handler: Handler): this {
    this.routes.push({ method, ...compile(path), handler });
    return this;
  }

  callsTo(method: string, path: string): RecordedCall[] {
    const prefix = path.endsWith('*') ? path.slice(0, -1) : undefined;
    return this.calls.filter(
      (c) => c.method === method && (prefix !== undefined ? c.path.startsWith(prefix) : c.path === path),
    );
  }

  setLatency(ms: number): void {
    this.latency = ms;
  }

  fail(failure: Failure | null, times = Infinity): void {
    this.failure = failure;
    this.failuresLeft = times;
  }

  /** Listen on 127.0.0.1: a random free port by default, or `port` (npm run fakes). */
  async start(port = 0): Promise<this> {
    this.port = port;
    await this.up();
    return this;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.dispatch(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  close(): Promise<void> {
    return this.down();
  }

  /** Hook for fakes that need to see the raw Node request (auth checks shared by all routes). */
  protected before(_req: FakeRequest): FakeResponse | undefined {
    return undefined;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = this.decodePaths ? decodeURIComponent(url.pathname) : url.pathname;
    let body: unknown = rawBody;
    const type = String(req.headers['content-type'] ?? '');
    if (type.includes('json') && rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    } else if (type.includes('x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(rawBody));
    }
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      rawBody,
      at: Date.now(),
    };
    this.calls.push(call);
    this.onCall?.(call);
    if (this.latency > 0) await new Promise((r) => setTimeout(r, this.latency));

    if (this.failure && this.failuresLeft > 0 && this.failure.kind !== 'answer_lost') {
      const f = this.failure;
      this.failuresLeft -= 1;
      if (this.failuresLeft <= 0) this.failure = null;
      if (f.kind === 'hang') return; // never answer; the client's timeout must fire
      if (f.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (f.kind === 'malformed') return send(res, { status: 200, raw: '{"results": [', headers: json() });
      if (f.raw !== undefined) return send(res, { status: f.status, raw: f.raw, headers: f.headers ?? {} });
      return send(res, {
        status: f.status,
        body: f.body ?? { message: 'injected failure' },
        headers: f.headers ?? {},
      });
    }

    for (const r of this.routes) {
      if (r.method !== call.method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? '')]));
      const fakeReq: FakeRequest = { ...call, params };
      try {
        const early = this.before(fakeReq);
        const answer = early ?? (await r.handler(fakeReq));
        const write = call.method === 'POST' || call.method === 'PUT';
        const lost =
          write && this.failure?.kind === 'answer_lost' && this.failuresLeft > 0 ? this.failure : undefined;
        if (lost) {
          this.failuresLeft -= 1;
          if (this.failuresLeft <= 0) this.failure = null;
          return send(res, { status: lost.status, raw: '<html><body>502 Bad Gateway</body></html>' });
        }
        return send(res, answer);
      } catch (e) {
        return send(res, { status: 500, body: { message: `fake crashed: ${(e as Error).message}` } });
      }
    }
    send(res, {
      status: 404,
      body: { message: 'NotFound', description: `no fake route for ${call.method} ${path}` },
    });
  }
}

function json(): Record<string, string> {
  return { 'content-type': 'application/json; charset=utf-8' };
}

function send(res: ServerResponse, r: FakeResponse): void {
  if (res.writableEnded) return;
  // A 204 has no body, so no content type: clients that see JSON declared try to parse nothing.
  const headers = { ...(r.raw === undefined && r.status !== 204 ? json() : {}), ...r.headers };
  res.writeHead(r.status, headers);
  if (r.raw !== undefined) res.end(r.raw);
  else if (r.body === undefined || r.status === 204) res.end();
  else res.end(JSON.stringify(r.body));
}
