/**
 * The job book: every enrichment job, read from the JobStore and held in memory as the live
 * objects the queue and the worker change, and written through after every change, one write at
 * a time per job (each write stores the job as it is when its turn comes).
 *
 * Alone on its store, the book reads it once. On a store other instances write too (`locks`
 * given: PostgreSQL), every read goes to the store, and each write, under the job's cluster lock,
 * puts this instance's changes on top of the stored record (job-merge.ts), so another instance's
 * asker or progress is never written over.
 */
import { OneAtATime } from '../../one-at-a-time.js';
import type { ClusterLocks } from '../../ports.js';
import { adopt, mergeJob } from './job-merge.js';
import type { EnrichmentJob, JobStore } from './types.js';

export class JobBook {
  private readonly jobs = new Map<string, EnrichmentJob>();
  /** Shared store: each job as this instance last read or wrote it (the merge's base). */
  private readonly bases = new Map<string, EnrichmentJob>();
  private loaded: Promise<void> | undefined;
  private readonly oneWriteAtATime = new OneAtATime();

  constructor(
    private readonly store: JobStore,
    private readonly locks?: ClusterLocks,
  ) {}

  async get(key: string): Promise<EnrichmentJob | undefined> {
    if (!this.locks) {
      await this.load();
      return this.jobs.get(key);
    }
    const stored = await this.store.get(key);
    return stored && this.take(stored);
  }

  async list(): Promise<EnrichmentJob[]> {
    if (!this.locks) {
      await this.load();
      return [...this.jobs.values()];
    }
    return (await this.store.list()).map((j) => this.take(j));
  }

  /** The job if the book has it in memory (no store read): for callers that come after `ask`. */
  cached(key: string): EnrichmentJob | undefined {
    return this.jobs.get(key);
  }

  /** A new job: in the book from now on, and on its way to the store. */
  add(job: EnrichmentJob): Promise<void> {
    this.jobs.set(job.key, job);
    return this.save(job);
  }

  save(job: EnrichmentJob): Promise<void> {
    const { locks } = this;
    if (!locks) return this.oneWriteAtATime.run(job.key, () => this.store.put(structuredClone(job)));
    return this.oneWriteAtATime.run(job.key, () =>
      locks.withItemLock(`enrich-job:${job.key}`, async () => {
        const stored = await this.store.get(job.key);
        const base = this.bases.get(job.key);
        // Merged into the live object before the put awaits, so changes made meanwhile stay on it.
        if (stored && base) adopt(job, mergeJob(base, job, stored));
        const record = structuredClone(job);
        await this.store.put(record);
        this.bases.set(job.key, record);
      }),
    );
  }

  /** Resolves when every write asked for so far is done. */
  written(): Promise<void> {
    return this.oneWriteAtATime.drained();
  }

  /** A record read from the shared store: the live object takes it, keeping its unsaved changes. */
  private take(stored: EnrichmentJob): EnrichmentJob {
    const live = this.jobs.get(stored.key);
    const base = this.bases.get(stored.key);
    this.bases.set(stored.key, structuredClone(stored));
    if (!live) {
      this.jobs.set(stored.key, stored);
      return stored;
    }
    adopt(live, base ? mergeJob(base, live, stored) : stored);
    return live;
  }

  private load(): Promise<void> {
    this.loaded ??= this.store.list().then(
      (all) => {
        for (const j of all) if (!this.jobs.has(j.key)) this.jobs.set(j.key, j);
      },
      (e: unknown) => {
        this.loaded = undefined; // the next call reads the store again
        throw e;
      },
    );
    return this.loaded;
  }
}
