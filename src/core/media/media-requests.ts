/**
 * The media request's story, start to end, as the rest of the core calls it. Each step is its
 * own use case in this folder:
 * - intake.ts: "add …" → stored, classified, decided (decide.ts), then proceed.ts: ask what is
 *   still open, hold for approval, or send (send-request.ts);
 * - choice-handlers.ts: a click, routed by the choice's purpose;
 * - settle-approval.ts: an admin's Approve/Decline;
 * - reclassify.ts: an admin's correction;
 * - process-pending.ts: the cron body; availability.ts: "it's ready".
 * Every step is on disk before anyone is answered, and one step at a time per request
 * (../one-at-a-time.ts).
 */
import type { Reply, UserRef } from '../types.js';
import type { Verdict } from './approval.js';
import { handleClick } from './choice-handlers.js';
import { addRequest, type AddOptions, type AddQuery } from './intake.js';
import type { MediaDeps } from './media-deps.js';
import { processPending, type ProcessCounts } from './process-pending.js';
import { reclassifyRequest, type ReclassifyTarget } from './reclassify.js';
import { settleApproval } from './settle-approval.js';

export type { ProcessCounts } from './process-pending.js';
export type { ReclassifyTarget } from './reclassify.js';

export class MediaRequests {
  constructor(private readonly deps: MediaDeps) {}

  add(user: UserRef, text: string, query: AddQuery, opts: AddOptions = {}): Promise<Reply> {
    return addRequest(user, text, query, this.deps, opts);
  }

  click(user: UserRef, token: string, option: number | 'none', allowed = true): Promise<Reply> {
    return handleClick(user, token, option, allowed, this.deps);
  }

  settle(admin: UserRef, id: string, verdict: Verdict): Promise<Reply> {
    return settleApproval(admin, id, verdict, this.deps);
  }

  reclassify(admin: UserRef, id: string, target: ReclassifyTarget): Promise<Reply> {
    return reclassifyRequest(admin, id, target, this.deps);
  }

  processDue(): Promise<ProcessCounts> {
    return processPending(this.deps);
  }
}
