/**
 * Which instance has a request in hand. Work on a request (a chat's "add", a click, the cron's
 * take-up) runs under this process's lock for it and writes this instance into `owner`; the cron
 * on every instance leaves a request whose owner still lives (Instances.isAlive) alone, and takes
 * up one whose owner died. At the end the owner is removed — or, for a chat that confirms
 * delivery (Telegram: IncomingMessage.origin), kept with the answer until the chat says it was
 * delivered (Core.delivered). An owner that died with its answer unsent is answered by the cron.
 */
import type { Instances, Logger, RequestStore } from '../ports.js';
import type { Reply, RequestOwner } from '../types.js';
import type { OneAtATime } from '../one-at-a-time.js';

export interface OwnerDeps {
  requests: RequestStore;
  locks: OneAtATime;
  instances: Instances;
  logger: Logger;
}

/**
 * `work` on request `id` as this instance. `owe`: keep the answer with the owner until the chat
 * confirms it (Core.delivered). `claimed`: the owner is already written (inserted with it).
 */
export function workAsOwner<T extends Reply | undefined>(
  id: string,
  deps: OwnerDeps,
  work: () => Promise<T>,
  opts: { owe?: boolean; claimed?: boolean } = {},
): Promise<T> {
  return deps.locks.run(id, async () => {
    if (!opts.claimed) await setOwner(id, deps, { instance: deps.instances.self });
    let reply: T | undefined;
    try {
      reply = await work();
      return reply;
    } finally {
      const owed = opts.owe && reply && !reply.silent ? reply : undefined;
      await setOwner(id, deps, owed && { instance: deps.instances.self, owes: true, reply: owed });
    }
  });
}

/** The chat delivered the answer it owed for `id`: nothing is owed any more. */
export async function delivered(id: string, deps: Pick<OwnerDeps, 'requests' | 'instances'>): Promise<void> {
  const r = await deps.requests.get(id);
  if (r?.owner?.instance !== deps.instances.self || !r.owner.owes) return;
  await deps.requests.update(id, (x) => {
    if (x.owner?.instance === deps.instances.self) delete x.owner;
  });
}

/** Ids checked once per cron run: isAlive may ask the database. */
export function aliveCheck(instances: Instances): (id: string) => Promise<boolean> {
  const known = new Map<string, Promise<boolean>>();
  return (id) => {
    let alive = known.get(id);
    if (!alive) known.set(id, (alive = instances.isAlive(id)));
    return alive;
  };
}

async function setOwner(
  id: string,
  deps: Pick<OwnerDeps, 'requests' | 'logger'>,
  owner: RequestOwner | undefined,
): Promise<void> {
  try {
    await deps.requests.update(id, (x) => {
      if (owner) x.owner = owner;
      else delete x.owner;
    });
  } catch (e) {
    // Never fatal: without an owner the cron's age rule (process-pending.ts) still applies.
    deps.logger.debug({ requestId: id, err: String(e) }, 'could not record who has the request');
  }
}
