/**
 * `retry [id]`: failed requests back in the queue, with their attempts reset. One with a chosen
 * work goes back to `approved` (the cron sends it); one that never got that far goes back to
 * `failed_retryable`, due now (the cron searches again, and asks or holds it for approval as a
 * new request would be).
 */
import { textReply } from '../messages.js';
import { transition } from '../media/request-lifecycle.js';
import type { Clock, RequestStore } from '../ports.js';
import type { MediaRequest, Reply, RequestStatus } from '../types.js';

const RETRYABLE: readonly RequestStatus[] = ['failed', 'failed_retryable'];

export async function retryFailed(
  id: string | undefined,
  actor: string,
  store: RequestStore,
  clock: Clock,
): Promise<Reply> {
  let targets: MediaRequest[];
  if (id) {
    const r = await store.get(id);
    if (!r) return textReply('admin.notFound', { id });
    if (!RETRYABLE.includes(r.status))
      return textReply('admin.retryNotFailed', { id, status: r.status.replace(/_/g, ' ') });
    targets = [r];
  } else {
    targets = await store.list({ status: RETRYABLE });
  }
  if (targets.length === 0) return textReply('admin.retryNone');
  const now = clock.now();
  for (const r of targets) {
    await store.update(r.id, (x) => {
      x.attempts = 0;
      x.nextAttemptAt = now.toISOString();
      delete x.reason;
      transition(x, x.chosen ? 'approved' : 'failed_retryable', actor, now, 'retry by admin');
    });
  }
  return textReply('admin.retried', { count: targets.length, ids: targets.map((r) => r.id).join(', ') });
}
