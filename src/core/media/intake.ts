/** "add …": store the request first, then classify the title and decide. */
import { textReply } from '../messages.js';
import { userKey, type KindHint, type Reply, type UserRef } from '../types.js';
import { classify } from './classify.js';
import { decide, type DecideDeps } from './decide.js';
import type { MediaDeps, SearchDeps } from './media-deps.js';
import { newRequest, newRequestId, transition } from './request-lifecycle.js';

export type IntakeDeps = DecideDeps & SearchDeps & Pick<MediaDeps, 'locks'>;

export interface AddQuery {
  title: string;
  year?: number;
  hint?: KindHint;
  season?: number;
}

/**
 * `byAdmin`: the caller is an admin (their request needs no approval). `preferKey`: a candidate
 * key from an earlier classification (the HTTP API), taken when it is among the results instead
 * of asking.
 */
export async function addRequest(
  user: UserRef,
  text: string,
  query: AddQuery,
  deps: IntakeDeps,
  opts: { byAdmin?: boolean; preferKey?: string } = {},
): Promise<Reply> {
  const { requests, clock } = deps;
  const id = newRequestId();
  await requests.insert(newRequest(id, user, { text, ...query }, clock.now()));
  return deps.locks.run(id, async () => {
    if (deps.catalogs.length === 0) {
      const reply = textReply('media.noCatalogs', {}, { requestId: id });
      await requests.update(id, (r) => {
        r.reason = reply.text;
        transition(r, 'failed', 'system', clock.now(), 'no catalogs configured');
      });
      return reply;
    }
    const c = await classify(query, deps);
    const byAdmin = opts.byAdmin ?? deps.approval.isAdmin(user);
    return decide(id, c, { actor: userKey(user), chooser: user, byAdmin }, deps, opts.preferKey);
  });
}
