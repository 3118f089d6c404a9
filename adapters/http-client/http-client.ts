/**
 * The one HTTP transport every upstream adapter uses: a timeout per attempt, retries on 429 and
 * 5xx honouring Retry-After, a bottleneck limiter per client (one client per host), an optional
 * GET cache, zod parsing of every body, and errors that name the service and never carry a key.
 */
import Bottleneck from 'bottleneck';
import type { z } from 'zod';
import { UpstreamError } from '../../src/core/errors.js';
import { describeUrl, scrub } from './scrub.js';
import { withBasicAuth } from './basic-auth.js';
import { fetchFollowingRedirects } from './follow-redirects.js';
import { backoffMs, neverConnected, parseRetryAfter } from './retry-policy.js';
import type { HttpClientOptions, RawResponse, RequestOptions, TextResponse } from './http-options.js';
import { upstreamDetail } from './upstream-detail.js';

export type { HttpClientOptions, LimitOptions, RequestOptions, TextResponse } from './http-options.js';

interface CacheEntry {
  expires: number;
  value: unknown;
}

export class HttpClient {
  readonly service: string;
  private readonly opts: HttpClientOptions;
  private readonly limiter: Bottleneck;
  private readonly minTime: number;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly secrets: string[];
  /** Requests waiting for or holding a limiter slot; Bottleneck's own counts update asynchronously. */
  private pending = 0;
  /** When the limiter last let a request start (epoch ms). */
  private lastStart = 0;

  constructor(options: HttpClientOptions) {
    const opts = withBasicAuth(options);
    this.opts = opts;
    this.service = opts.service;
    this.minTime = opts.limit?.minTime ?? 0;
    this.limiter = new Bottleneck({
      minTime: this.minTime,
      maxConcurrent: opts.limit?.maxConcurrent ?? null,
    });
    this.secrets = [...(opts.secrets ?? []), ...Object.values(opts.query ?? {})];
  }

