/** Messages to people that are not the answer to what they just did: later news, another's action. */
import { say, type MediaCode } from '../messages.js';
import type { Logger, Notifier, RequestStore, SendOptions } from '../ports.js';
import { userKey, type MediaRequest, type Reply, type UserRef } from '../types.js';

/** States in which the request is already where the person wanted: said once, then quiet. */
const SETTLED = new Set(['sent', 'already_present', 'available', 'failed']);

export interface TellDeps {
  notifier: Notifier;
  logger: Logger;
}

/** A failed notification is logged, never thrown: the work it reports is already done. */
export async function tell(deps: TellDeps, user: UserRef, reply: Reply, opts?: SendOptions): Promise<void> {
  try {
    await deps.notifier.send(user, reply, opts);
  } catch (e) {
    deps.logger.warn({ user: userKey(user), error: String(e) }, 'notification failed');
  }
}

/** Tell the person who asked how someone else's action on their request ended, once it has. */
export async function tellOutcome(
  deps: TellDeps & { requests: RequestStore },
  r: MediaRequest,
  reply: Reply,
  code: MediaCode,
): Promise<void> {
  const after = await deps.requests.get(r.id);
  if (!after || !SETTLED.has(after.status)) return;
  await tell(deps, r.user, { ...reply, code, text: say(code, { id: r.id, outcome: reply.text }) });
}
