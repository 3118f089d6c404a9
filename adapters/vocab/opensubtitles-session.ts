/**
 * Talking to the OpenSubtitles REST API v1 as one application and, when an account is set, one
 * user: every request carries `Api-Key` and the `User-Agent` "<app> v<version>" the API requires
 * (opensubtitles.stoplight.io "Getting started": a wrong or missing one is a 403). With
 * OPENSUBTITLES_USERNAME/PASSWORD it logs in once (POST /login), sends the token as Bearer, and
 * continues on the host the login names in `base_url` (vip-api.opensubtitles.com for VIP
 * accounts, which "might fail with 4xx" without the token: official API reference, POST /login).
 * A token the server no longer takes is renewed once per request; a refused login is not retried
 * ("stop sending further requests with the same credentials, login is expensive").
 */
import type { z } from 'zod';
import { isUpstreamError, UpstreamError } from '../../src/core/errors.js';
import type { Clock, Logger } from '../../src/core/ports.js';
import { HttpClient, type RequestOptions } from '../http-client/http-client.js';
import { loginAnswer } from './opensubtitles-schemas.js';

/** Kept in step with package.json by hand, as in the MusicBrainz catalog: the API wants a version. */
const VERSION = '0.1.0';
const DEFAULT_APP_NAME = 'reelbot';
/** "JWT tokens are valid for 24 hours" (Getting started); renewed a little before. */
const TOKEN_LIFETIME_MS = 24 * 3600_000;
const RENEW_EARLY_MS = 10 * 60_000;
/** "5 requests per second per IP address" (Getting started, Rate limits). */
const MIN_INTERVAL_MS = 200;

export interface OpenSubtitlesSessionOptions {
  apiKey: string;
  /** Root of the API, with its path: https://api.opensubtitles.com/api/v1. */
  baseUrl: string;
  appName?: string;
  username?: string;
  password?: string;
  timeoutMs: number;
  clock: Clock;
  logger?: Logger;
  fetchImpl?: typeof fetch;
}

/** "<app> v<version>", as the API asks every application to identify itself. */
function openSubtitlesUserAgent(appName?: string): string {
  return `${appName?.trim() || DEFAULT_APP_NAME} v${VERSION}`;
}

export class OpenSubtitlesSession {
  private readonly opts: OpenSubtitlesSessionOptions;
  private readonly anonymous: HttpClient;
  private api: HttpClient;
  private token: { value: string; renewAt: number } | undefined;
  /** The login the server refused (wrong credentials): thrown again without asking. */
  private refused: UpstreamError | undefined;
  private pendingLogin: Promise<void> | undefined;

  constructor(opts: OpenSubtitlesSessionOptions) {
    this.opts = opts;
    this.anonymous = this.client(opts.baseUrl);
    this.api = this.anonymous;
  }

  private get hasAccount(): boolean {
    return Boolean(this.opts.username && this.opts.password);
  }

  /** A JSON call on the session's host, logged in first when an account is set. */
  async json<S extends z.ZodType>(req: RequestOptions<S>): Promise<z.infer<S>> {
    if (this.hasAccount) await this.ensureLogin(req.signal);
    try {
      return await this.api.json(this.withToken(req));
    } catch (e) {
      if (!this.token || !tokenRejected(e)) throw e;
      this.opts.logger?.debug({ status: e.status }, 'opensubtitles token refused; logging in again');
      this.token = undefined;
      await this.ensureLogin(req.signal);
      return this.api.json(this.withToken(req));
    }
  }

  /** POST /login: the token, and the host to continue on. */
  private async login(signal?: AbortSignal): Promise<void> {
    if (this.refused) throw this.refused;
    let answer: z.infer<typeof loginAnswer>;
    try {
      answer = await this.anonymous.json({
        method: 'POST',
        path: '/login',
        body: { username: this.opts.username, password: this.opts.password },
        schema: loginAnswer,
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      // 401: wrong username or password; 400: an e-mail address given as the username
      // (jellyfin/jellyfin-plugin-opensubtitles OpenSubtitleDownloader.cs Login).
      if (isUpstreamError(e) && (e.status === 401 || e.status === 400)) {
        this.refused = new UpstreamError(
          'opensubtitles',
          'auth',
          `opensubtitles: the login was refused (HTTP ${e.status}${e.detail ? `: ${e.detail}` : ''})`,
          { status: e.status, ...(e.detail ? { detail: e.detail } : {}), cause: e },
        );
        throw this.refused;
      }
      throw e;
    }
    this.token = { value: answer.token, renewAt: this.expiry(answer.token) - RENEW_EARLY_MS };
    this.api = this.hostClient(answer.base_url);
    this.opts.logger?.info({ host: answer.base_url, level: answer.user?.level }, 'opensubtitles login');
  }

  private async ensureLogin(signal?: AbortSignal): Promise<void> {
    if (this.token && this.opts.clock.now().getTime() < this.token.renewAt) return;
    // Requests that arrive together share one login: the endpoint allows 1 per second.
    this.pendingLogin ??= this.login(signal).finally(() => (this.pendingLogin = undefined));
    await this.pendingLogin;
  }

  private withToken<S extends z.ZodType>(req: RequestOptions<S>): RequestOptions<S> {
    if (!this.token) return req;
    return { ...req, headers: { ...req.headers, authorization: `Bearer ${this.token.value}` } };
  }

  /** The token's own `exp` when it is a readable JWT, else the documented 24 hours. */
  private expiry(token: string): number {
    try {
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        exp?: unknown;
      };
      if (typeof payload.exp === 'number') return payload.exp * 1000;
    } catch {
      // not a JWT: fall through to the documented lifetime
    }
    return this.opts.clock.now().getTime() + TOKEN_LIFETIME_MS;
  }

  /** The configured URL with the login's host in it (same scheme and /api/v1 path). */
  private hostClient(host: string): HttpClient {
    const url = new URL(this.opts.baseUrl);
    if (url.host === host) return this.anonymous;
    url.host = host;
    return this.client(url.toString());
  }

  private client(baseUrl: string): HttpClient {
    const o = this.opts;
    return new HttpClient({
      service: 'opensubtitles',
      baseUrl,
      headers: { 'api-key': o.apiKey, 'user-agent': openSubtitlesUserAgent(o.appName) },
      secrets: [o.apiKey, ...(o.password ? [o.password] : [])],
      timeoutMs: o.timeoutMs,
      retries: 2,
      maxRetryAfterMs: 10_000,
      limit: { minTime: MIN_INTERVAL_MS, maxConcurrent: 2 },
      ...(o.logger ? { logger: o.logger } : {}),
      ...(o.fetchImpl ? { fetchImpl: o.fetchImpl } : {}),
    });
  }
}

/**
 * The server no longer takes the token: 401 (the official Kodi add-on re-logs in on it,
 * opensubtitles-dev/service.subtitles.opensubtitles-com resources/lib/osclient/provider.py), or
 * 406 "invalid token" on /download (Getting started, 406 Not Acceptable).
 */
function tokenRejected(e: unknown): e is UpstreamError {
  if (!isUpstreamError(e)) return false;
  return e.status === 401 || (e.status === 406 && /invalid token/i.test(e.detail ?? ''));
}
