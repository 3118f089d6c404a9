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
import { aliveCheck, workAsOwner } from './request-owner.js';
import { statusReply } from './my-requests.js';
import { tell } from './tell-person.js';

/** An answer a dead instance owed is sent this long after the request; older ones are let go. */
const OWED_FOR_MS = 15 * 60_000;
/** Store checked for owed answers at least once (a restart after a crash); with shared stores, every run. */
const checkedOnce = new WeakSet<object>();
const UNSETTLED = new Set<string>([...PENDING_STATES, ...INTERRUPTED_STATES]);

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
  const alive = aliveCheck(deps.instances);
  await tellOwedAnswers(deps, alive);
  const due = (await requests.list({ status: PENDING_STATES })).filter(
    (r) => r.status === 'approved' || !r.nextAttemptAt || Date.parse(r.nextAttemptAt) <= now,
  );
  // Still "received" or "classified": the instance deciding it died — its owner is gone, or (a
  // record without one) it is well past the decision deadline.
  const stuckBefore = now - 2 * Math.max(deps.policy.deadlineMs, 1000);
  const interrupted = (await requests.list({ status: INTERRUPTED_STATES })).filter(
    (r) => r.owner !== undefined || Date.parse(r.updatedAt) <= stuckBefore,
  );
  const waiting = new Set([...PENDING_STATES, ...INTERRUPTED_STATES]);
  for (const r of [...due, ...interrupted].reverse()) {
    // A chat or an admin is working on it right now, here or on a live instance: leave it to them.
    if (deps.locks.isBusy(r.id)) continue;
    if (r.owner && (await alive(r.owner.instance))) continue;
    const reply = await workAsOwner(r.id, deps, async () => {
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

/**
 * Answers an instance had and no chat confirmed delivering (request-owner.ts) when that instance
 * died: told now, and let go just before the message goes out. In one process
 * only the first run looks (the answers a crashed run owed); on a shared store every run does.
 */
async function tellOwedAnswers(
  deps: IntakeDeps & AvailabilityDeps,
  alive: (id: string) => Promise<boolean>,
): Promise<void> {
  const { requests, clock, instances } = deps;
  if (!instances.shared && checkedOnce.has(instances)) return;
  checkedOnce.add(instances);
  const since = new Date(clock.now().getTime() - OWED_FOR_MS).toISOString();
  for (const r of await requests.list({ owned: true, since })) {
    const owner = r.owner;
    if (!owner?.owes || deps.locks.isBusy(r.id) || (await alive(owner.instance))) continue;
    await deps.locks.run(r.id, async () => {
      const fresh = await requests.get(r.id);
      if (fresh?.owner?.instance !== owner.instance || !fresh.owner.owes) return;
      // Still being decided or sent: the run below takes it up and tells the outcome.
      if (!fresh.owner.reply && UNSETTLED.has(fresh.status)) return;
      // Let go just before it goes out (at most once), or after, if the chat cannot say when.
      let done = false;
      const letGo = async () => {
        if (done) return;
        done = true;
        await requests.update(r.id, (x) => {
          if (x.owner?.instance === owner.instance) delete x.owner;
        });
      };
      // Killed between deciding and writing its answer down: what the request says now.
      await tell(deps, fresh.user, fresh.owner.reply ?? statusReply(fresh), { beforeSend: letGo });
      await letGo();
    });
  }
}
