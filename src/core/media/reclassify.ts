/**
 * An admin's correction: search again as another kind, or send the chosen work to another
 * backend. What was sent before stays where it went (the bot removes nothing from a library).
 */
import { say, textReply } from '../messages.js';
import {
  userKey,
  type Candidate,
  type KindHint,
  type MediaRequest,
  type Reply,
  type UserRef,
} from '../types.js';
import { classify } from './classify.js';
import { decide } from './decide.js';
import type { IntakeDeps } from './intake.js';
import { transition } from './request-lifecycle.js';
import { sendRequest } from './send-request.js';
import { tellOutcome } from './tell-person.js';
import { workAsOwner } from './request-owner.js';

/** What an admin's correction asks for: a kind to search as, and/or a backend to send to. */
export interface ReclassifyTarget {
  hint?: KindHint;
  backend?: string;
  /** How the admin said it, for the audit and the reply. */
  label: string;
}

export function reclassifyRequest(
  admin: UserRef,
  id: string,
  target: ReclassifyTarget,
  deps: IntakeDeps,
): Promise<Reply> {
  const { requests, clock, backends } = deps;
  return workAsOwner(id, deps, async () => {
    const r = await requests.get(id);
    if (!r) return textReply('admin.notFound', { id });
    const actor = userKey(admin);
    const backend = target.backend ? backends.byName(target.backend) : undefined;
    const direct = Boolean(backend && r.chosen && backend.kinds.includes(r.chosen.kind));
    const hint = target.hint ?? (backend && !direct ? hintFor(backend.kinds) : undefined);
    const before = { status: r.status, backend: r.backend, chosen: r.chosen?.key, hint: r.query.hint };
    await requests.update(id, (x) => {
      if (target.backend) x.options.backend = target.backend;
      else delete x.options.backend;
      if (hint) x.query.hint = hint;
      if (!direct) delete x.chosen;
      delete x.backend;
      delete x.backendItemId;
      delete x.nextAttemptAt;
      delete x.reason;
      x.attempts = 0;
      transition(x, direct ? 'approved' : 'received', actor, clock.now(), `reclassified as ${target.label}`, {
        before,
      });
    });
    let reply: Reply;
    if (direct) reply = (await sendRequest(id, actor, deps)).reply;
    else {
      const c = await classify({ title: r.query.title, ...queryHints(r), ...(hint ? { hint } : {}) }, deps);
      reply = await decide(id, c, { actor, chooser: admin, byAdmin: true }, deps);
    }
    if (userKey(r.user) !== actor) await tellOutcome(deps, r, reply, 'admin.reclassifiedNotice');
    return { ...reply, text: say('admin.reclassified', { id, target: target.label, outcome: reply.text }) };
  });
}

/** The year and kind the person gave, to search again with. */
export function queryHints(r: MediaRequest): { year?: number; hint?: KindHint } {
  const out: { year?: number; hint?: KindHint } = {};
  if (r.query.year !== undefined) out.year = r.query.year;
  if (r.query.hint) out.hint = r.query.hint;
  return out;
}

/** The kind hint that makes a search land on a backend: Sonarr → series, Lidarr → music. */
function hintFor(kinds: readonly Candidate['kind'][]): KindHint | undefined {
  const video = kinds.includes('series') && kinds.includes('movie');
  if (video) return undefined; // Overseerr takes both: the search decides.
  if (kinds.includes('series')) return 'series';
  if (kinds.includes('movie')) return 'movie';
  if (kinds.includes('artist') || kinds.includes('album')) return 'music';
  return undefined;
}
