/**
 * The cron body, media part: send what is due (approved, or failed for a passing reason and past
 * its backoff), search again what could not be searched, take up what a crash interrupted while
 * it was being classified, then check what was sent for files.
 */
import { classify } from './classify.js';
import { decide } from './decide.js';
import type { IntakeDeps } from './intake.js';
import { checkAvailability, type AvailabilityDeps } from './availability.js';
import { queryHints } from './reclassify.js';
import { INTERRUPTED_STATES, PENDING_STATES, transition } from './request-lifecycle.js';
import { sendRequest } from './send-request.js';
import { tell } from './tell-person.js';

export interface ProcessCounts {
  retried: number;
  sent: number;
  failed: number;
  available: number;
}

export async function processPending(deps: IntakeDeps & AvailabilityDeps): Promise<ProcessCounts> {
  const { requests, clock } = deps;
  const counts: ProcessCounts = { retried: 0, sent: 0, failed: 0, available: 0 };
  const now = clock.now().getTime();
  const due = (await requests.list({ status: PENDING_STATES })).filter(
    (r) => r.status === 'approved' || !r.nextAttemptAt || Date.parse(r.nextAttemptAt) <= now,
  );
  // Still "received" or "classified" well past the decision deadline: the process that was deciding
  // it died (a request being decided in this process holds its lock, and only one process writes).
  const stuckBefore = now - 2 * Math.max(deps.policy.deadlineMs, 1000);
  const interrupted = (await requests.list({ status: INTERRUPTED_STATES })).filter(
    (r) => Date.parse(r.updatedAt) <= stuckBefore,
  );
  const waiting = new Set([...PENDING_STATES, ...INTERRUPTED_STATES]);
  for (const r of [...due, ...interrupted].reverse()) {
    // A chat or an admin is working on it right now: leave it to them.
    if (deps.locks.isBusy(r.id)) continue;
    const reply = await deps.locks.run(r.id, async () => {
      // Read again under the lock: it may have been sent or cancelled since the list was read.
      const fresh = await requests.get(r.id);
      if (!fresh || !waiting.has(fresh.status)) return undefined;
      if (fresh.chosen) return (await sendRequest(r.id, 'cron', deps)).reply;
      const c = await classify({ title: fresh.query.title, ...queryHints(fresh) }, deps);
      return decide(r.id, c, { actor: 'cron', chooser: fresh.user, byAdmin: false }, deps);
    });
    if (!reply) continue;
    counts.retried += 1;
    const after = await requests.get(r.id);
    if (!after) continue;
    if (after.status === 'sent' || after.status === 'already_present') counts.sent += 1;
    if (after.status === 'failed') counts.failed += 1;
    // A request still waiting to retry was already told so; say nothing until something changes.
    if (after.status !== 'failed_retryable') await tell(deps, after.user, reply);
  }
  await closeUnanswered(deps);
  counts.available = await checkAvailability(deps);
  return counts;
}

/**
 * A question nobody answered before its buttons expired: the request is closed (its buttons
 * already say "expired"), so open requests do not pile up in memory and on disk. The person can
 * ask again; nothing is said, since they walked away from the question.
 */
async function closeUnanswered(deps: IntakeDeps): Promise<void> {
  const { requests, clock } = deps;
  const before = clock.now().getTime() - deps.choices.ttlMs;
  for (const r of await requests.list({ status: ['needs_choice'] })) {
    if (Date.parse(r.updatedAt) > before || deps.locks.isBusy(r.id)) continue;
    await deps.locks.run(r.id, async () => {
      const fresh = await requests.get(r.id);
      if (fresh?.status !== 'needs_choice' || Date.parse(fresh.updatedAt) > before) return;
      await requests.update(r.id, (x) =>
        transition(x, 'cancelled', 'cron', clock.now(), 'question expired unanswered'),
      );
    });
  }
}
