/**
 * A refusal the caller can act on: a status, a stable code and a sentence, sent as
 * `{"error": {"code", "message", "issues"?}}`; and how a core reply that refuses the call maps to one.
 */
import type { Reply } from '../../src/core/types.js';

export interface ApiErrorDetails {
  /** Which fields were wrong and why, for a 400. */
  issues?: { path: string; message: string }[];
  /** Response headers the status calls for (Allow for 405, WWW-Authenticate for 401). */
  headers?: Record<string, string>;
  /** Fields sent beside `error` (a word not translated yet: the job's `enrichment` state). */
  extra?: Record<string, unknown>;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }

  get body(): { error: { code: string; message: string; issues?: ApiErrorDetails['issues'] } } {
    const { issues, extra } = this.details;
    return { error: { code: this.code, message: this.message, ...(issues ? { issues } : {}) }, ...extra };
  }
}

/** Reply codes that mean "you asked for something that is not there / not valid", not a server fault. */
const NOT_FOUND_CODES = new Set(['admin.notFound']);
const BAD_INPUT_CODES = /^(parse\.|admin\.unknownTarget$)/;

export const isBadInput = (r: Reply): boolean => BAD_INPUT_CODES.test(r.code);
export const isRefusal = (r: Reply): boolean => isBadInput(r) || NOT_FOUND_CODES.has(r.code);

export function publicReply(r: Reply): { code: string; text: string } {
  return { code: r.code, text: r.text };
}

/** A core reply that refuses the call → the matching 4xx (5xx when the core itself failed). */
export function replyError(r: Reply, fallback = 422): ApiError {
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
