/**
 * Failures of the outside world, as the core needs to see them: which service, what kind of
 * failure, whether trying again later can help, and a sentence the person may be shown.
 * Adapters throw these; the core decides what to store and say. Messages never contain URLs
 * with keys: the HTTP layer scrubs them before building one.
 */

export type UpstreamFailure =
  /** Connection refused, DNS, reset: the service is not answering. */
  | 'unavailable'
  /** No answer within the timeout. */
  | 'timeout'
  /** 429 or the service's own "slow down". */
  | 'rate_limited'
  /** 5xx. */
  | 'server_error'
  /** 401/403: the key is wrong or lacks rights. */
  | 'auth'
  /** 4xx with the service's reason (validation errors). */
  | 'rejected'
  /** 404 from an endpoint that should exist. */
  | 'not_found'
  /** The body was not what the contract says (malformed JSON, wrong shape). */
  | 'bad_response'
  /** A paid quota is used up (DeepL 456). */
  | 'quota'
  /** The service is still working on an earlier change to the same item (Sonarr's post-add scan). */
  | 'busy';

const RETRYABLE: ReadonlySet<UpstreamFailure> = new Set([
  'unavailable',
  'timeout',
  'rate_limited',
  'server_error',
  'busy',
]);

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly service: string;
  readonly failure: UpstreamFailure;
  readonly status: number | undefined;
  /** The service's own words (Radarr's validation message), scrubbed; safe to show. */
  readonly detail: string | undefined;
  /** Seconds the service asked us to wait, when it said. */
  readonly retryAfter: number | undefined;

  constructor(
    service: string,
    failure: UpstreamFailure,
    message: string,
    opts: { status?: number; detail?: string; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.service = service;
    this.failure = failure;
    this.status = opts.status;
    this.detail = opts.detail;
    this.retryAfter = opts.retryAfter;
  }

  /** Worth trying again later without anyone changing anything. */
  get retryable(): boolean {
    return RETRYABLE.has(this.failure);
  }
}

export function isUpstreamError(e: unknown): e is UpstreamError {
  return e instanceof UpstreamError;
}