  /** Parse a JSON body with `schema`; throws UpstreamError on any failure. */
  async json<S extends z.ZodType>(req: RequestOptions<S>): Promise<z.infer<S>> {
    const method = req.method ?? 'GET';
    const url = this.url(req.path, req.query);
    const cacheKey = method === 'GET' && this.opts.cacheTtlMs ? url.toString() : undefined;
    if (cacheKey) {
      const hit = this.cache.get(cacheKey);
      if (hit && hit.expires > Date.now()) return hit.value as z.infer<S>;
    }
    const res = await this.send(method, url, req);
    const text = res.body.toString('utf8');
    if (res.status === 204 || text.length === 0) return this.parse(req.schema, undefined, url, method);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (cause) {
      throw new UpstreamError(
        this.service,
        'bad_response',
        `${this.service}: ${method} ${describeUrl(url, this.secrets)} answered with malformed JSON`,
        { status: res.status, cause },
      );
    }
    const value = this.parse(req.schema, data, url, method);
    if (cacheKey) {
      this.cache.set(cacheKey, { expires: Date.now() + (this.opts.cacheTtlMs ?? 0), value });
      if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value as string);
    }
    return value;
  }

  /** A raw body, read up to `maxBytes` (larger answers fail as bad_response without buffering them). */
  async bytes(req: Omit<RequestOptions<z.ZodType>, 'schema'> & { maxBytes: number }): Promise<TextResponse> {
    const url = this.url(req.path, req.query);
    return this.send(req.method ?? 'GET', url, req, req.maxBytes);
  }

  url(path: string, query?: Record<string, string | number | boolean | undefined>): URL {
    const base = this.opts.baseUrl.replace(/\/+$/, '');
    const url = new URL(base + (path.startsWith('/') ? path : `/${path}`));
    for (const [k, v] of Object.entries(this.opts.query ?? {})) url.searchParams.set(k, v);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  private parse<S extends z.ZodType>(schema: S, data: unknown, url: URL, method: string): z.infer<S> {
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown shape';
    throw new UpstreamError(
      this.service,
      'bad_response',
      `${this.service}: ${method} ${describeUrl(url, this.secrets)} answered an unexpected shape (${where})`,
    );
  }

  private async send(
    method: string,
    url: URL,
    req: Omit<RequestOptions<z.ZodType>, 'schema'>,
    maxBytes = 5 * 1024 * 1024,
  ): Promise<RawResponse> {
    const where = `${method} ${describeUrl(url, this.secrets)}`;
    const retries = this.opts.retries ?? 2;
    const replayable = req.idempotent ?? method !== 'POST';
    let lastError: UpstreamError | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        this.checkQueue(req, where);
      } catch (queued) {
        // A retry that would wait past the deadline: report why the first try failed instead.
        throw lastError ?? queued;
      }
      const started = Date.now();
      let res: RawResponse;
      this.pending += 1;
      try {
        res = await this.limiter.schedule(() => this.attempt(method, url, req, maxBytes, where));
      } catch (e) {
        const err = e instanceof UpstreamError ? e : this.networkError(e, where, req.signal);
        const safe = replayable || neverConnected(e);
        if (safe && err.retryable && attempt < retries && !req.signal?.aborted && err.failure !== 'timeout') {
          lastError = err;
          await this.pause(backoffMs(attempt), req.signal);
          continue;
        }
        throw err;
      } finally {
        this.pending -= 1;
      }
      this.opts.logger?.debug({
        service: this.service,
        method,
        url: where,
        status: res.status,
        ms: Date.now() - started,
      });
      if (res.status < 400) return res;
      const { ms: retryAfterMs, explicit } = parseRetryAfter(res, attempt);
      const err = this.statusError(res, where, retryAfterMs, explicit);
      const canWait = retryAfterMs <= (this.opts.maxRetryAfterMs ?? 10_000) && !req.signal?.aborted;
      const safe = replayable || res.status === 429;
      if (safe && err.retryable && attempt < retries && canWait) {
        lastError = err;
        // "Retry-After: 0" (MusicBrainz's 503) still waits the backoff, or retries would hammer it.
        await this.pause(Math.max(retryAfterMs, backoffMs(attempt)), req.signal);
        continue;
      }
      throw err;
    }
  }

  /** Fail fast instead of queuing behind a rate limit past the caller's deadline. */
  private checkQueue(req: { deadline?: number; maxQueueWaitMs?: number }, where: string): void {
    if (req.deadline === undefined || this.minTime === 0) return;
    const now = Date.now();
    const wait = this.pending * this.minTime + Math.max(0, this.lastStart + this.minTime - now);
    const limit = Math.min(req.deadline - now, req.maxQueueWaitMs ?? this.opts.maxQueueWaitMs ?? Infinity);
    if (wait > limit) {
      throw new UpstreamError(
        this.service,
        'rate_limited',
        `${this.service}: ${where} would wait ${wait} ms behind its rate limit`,
      );
    }
  }

  private async attempt(
    method: string,
    url: URL,
    req: Omit<RequestOptions<z.ZodType>, 'schema'>,
    maxBytes: number,
    where: string,
  ): Promise<RawResponse> {
    if (req.signal?.aborted)
      throw new UpstreamError(this.service, 'timeout', `${this.service}: ${where} gave up`);
    this.lastStart = Date.now();
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 8000);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.opts.headers,
      ...req.headers,
    };
    let body: string | undefined;
    if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    } else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    const res = await fetchFollowingRedirects(
      this.opts.fetchImpl ?? fetch,
      url,
      { method, headers, body, signal },
      {
        service: this.service,
        withCredentials: this.secrets.length > 0,
        where,
        keepPostOnRedirect: this.opts.keepPostOnRedirect ?? false,
      },
    );
    const contentType = res.headers.get('content-type') ?? '';
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel();
      throw new UpstreamError(
        this.service,
        'bad_response',
        `${this.service}: ${where} answer is larger than ${maxBytes} bytes`,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw new UpstreamError(
            this.service,
            'bad_response',
            `${this.service}: ${where} answer is larger than ${maxBytes} bytes`,
          );
        }
        chunks.push(Buffer.from(chunk));
      }
    }
    return {
      status: res.status,
      contentType,
      body: Buffer.concat(chunks),
      retryAfter: res.headers.get('retry-after'),
    };
  }

  private statusError(
    res: TextResponse,
    where: string,
    retryAfterMs: number,
    explicit: boolean,
  ): UpstreamError {
    const s = res.status;
    const detail = upstreamDetail(res.body.toString('utf8'), this.secrets);
    const failure =
      s === 401 || s === 403
        ? 'auth'
        : s === 404
          ? 'not_found'
          : s === 429 || (s === 503 && explicit)
            ? 'rate_limited'
            : s === 456
              ? 'quota'
              : s >= 500
                ? 'server_error'
                : 'rejected';
    const opts: { status: number; detail?: string; retryAfter?: number } = { status: s };
    if (detail) opts.detail = detail;
    if (failure === 'rate_limited') opts.retryAfter = Math.ceil(retryAfterMs / 1000);
    return new UpstreamError(
      this.service,
      failure,
      scrub(`${this.service}: ${where} answered ${s}${detail ? `: ${detail}` : ''}`, this.secrets),
      opts,
    );
  }

  private networkError(e: unknown, where: string, signal?: AbortSignal): UpstreamError {
    const name = (e as { name?: string })?.name;
    if (name === 'TimeoutError' || name === 'AbortError' || signal?.aborted) {
      return new UpstreamError(this.service, 'timeout', `${this.service}: ${where} did not answer in time`, {
        cause: e,
      });
    }
    const code =
      (e as { cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code ?? 'network error';
    return new UpstreamError(
      this.service,
      'unavailable',
      `${this.service}: ${where} is not reachable (${code})`,
      { cause: e },
    );
  }

  private pause(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
