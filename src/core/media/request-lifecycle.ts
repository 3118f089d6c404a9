/**
 * The media request's states and the one way to move between them: every move appends an
 * audit event (who, when, from, to, why, scores), so a request's history explains itself.
 *
 *   received → classified → needs_choice → approved → sent → available
 *                                    ↘ cancelled      ↘ already_present
 *   REQUIRE_APPROVAL, a non-admin's request: … → awaiting_approval → approved (an admin said yes)
 *                                                                  ↘ cancelled (an admin said no)
 *   failed_retryable (upstream down, 429, timeout: the cron retries with backoff) → … | failed
 */
import type { AuditEvent, MediaRequest, RequestQuery, RequestStatus, UserRef } from '../types.js';

/** Every status, in lifecycle order (the `satisfies` keeps the list complete). */
export const ALL_STATUSES = Object.keys({
  received: true,
  classified: true,
  needs_choice: true,
  awaiting_approval: true,
  approved: true,
  sent: true,
  already_present: true,
  available: true,
  failed_retryable: true,
  failed: true,
  cancelled: true,
} satisfies Record<RequestStatus, true>) as readonly RequestStatus[];

/** States the cron picks up: due work that was interrupted or failed for a passing reason. */
export const PENDING_STATES: readonly RequestStatus[] = ['approved', 'failed_retryable'];
/** States a request passes through while it is being decided; left in one, it was interrupted. */
export const INTERRUPTED_STATES: readonly RequestStatus[] = ['received', 'classified'];
/** States that are over: nothing more will happen to the request. */
export const FINAL_STATES: readonly RequestStatus[] = ['available', 'already_present', 'failed', 'cancelled'];

export function newRequest(id: string, user: UserRef, query: RequestQuery, now: Date): MediaRequest {
  const at = now.toISOString();
  return {
    id,
    user,
    query,
    status: 'received',
    createdAt: at,
    updatedAt: at,
    candidates: [],
    options: {},
    attempts: 0,
    sources: [],
    audit: [{ at, actor: `${user.platform}:${user.userId}`, to: 'received', note: query.text }],
  };
}

/** Move `r` (in place, inside a store update) to `to` and record why. */
export function transition(
  r: MediaRequest,
  to: RequestStatus,
  actor: string,
  now: Date,
  note?: string,
  detail?: Record<string, unknown>,
): void {
  const at = now.toISOString();
  const event: AuditEvent = { at, actor, from: r.status, to };
  if (note) event.note = note;
  if (detail) event.detail = detail;
  r.audit.push(event);
  r.status = to;
  r.updatedAt = at;
}

/**
 * When to try again after `attempts` failures: 1, 2, 4 … minutes up to 6 hours, so a service
 * back after a short outage is used soon and a long one costs few calls.
 */
export function nextAttemptAt(now: Date, attempts: number): string {
  const minutes = Math.min(360, 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Short ids people can type ("cancel k7m2q"), without look-alike characters. */
export function newRequestId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 6; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return id;
}

/**
 * The same short id for the same message on every instance: cyrb53 (a public-domain 53-bit
 * string hash) of `origin`, written in the id alphabet. Not a secret, only spread evenly.
 */
export function requestIdFor(origin: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < origin.length; i++) {
    const ch = origin.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  let n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  let id = '';
  for (let i = 0; i < 6; i++) {
    id += ALPHABET[n % ALPHABET.length];
    n = Math.floor(n / ALPHABET.length);
  }
  return id;
}
