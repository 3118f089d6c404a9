/** "add …": store the request first, then classify the title and decide. */
import { textReply } from '../messages.js';
import { userKey, type KindHint, type Reply, type UserRef } from '../types.js';
import { classify } from './classify.js';
import { decide, type DecideDeps } from './decide.js';
import type { MediaDeps, SearchDeps } from './media-deps.js';
import { newRequest, newRequestId, requestIdFor, transition } from './request-lifecycle.js';
import { workAsOwner } from './request-owner.js';

export type IntakeDeps = DecideDeps & SearchDeps & Pick<MediaDeps, 'locks' | 'instances'>;

export interface AddQuery {
  title: string;
  year?: number;
  hint?: KindHint;
  season?: number;
}

export interface AddOptions {
  /** The caller is an admin: their request needs no approval. */
  byAdmin?: boolean;
  /** A candidate key from an earlier classification (the HTTP API), taken when among the results. */
  preferKey?: string;
  /** IncomingMessage.origin: the request id is derived from it, so a redelivery is recognised. */
  origin?: string;
  /** Called once the request is on disk: a webhook may tell the platform it was delivered. */
  stored?: () => void;
}

export async function addRequest(
  user: UserRef,
  text: string,
  query: AddQuery,
  deps: IntakeDeps,
  opts: AddOptions = {},
): Promise<Reply> {
  const { requests, clock } = deps;
  const id = await store(user, text, query, deps, opts.origin);
  if (id === undefined) {
    deps.logger.info({ user: userKey(user), origin: opts.origin }, 'message delivered again; already taken');
    return { ...textReply('media.repeat'), silent: true };
  }
  opts.stored?.();
  // A chat that confirms delivery (an origin: Telegram) is owed the answer until it does.
  const owe = opts.origin !== undefined;
  return workAsOwner(
    id,
    deps,
    async () => {
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
    },
    { owe, claimed: true },
  );
}

/**
 * Insert the request; its id from `origin` when given. Undefined: a request from the same message
 * is already stored (the platform delivered it again, perhaps to another instance, after the one
 * that took it first crashed before confirming). An unrelated request on the derived id (two
 * messages hashing alike) gets a random id instead.
 */
async function store(
  user: UserRef,
  text: string,
  query: AddQuery,
  deps: IntakeDeps,
  origin: string | undefined,
): Promise<string | undefined> {
  const { requests, clock } = deps;
  const fresh = (id: string) => ({
    ...newRequest(id, user, { text, ...query }, clock.now()),
    ...(origin ? { origin } : {}),
    owner: { instance: deps.instances.self, ...(origin ? { owes: true as const } : {}) },
  });
  if (origin) {
    const id = requestIdFor(origin);
    try {
      await requests.insert(fresh(id));
      return id;
    } catch (e) {
      const there = await requests.get(id);
      if (!there) throw e;
      if (there.origin === origin) return undefined;
    }
  }
  const id = newRequestId();
  await requests.insert(fresh(id));
  return id;
}
