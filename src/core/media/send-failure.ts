/**
 * A send that failed: kept for the cron when trying again later can help (with backoff, up to
 * MAX_ATTEMPTS), otherwise failed with the words the person and the admin need.
 */
import { isUpstreamError, type UpstreamError } from '../errors.js';
import { say, textReply } from '../messages.js';
import type { MediaBackend } from '../ports.js';
import type { MediaCard, MediaRequest, Reply } from '../types.js';
import { nextAttemptAt, transition } from './request-lifecycle.js';
import type { SendDeps } from './send-request.js';

export async function failed(
  id: string,
  actor: string,
  e: unknown,
  backend: MediaBackend,
  title: string,
  card: MediaCard,
  deps: SendDeps,
): Promise<{ request: MediaRequest; reply: Reply }> {
  const { requests, clock, logger } = deps;
  if (!isUpstreamError(e)) {
    logger.error({ err: e, requestId: id }, 'unexpected error while sending');
    const reply = textReply('media.unexpected', { title, id }, { card, requestId: id });
    const r = await requests.update(id, (x) => {
      x.reason = reply.text;
      transition(x, 'failed', actor, clock.now(), 'unexpected error', { error: String(e) });
    });
    return { request: r, reply };
  }
  deps.metrics?.upstreamError(e.service);
  logger.warn({ requestId: id, backend: backend.name, failure: e.failure, error: e.message }, 'send failed');
  const current = await requests.get(id);
  const attempts = (current?.attempts ?? 0) + 1;
  // An answer we could not read may have come after the add went through: try again later,
  // through the "is it there now?" check, rather than fail it as our own bug.
  const retryable = e.retryable || e.failure === 'bad_response';
  if (retryable && attempts < deps.maxAttempts) {
    const reply = textReply(
      e.failure === 'busy' ? 'media.retryingBusy' : 'media.retrying',
      { backend: backend.label, why: why(e), id, title },
      { card, requestId: id },
    );
    const r = await requests.update(id, (x) => {
      x.attempts = attempts;
      x.nextAttemptAt = nextAttemptAt(clock.now(), attempts);
      x.reason = reply.text;
      transition(x, 'failed_retryable', actor, clock.now(), e.message, {
        failure: e.failure,
        status: e.status,
      });
    });
    return { request: r, reply };
  }
  const reply = retryable
    ? textReply('media.gaveUp', { title, attempts, why: why(e) })
    : e.failure === 'auth'
      ? textReply('media.failedAuth', { backend: backend.label, title, envKey: envKeyFor(backend.name) })
      : textReply('media.failedRefused', { backend: backend.label, title, why: e.detail ?? why(e) });
  const r = await requests.update(id, (x) => {
    x.attempts = attempts;
    x.reason = reply.text;
    delete x.nextAttemptAt;
    transition(x, 'failed', actor, clock.now(), e.message, { failure: e.failure, status: e.status });
  });
  return { request: r, reply: { ...reply, card, requestId: id } };
}

function why(e: UpstreamError): string {
  switch (e.failure) {
    case 'timeout':
      return say('media.whyTimeout');
    case 'rate_limited':
      return say('media.whyRateLimited');
    case 'server_error':
      return say('media.whyServerError', { status: e.status ? ` ${e.status}` : '' });
    case 'unavailable':
      return say('media.whyUnavailable');
    case 'busy':
      return e.detail ?? say('media.whyBusy');
    case 'bad_response':
      return say('media.whyBadResponse');
    default:
      return say('internal.error');
  }
}

/** `radarr-4k` → `RADARR_4K_API_KEY`. */
function envKeyFor(backendName: string): string {
  return `${backendName.toUpperCase().replace(/-/g, '_')}_API_KEY`;
}
