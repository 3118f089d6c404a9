/**
 * What an instance on a shared job store (PostgreSQL) watches of the jobs other instances work:
 *
 * - Takeover: every `scanMs` it queues each job left `queued` or `running` (or paused and due)
 *   that it does not have itself. The worker's run lock decides: held, a live instance works it
 *   and the run is skipped; free, its holder died (its session, and so its lock, went with it)
 *   and this instance goes on from the last saved word. A job that ended with askers not told (its
 *   teller died mid-way) has them told (end-notices.ts), unless this instance is the one telling.
 * - Following: a job someone here has open (ProgressViews.show) that another instance works is
 *   read from the store every `followMs`, and the views drawn again through the same path as the
 *   worker's progress, the end (ready, failed) included.
 *
 * Alone on its store (the files under DATA_DIR) an instance runs every job itself: nothing to watch.
 */
import type { Logger } from '../../ports.js';
import type { EndNotices } from './end-notices.js';
import type { JobBook } from './job-book.js';
import { hasEnded, isDue } from './job-life.js';
import type { ProgressViews } from './progress-views.js';
import type { JobScheduler } from './scheduler.js';
import type { EnrichmentJob } from './types.js';

export interface ClusterWatchDeps {
  book: JobBook;
  views: ProgressViews;
  scheduler: JobScheduler;
  /** Ended jobs' askers not told yet. */
  endings: EndNotices;
  now(): Date;
  logger: Logger;
  /** Milliseconds between takeover scans. */
  scanMs: number;
  /** Milliseconds between reads of a job followed for its views. */
  followMs: number;
}

/** Takeover scans every 30 s by default: a dead instance's job waits at most that long. */
export const SCAN_MS = 30_000;
/** Views followed every 2 s by default, as often as the chats edit a message (telegram-adapter.ts). */
export const FOLLOW_MS = 2_000;

const SCAN = 'takeover-scan';

export class ClusterWatch {
  private readonly following = new Set<string>();
  /** Scans and follow reads under way (what `idle` waits for). */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: ClusterWatchDeps) {}

  /** Scan every `scanMs` from now on (until the scheduler stops). */
  start(): void {
    this.deps.scheduler.later(SCAN, this.deps.scanMs, () =>
      this.track(
        this.scan().then(
          () => this.start(),
          (e: unknown) => {
            this.deps.logger.warn({ err: e }, 'enrichment: takeover scan failed');
            this.start();
          },
        ),
      ),
    );
  }

  /**
   * Queue every job under way that this instance does not have, and start telling the untold of
   * the ended ones (not waited for: a live teller holds their lock until it is done); returns how
   * many jobs were queued.
   */
  async scan(): Promise<number> {
    const { scheduler } = this.deps;
    const now = this.deps.now();
    const jobs = await this.deps.book.list();
    const notHere = jobs.filter((j) => underWay(j, now) && !scheduler.has(j.key));
    for (const job of notHere) scheduler.enqueue(job.key);
    const told = this.deps.endings.catchUp(jobs, (key) => scheduler.has(key));
    if (notHere.length || told)
      this.deps.logger.debug({ jobs: notHere.length, told }, 'enrichment: takeover scan');
    return notHere.length;
  }

  /** Someone here has `key` open: redraw it from the store while another instance works it. */
  follow(key: string): void {
    if (this.following.has(key)) return;
    this.following.add(key);
    this.next(key, this.deps.followMs);
  }

  /** Resolves when no scan or follow read is under way. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private next(key: string, ms: number): void {
    this.deps.scheduler.later(`follow:${key}`, ms, () => this.track(this.followOnce(key)));
  }

  private async followOnce(key: string): Promise<void> {
    let next: number | undefined = this.deps.followMs;
    try {
      next = await this.redraw(key);
    } catch (e) {
      this.deps.logger.debug({ err: e, job: key }, 'enrichment: job not followed this time');
    }
    if (next === undefined) this.following.delete(key);
    else this.next(key, next);
  }

  /**
   * The views of `key` drawn as the store has the job now. Returns when to read it again (a paused
   * job, which moves only when it wakes: at the scan's pace), or undefined: nothing more to follow.
   */
  private async redraw(key: string): Promise<number | undefined> {
    const { book, views, scheduler, followMs } = this.deps;
    if (!views.has(key)) return undefined;
    // Worked here: the worker draws the progress itself.
    if (scheduler.has(key)) return followMs;
    const job = await book.get(key);
    if (!job) return undefined;
    const end = hasEnded(job);
    await views.progress(job, end);
    if (end) return undefined;
    return job.status === 'paused' ? Math.max(followMs, this.deps.scanMs) : followMs;
  }

  private track(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
}

/** Queued or running, or paused and due: someone should be working it. */
function underWay(job: EnrichmentJob, now: Date): boolean {
  return job.status === 'queued' || job.status === 'running' || (job.status === 'paused' && isDue(job, now));
}
