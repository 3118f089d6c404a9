/**
 * The job book: every enrichment job, read once from the JobStore and then held in memory as the
 * live objects the queue and the worker change, and written through after every change, one
 * write at a time per job (each write stores the job as it is when its turn comes).
 */
import { OneAtATime } from '../../one-at-a-time.js';
import type { EnrichmentJob, JobStore } from './types.js';

export class JobBook {
  private readonly jobs = new Map<string, EnrichmentJob>();
  private loaded: Promise<void> | undefined;
  private readonly oneWriteAtATime = new OneAtATime();

  constructor(private readonly store: JobStore) {}

  async get(key: string): Promise<EnrichmentJob | undefined> {
    await this.load();
    return this.jobs.get(key);
  }

  async list(): Promise<EnrichmentJob[]> {
    await this.load();
    return [...this.jobs.values()];
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
    return this.oneWriteAtATime.run(job.key, () => this.store.put(structuredClone(job)));
  }

  /** Resolves when every write asked for so far is done. */
  written(): Promise<void> {
    return this.oneWriteAtATime.drained();
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
