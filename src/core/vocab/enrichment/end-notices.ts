/**
 * A job's end told to the askers who missed it. The worker saves the job ready (or failed) and
 * then tells its askers one by one; an instance killed in between leaves some `notified: false`
 * on an ended job, which no run will ever reach again. The next start-up (`resume`) and, on a
 * shared store, the takeover scan (cluster-watch.ts) find them and tell them here, with the reply
 * the worker sends, through ProgressViews.tell: under the job's tell lock, so a live teller still
 * at it is waited for (and then everyone is told: nothing is sent). An end more than a day old is
 * not told any more: its askers are marked told without a message.
 */
import { OneAtATime } from '../../one-at-a-time.js';
import type { Logger } from '../../ports.js';
import type { Reply } from '../../types.js';
import { whyVocab } from '../messages.js';
import { hasEnded } from './job-life.js';
import { jobReply, type ProgressViews } from './progress-views.js';
import type { EnrichmentJob } from './types.js';

/** An end older than this is not told late. */
export const TELL_LATE_WITHIN_MS = 24 * 3_600_000;

/** The message that tells an asker the job ended: ready (words, translator) or failed (why). */
export function endReply(job: EnrichmentJob): Reply {
  return job.status === 'ready'
    ? jobReply('vocab.enrichReady', job, { words: job.total, translator: job.translator })
    : jobReply('vocab.enrichFailed', job, { why: whyVocab(job.reason) });
}

/** Ready or failed, with an asker not told. */
export function untold(job: EnrichmentJob): boolean {
  return hasEnded(job) && job.askers.some((a) => !a.notified);
}

export interface EndNoticesDeps {
  views: ProgressViews;
  now(): Date;
  logger: Logger;
}

export class EndNotices {
  /** By job key: the late telling under way or waiting here. */
  private readonly telling = new Map<string, Promise<void>>();
  /** One job at a time: each holds a lock (a database connection on PostgreSQL) while it tells. */
  private readonly oneAtATime = new OneAtATime();

  constructor(private readonly deps: EndNoticesDeps) {}

  /**
   * Start telling the untold askers of every job in `jobs` that ended, but for the jobs `busy`
   * says this instance works (its worker tells them). Returns how many jobs.
   */
  catchUp(jobs: readonly EnrichmentJob[], busy: (key: string) => boolean): number {
    let started = 0;
    for (const job of jobs) {
      if (!untold(job) || busy(job.key) || this.telling.has(job.key)) continue;
      const p = this.oneAtATime
        .run('late', () => this.tellLate(job))
        .catch((e: unknown) =>
          this.deps.logger.warn({ err: e, job: job.key }, 'enrichment: late end not told'),
        )
        .finally(() => this.telling.delete(job.key));
      this.telling.set(job.key, p);
      started += 1;
    }
    return started;
  }

  /** Resolves when no late telling is under way. */
  async idle(): Promise<void> {
    while (this.telling.size > 0) await Promise.all([...this.telling.values()]);
  }

  private async tellLate(job: EnrichmentJob): Promise<void> {
    const { views, logger } = this.deps;
    const ended = Date.parse(job.finishedAt ?? job.updatedAt);
    if (this.deps.now().getTime() - ended > TELL_LATE_WITHIN_MS) {
      const marked = await views.markTold(job);
      if (marked)
        logger.info({ job: job.key, askers: marked }, 'enrichment: old end not told, askers marked told');
      return;
    }
    const told = await views.tell(job, endReply, 'end');
    if (told) logger.info({ job: job.key, askers: told }, 'enrichment: askers told an end they missed');
  }
}
