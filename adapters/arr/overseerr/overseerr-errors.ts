/**
 * Overseerr's error answers, read the way sct/overseerr writes them, into failures the core can
 * act on: which 500s mean "TMDb has no such id" (not worth retrying), and which 403s are a wrong
 * key, an OVERSEERR_USER_MAP entry naming no user, or a refusal (quota, permission).
 */
import { UpstreamError, isUpstreamError } from '../../../src/core/errors.js';
import { say } from '../../../src/core/messages.js';
import type { MediaKind } from '../../../src/core/types.js';

/**
 * server/middleware/auth.ts: the one 403 for "no user", whether the key is wrong or the
 * X-API-User names nobody. Other 403s carry their own message (quota, permission, 4K).
 */
const NO_USER = /permission to access this endpoint/i;

/** server/routes/movie.ts, tv.ts: any failure to get the title from TMDb, as a 500. */
const CANNOT_FETCH = /^Unable to retrieve (movie|series)\.$/;

/** server/api/themoviedb/index.ts via routes/request.ts: TMDb's 404, in axios' words, as a 500. */
const TMDB_404 = /^\[TMDB\] Failed to fetch (movie|TV show) details: Request failed with status code 404$/;

function is500(e: unknown, pattern: RegExp): e is UpstreamError {
  return isUpstreamError(e) && e.status === 500 && pattern.test(e.detail ?? '');
}

/** The details routes could not get the title from TMDb (unknown there, or TMDb not answering Overseerr). */
export function isCannotFetch(e: unknown): e is UpstreamError {
  return is500(e, CANNOT_FETCH);
}

export function isTmdb404(e: unknown): e is UpstreamError {
  return is500(e, TMDB_404);
}

/** A wrong key, or an X-API-User Overseerr does not know. */
export function isNoUser(e: unknown): e is UpstreamError {
  return isUpstreamError(e) && e.status === 403 && NO_USER.test(e.detail ?? '');
}

/** TMDb has no such id as far as Overseerr can tell: a refusal, not a server error to retry. */
export function noTmdb(service: string, e: UpstreamError, kind: MediaKind, tmdbId: number): UpstreamError {
  const detail = say('media.overseerrNoTmdb', { kind: kind === 'series' ? 'show' : kind, tmdbId });
  return new UpstreamError(service, 'not_found', `${service}: ${detail}`, {
    status: e.status,
    detail,
    cause: e,
  });
}

export function unknownUser(
  service: string,
  e: UpstreamError,
  who: string,
  overseerrId: number,
): UpstreamError {
  const detail = say('media.overseerrUnknownUser', { who, overseerrId });
  return new UpstreamError(
    service,
    'rejected',
    `${service}: OVERSEERR_USER_MAP names missing user ${overseerrId}`,
    {
      status: 403,
      detail,
      cause: e,
    },
  );
}

/** A 403 that is not "no user" (quota, no permission for 4K…) is a refusal the person should read. */
export function refusal(service: string, e: unknown): unknown {
  if (!isUpstreamError(e) || e.failure !== 'auth' || e.status !== 403 || NO_USER.test(e.detail ?? ''))
    return e;
  const opts = { status: 403, cause: e, ...(e.detail ? { detail: e.detail } : {}) };
  return new UpstreamError(service, 'rejected', e.message, opts);
}
