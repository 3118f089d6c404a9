/**
 * The enrichment queue: one job per (movie, target language) that translates every graded word
 * of the movie. Whoever asks while it runs joins it; every asker is told in their own chat when it
 * ends. A job left `running` or `queued` by a crash resumes from its last saved word (`resume`);
 * words already translated are never sent again. A paused job wakes by itself when its time comes.
 *
 * It puts together the job book (jobs and their writes), the scheduler (what runs when), the
 * worker (the translating) and the progress views (what the askers see); on a store shared with
 * other instances, the cluster watch too (a dead instance's job taken on, another's followed).
 */
import type { ClusterLocks, Clock, Logger, Notifier, Timers } from '../../ports.js';
import { ProcessLocks } from '../../process-locks.js';
import { userKey, type UserRef } from '../../types.js';
import type { VocabStore } from '../ports.js';
import type { Language, MovieVocab } from '../types.js';
import { ClusterWatch, FOLLOW_MS, SCAN_MS } from './cluster-watch.js';
import { EndNotices } from './end-notices.js';
import { JobBook } from './job-book.js';
import { addAsker, isDue, msUntilDue, newJob, requeue, startedInLastHour } from './job-life.js';
import { OneAtATime } from '../../one-at-a-time.js';
import { ProgressViews, type JobView } from './progress-views.js';
import { wordsToTranslate } from './requests.js';
import { JobScheduler } from './scheduler.js';
import {
  jobKey,
  translatorFor,
  wordKey,
  type EnrichmentJob,
  type JobStore,
  type Translator,
} from './types.js';
import { EnrichmentWorker, type WorkerSettings } from './worker.js';

export interface EnrichmentSettings extends WorkerSettings {
  /** Jobs running at once. */
  concurrency: number;
  /** New jobs one person may start per hour. */
  perHour: number;
  /** Shared store: milliseconds between takeover scans (default 30 s; cluster-watch.ts). */
  scanIntervalMs?: number;
  /** Shared store: milliseconds between reads of a job another instance works, for views here (2 s). */
  followIntervalMs?: number;
}

export interface EnrichmentQueueDeps {
  jobs: JobStore;
  vocabs: Pick<VocabStore, 'get'>;
  /** Undefined when none is configured: no job is ever made (levels and examples still work). */
  translator: Translator | undefined;
  notifier: Notifier;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  settings: EnrichmentSettings;
  /**
   * Instances sharing `jobs` (PostgreSQL): one run per job and one ask at a time per job across
   * all of them, and every read from the store. Default: this process alone.
   */
  locks?: ClusterLocks;
}

export interface AskOptions {
  /** Not bound by the hourly limit (admins). */
  unlimited?: boolean;
  /** Not told when it ends (a backfill). */
  quiet?: boolean;
}

export type AskOutcome =
  | { kind: 'no_translator' }
  | { kind: 'unsupported'; translator: string }
  | { kind: 'limited'; limit: number }
  | { kind: 'ready' | 'joined' | 'started'; job: EnrichmentJob };

/** Asks decide against every job (the hourly limit counts them all): one at a time, under one key. */
const ASKS = 'asks';

export class EnrichmentQueue {
  readonly translator: Translator | undefined;
  private readonly book: JobBook;
  private readonly views: ProgressViews;
  private readonly scheduler: JobScheduler;
  private readonly worker: EnrichmentWorker;
  /** Ended jobs whose askers were not all told (a teller killed mid-way). */
  private readonly endings: EndNotices;
  private readonly oneAskAtATime = new OneAtATime();
  private readonly locks: ClusterLocks;
  /** Shared store only: other instances' jobs taken over when their holder dies, and followed. */
  private readonly watch: ClusterWatch | undefined;

  constructor(private readonly deps: EnrichmentQueueDeps) {
    this.translator = deps.translator;
    this.locks = deps.locks ?? new ProcessLocks();
    this.book = new JobBook(deps.jobs, deps.locks);
    this.views = new ProgressViews({
      book: this.book,
      notifier: deps.notifier,
      logger: deps.logger,
      locks: this.locks,
    });
    this.scheduler = new JobScheduler({
      timers: deps.timers,
      logger: deps.logger,
      concurrency: deps.settings.concurrency,
      run: (key) => this.worker.run(key),
    });
    this.worker = new EnrichmentWorker({
      book: this.book,
      views: this.views,
      scheduler: this.scheduler,
      vocabs: deps.vocabs,
      translator: deps.translator,
      clock: deps.clock,
      logger: deps.logger,
      settings: deps.settings,
      locks: this.locks,
      onPaused: (job) => this.wakeLater(job),
    });
    this.endings = new EndNotices({ views: this.views, now: () => deps.clock.now(), logger: deps.logger });
    if (deps.locks)
      this.watch = new ClusterWatch({
        book: this.book,
        views: this.views,
        scheduler: this.scheduler,
        endings: this.endings,
        now: () => deps.clock.now(),
        logger: deps.logger,
        scanMs: deps.settings.scanIntervalMs ?? SCAN_MS,
        followMs: deps.settings.followIntervalMs ?? FOLLOW_MS,
      });
  }

