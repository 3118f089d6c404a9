/**
 * The admin commands, one implementation for every caller: an admin in a chat, the HTTP API, and
 * `npm run <command>` on the host (scripts/admin.ts). The caller has already been checked.
 */
import type { AdminAction } from '../commands/parse.js';
import type { ProcessReport } from '../core.js';
import { textReply } from '../messages.js';
import type { BackendRegistry } from '../media/backend-registry.js';
import type { MediaRequests } from '../media/media-requests.js';
import type { Clock, Logger, MediaCatalog, RequestStore } from '../ports.js';
import { userKey, type Reply, type UserRef } from '../types.js';
import { backfillIds } from './backfill-ids.js';
import { formatChecks, type Doctor } from './doctor.js';
import type { ErrorCounter } from './metrics.js';
import { resolveTarget } from './reclassify-target.js';
import { buildReport, formatReport } from './report.js';
import { retryFailed } from './retry.js';

export interface AdminDeps {
  media: MediaRequests;
  requests: RequestStore;
  catalogs: readonly MediaCatalog[];
  backends: BackendRegistry;
  clock: Clock;
  logger: Logger;
  /** AUTO_MIN_SCORE: the report's line between confident and not. */
  lowConfidenceBelow: number;
  processPending(): Promise<ProcessReport>;
  doctor?: Doctor;
  metrics?: ErrorCounter;
}

export async function runAdmin(action: AdminAction, admin: UserRef, deps: AdminDeps): Promise<Reply> {
  const actor = userKey(admin);
  switch (action.name) {
    case 'doctor': {
      if (!deps.doctor) return textReply('admin.doctorUnavailable');
      const checks = await deps.doctor.run();
      return textReply('admin.doctor', { report: formatChecks(checks, '“doctor”') });
    }
    case 'process': {
      const r = await deps.processPending();
      const { retried, sent, failed, available } = r;
      return r.skipped
        ? textReply('admin.processBusy')
        : textReply('admin.processed', { retried, sent, failed, available });
    }
    case 'retry':
      return retryFailed(action.id, actor, deps.requests, deps.clock);
    case 'reclassify': {
      const target = resolveTarget(action.target, deps.backends);
      if (!target) {
        const services = deps.backends.all.map((b) => b.name).join(', ') || 'none configured';
        return textReply('admin.unknownTarget', { target: action.target, services });
      }
      return deps.media.reclassify(admin, action.id, target);
    }
    case 'backfill-ids':
      return backfillIds(actor, deps);
    case 'report': {
      const report = buildReport(await deps.requests.list(), {
        now: deps.clock.now(),
        days: action.days,
        lowConfidenceBelow: deps.lowConfidenceBelow,
      });
      return textReply('admin.report', { report: formatReport(report) });
    }
    case 'approve':
    case 'decline':
      return deps.media.settle(admin, action.id, action.name);
  }
}
