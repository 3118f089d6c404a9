/**
 * Per-person limits: QUOTA_PER_DAY / QUOTA_PER_WEEK requests over a rolling window. A request
 * counts unless it was cancelled (by the person, "none of these", or an admin's decline) or ended
 * without anything chosen (nothing found, no search source): those cost the server nothing.
 */
import type { RequestStore } from '../ports.js';
import { userKey, type MediaRequest, type UserRef } from '../types.js';

export interface QuotaLimits {
  /** 0 = none. */
  perDay: number;
  /** 0 = none. */
  perWeek: number;
}

export type QuotaCheck = { ok: true } | { ok: false; limit: number; period: 'day' | 'week'; nextAt: Date };

const DAY_MS = 24 * 3600_000;

function counts(r: MediaRequest): boolean {
  if (r.status === 'cancelled') return false;
  return !(r.status === 'failed' && !r.chosen);
}

export async function checkQuota(
  user: UserRef,
  limits: QuotaLimits,
  store: RequestStore,
  now: Date,
): Promise<QuotaCheck> {
  if (limits.perDay <= 0 && limits.perWeek <= 0) return { ok: true };
  // Only the longest window matters: older requests never count, so they are not read.
  const longest = limits.perWeek > 0 ? 7 * DAY_MS : DAY_MS;
  const since = new Date(now.getTime() - longest).toISOString();
  const mine = (await store.list({ user: userKey(user), since })).filter(counts);
  const windows: [number, number, 'day' | 'week'][] = [
    [limits.perDay, DAY_MS, 'day'],
    [limits.perWeek, 7 * DAY_MS, 'week'],
  ];
  for (const [limit, span, period] of windows) {
    if (limit <= 0) continue;
    const since = now.getTime() - span;
    // Newest first: the limit-th newest inside the window is the one whose expiry frees a slot.
    const inWindow = mine.filter((r) => Date.parse(r.createdAt) > since);
    if (inWindow.length < limit) continue;
    const freeing = inWindow[limit - 1] as MediaRequest;
    return { ok: false, limit, period, nextAt: new Date(Date.parse(freeing.createdAt) + span) };
  }
  return { ok: true };
}
