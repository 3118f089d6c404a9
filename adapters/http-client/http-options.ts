/** What an HTTP client is built with, and what one request says. */
import type { z } from 'zod';
import type { Logger } from '../../src/core/ports.js';

export interface LimitOptions {
  /** Minimum milliseconds between two requests (MusicBrainz: 1000). */
  minTime?: number;
  maxConcurrent?: number;
}

export interface HttpClientOptions {
  /** Name used in errors and logs: `tmdb`, `sonarr`. */
  service: string;
  /** Root every path is appended to; may carry a path (`…/3`, `…/ws/2`, an *arr URL base). */
  baseUrl: string;
  headers?: Record<string, string>;
  /** Query parameters sent on every request (`api_key`); scrubbed from every message. */
  query?: Record<string, string>;
  /** Values that must never appear in a message or log line. */
  secrets?: string[];
  /** Per attempt. Default 8000 ms. */
  timeoutMs?: number;
  /** Extra attempts on 429, 5xx and network errors. Default 2. */
  retries?: number;
  /** Longest Retry-After we wait inside one call; longer ones fail as rate_limited. Default 10 s. */
  maxRetryAfterMs?: number;
  limit?: LimitOptions;
  /**
   * With a deadline, the longest a request may wait for its limiter slot before it fails fast as
   * rate_limited (a rate-limited source may delay a decision this much at most). Default: the deadline.
   */
  maxQueueWaitMs?: number;
  /** Cache GET bodies this long (ms). 0 = off. */
  cacheTtlMs?: number;
  logger?: Logger;
  fetchImpl?: typeof fetch;
  /** Re-POST a form after a 301/302 instead of following it as a GET (follow-redirects.ts). */
  keepPostOnRedirect?: boolean;
}

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Form-encoded body instead of JSON (OAuth token endpoints). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  schema: S;
  signal?: AbortSignal;
  /** Give up without sending when the limiter's queue would delay this past the signal's deadline. */
  deadline?: number;
  /** The client's `maxQueueWaitMs` for this request: a follow-up within a decision's budget may wait longer. */
  maxQueueWaitMs?: number;
  /**
   * Sending it twice does no harm (a search, a translation, a token). Default: true for GET, PUT
   * and DELETE, false for POST. A POST that is not is retried only when the server cannot have
   * applied it: a 429, or a connection that was never made. A 5xx or a reset may come after the
   * item was added, so the caller's own "is it there now?" check decides instead.
   */
  idempotent?: boolean;
}

export interface TextResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** What one attempt got back; `retryAfter` is the raw header. */
export interface RawResponse extends TextResponse {
  retryAfter: string | null;
}