  /**
   * Someone wants `vocab` in `language`: a ready job answers at once; a running, queued or paused
   * one is joined; otherwise a new job starts (within the person's hourly limit).
   */
  async ask(
    vocab: MovieVocab,
    language: Language,
    user: UserRef,
    opts: AskOptions = {},
  ): Promise<AskOutcome> {
    if (!this.translator) return { kind: 'no_translator' };
    const translator = translatorFor(this.translator, language);
    if (!translator) return { kind: 'unsupported', translator: this.translator.name };
    const key = jobKey(vocab.key, language.code);
    // Across instances too: two asks at once on two instances make one job, both askers on it.
    return this.oneAskAtATime.run(ASKS, () =>
      this.locks.withItemLock(`enrich-ask:${key}`, async () => {
        const existing = await this.book.get(key);
        if (existing) return this.join(existing, vocab, user, opts);
        const limit = this.deps.settings.perHour;
        const now = this.deps.clock.now();
        if (!opts.unlimited && startedInLastHour(await this.book.list(), user, now) >= limit)
          return { kind: 'limited', limit };
        const job = newJob(vocab, language, translator, user, now, opts.quiet ?? false);
        await this.book.add(job);
        this.scheduler.enqueue(job.key);
        return { kind: 'started', job };
      }),
    );
  }

  /** The job for this key, if any. */
  get(key: string): Promise<EnrichmentJob | undefined> {
    return this.book.get(key);
  }

  list(): Promise<EnrichmentJob[]> {
    return this.book.list();
  }

  /** What a person has open of a job under way (a list page, a word): progress redraws it in place. */
  show(key: string, user: UserRef, view: JobView): void {
    this.views.show(key, user, view);
    // Another instance may be working it: its progress reaches this view through the store.
    if (this.views.has(key)) this.watch?.follow(key);
  }

  /** Sentences at `indexes` of `vocab` the job has not translated yet (a word opened, an export). */
  translateSentences(job: EnrichmentJob, vocab: MovieVocab, indexes: readonly number[]): Promise<void> {
    return this.worker.translateSentences(job, vocab, indexes);
  }

  /**
   * At start-up: jobs left `running` or `queued` start again from their last saved word (the
   * worker finds a job another live instance runs locked, and leaves it); paused jobs wait for
   * their time. Writes nothing: the worker does, once it holds the job. Jobs that ended with askers
   * not told (the process died telling them) have them told (end-notices.ts). On a shared store,
   * the takeover scan starts too: a job whose instance dies is taken on by another within its
   * interval. Returns how many were queued.
   */
  async resume(): Promise<number> {
    let queued = 0;
    const now = this.deps.clock.now();
    const jobs = await this.book.list();
    if (!this.scheduler.stopping.aborted) this.endings.catchUp(jobs, (key) => this.scheduler.has(key));
    for (const job of jobs) {
      if (job.status === 'paused' && !isDue(job, now)) this.wakeLater(job);
      else if (job.status === 'paused' || job.status === 'running' || job.status === 'queued') {
        this.scheduler.enqueue(job.key);
        queued += 1;
      }
    }
    if (queued) this.deps.logger.info({ queued }, 'enrichment: jobs resumed');
    this.watch?.start();
    return queued;
  }

  /** Resolves when no job is running or waiting and every write is done. */
  async idle(): Promise<void> {
    await this.watch?.idle();
    await this.scheduler.idle();
    await this.endings.idle();
    await this.book.written();
  }

  /** Stop taking work; running jobs stop after their current request and stay `running` on disk. */
  async stop(): Promise<void> {
    await this.scheduler.stop();
    await this.endings.idle();
    await this.book.written();
  }

  /** An existing job: ready answers; anything else is joined (and queued again when it may run). */
  private async join(
    job: EnrichmentJob,
    vocab: MovieVocab,
    user: UserRef,
    opts: AskOptions,
  ): Promise<AskOutcome> {
    // Ready, unless the list was analysed again since and has words the job never saw.
    const stale =
      job.status === 'ready' && wordsToTranslate(vocab).some((e) => job.words[wordKey(e)] === undefined);
    if (job.status === 'ready' && !stale) return { kind: 'ready', job };
    const now = this.deps.clock.now();
    if (stale) requeue(job);
    if (!opts.quiet) addAsker(job, user, now);
    if (job.status === 'failed' || (job.status === 'paused' && isDue(job, now))) requeue(job);
    await this.book.save(job);
    // Another instance finished it while this ask was saved (its askers told before this one came):
    // this answer tells the asker, so no late telling does again (end-notices.ts).
    if (job.status === 'ready') {
      const asker = opts.quiet ? undefined : job.askers.find((a) => userKey(a.user) === userKey(user));
      if (asker && !asker.notified) {
        asker.notified = true;
        await this.book.save(job);
      }
      return { kind: 'ready', job };
    }
    // Running here is a no-op; running elsewhere, the run lock says whether its holder is alive.
    if (job.status === 'queued' || job.status === 'running') this.scheduler.enqueue(job.key);
    return { kind: 'joined', job };
  }

  /** Queue the paused job again when its `retryAt` comes (the worker reads its pause as stored then). */
  private wakeLater(job: EnrichmentJob): void {
    this.scheduler.later(`wake:${job.key}`, msUntilDue(job, this.deps.clock.now()), () =>
      this.scheduler.enqueue(job.key),
    );
  }
}
