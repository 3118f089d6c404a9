/** An admin's Approve or Decline (a button, or `approve <id>` / `decline <id>`). */
import { say, textReply } from '../messages.js';
import { userKey, type Reply, type UserRef } from '../types.js';
import type { Verdict } from './approval.js';
import type { MediaDeps } from './media-deps.js';
import { transition } from './request-lifecycle.js';
import { displayTitle, sendRequest, type SendDeps } from './send-request.js';
import { tell } from './tell-person.js';
import { workAsOwner } from './request-owner.js';

export type SettleDeps = SendDeps & Pick<MediaDeps, 'locks' | 'notifier' | 'instances'>;

export function settleApproval(
  admin: UserRef,
  id: string,
  verdict: Verdict,
  deps: SettleDeps,
): Promise<Reply> {
  const { requests, clock } = deps;
  // One decision at a time: a second admin's (or a second click's) waits, then finds it decided.
  return workAsOwner(id, deps, async () => {
    const r = await requests.get(id);
    if (!r) return textReply('admin.notFound', { id });
    const title = r.chosen ? displayTitle(r.chosen) : r.query.title;
    if (r.status !== 'awaiting_approval')
      return textReply('approval.alreadyDecided', { title, id, status: r.status.replace(/_/g, ' ') });
    const actor = userKey(admin);
    if (verdict === 'decline') {
      const told = textReply('approval.declined', { title, id }, { requestId: id });
      await requests.update(id, (x) => {
        x.reason = told.text;
        transition(x, 'cancelled', actor, clock.now(), 'declined by admin');
      });
      await tell(deps, r.user, told);
      return textReply(
        'approval.declinedDone',
        { title, id, who: r.user.name ?? userKey(r.user) },
        { requestId: id },
      );
    }
    await requests.update(id, (x) => transition(x, 'approved', actor, clock.now(), 'approved by admin'));
    const { reply } = await sendRequest(id, actor, deps);
    await tell(deps, r.user, {
      ...reply,
      code: 'approval.approved',
      text: say('approval.approved', { id, outcome: reply.text }),
    });
    return {
      ...reply,
      code: 'approval.approvedDone',
      text: say('approval.approvedDone', { title, id, outcome: reply.text }),
    };
  });
}
