/**
 * The worker: runs one job, translating the words not yet saved batch by batch and saving after
 * each batch, so a job cut off mid-way resumes from its last saved word. DeepL's quota (456) pauses
 * the job for `quotaPauseMinutes`; a translator that stays down or rate-limited (after the HTTP
 * client's own retries) pauses it for `retryMinutes`; anything else fails it. It also translates
 * example sentences on demand, cached on the job.
 */
import { isUpstreamError } from '../../errors.js';
import type { ClusterLocks, Clock, Logger } from '../../ports.js';
import { findLanguage } from '../languages.js';
import { whyVocab } from '../messages.js';
import type { VocabStore } from '../ports.js';
import type { MovieVocab } from '../types.js';
import { endReply } from './end-notices.js';
import type { JobBook } from './job-book.js';
import { isDue, requeue, hasEnded } from './job-life.js';
import { jobReply, type ProgressViews } from './progress-views.js';
import { batches, contextFor, wordsToTranslate } from './requests.js';
import type { JobScheduler } from './scheduler.js';
import { translatorFor, wordKey, type EnrichmentJob, type Translator } from './types.js';

export interface WorkerSettings {
  /** Minutes a job waits after the quota ran out (DeepL 456). */
  quotaPauseMinutes: number;
  /** Minutes a job waits after the translator stayed unreachable or rate-limited. */
  retryMinutes: number;
  /** Milliseconds one translation request may take, retries included. */
  requestTimeoutMs: number;
}

export interface WorkerDeps {
  book: JobBook;
  views: ProgressViews;
  scheduler: JobScheduler;
  vocabs: Pick<VocabStore, 'get'>;
  /** Undefined when none is configured. */
  translator: Translator | undefined;
  clock: Clock;
  logger: Logger;
  settings: WorkerSettings;
  /** One run of a job at a time across every instance on the job store. */
  locks: ClusterLocks;
  /** A job just paused: wake it when its `retryAt` comes. */
  onPaused(job: EnrichmentJob): void;
}

export class EnrichmentWorker {
  constructor(private readonly deps: WorkerDeps) {}

  /**
   * Run the job under its cluster lock: on another instance's lock, that instance has it (and a
   * holder that died took its lock with it, so the next ask, resume or takeover scan picks the
   * job up: cluster-watch.ts).
   */
  async run(key: string): Promise<void> {
    const ran = await this.deps.locks.tryRun(`enrich:${key}`, () => this.work(key));
    if (!ran.ran) this.deps.logger.debug({ job: key }, 'enrichment: another instance runs this job');
  }

  private async work(key: string): Promise<void> {
    const { book, logger: log, scheduler } = this.deps;
    // As stored now: another instance's progress is where this run goes on, its pause holds here.
    const job = await book.get(key);
    if (!job || !this.deps.translator || hasEnded(job)) return;
    if (job.status === 'paused') {
      if (!isDue(job, this.now())) return this.deps.onPaused(job);
      requeue(job);
    }
    const found = findLanguage(job.language);
    const translator = found && translatorFor(this.deps.translator, found);
    const vocab = await this.deps.vocabs.get(job.movieKey);
    if (!vocab || !found || !translator)
      return this.finish(job, 'failed', vocab ? 'unsupported' : 'no_vocab');
    const words = wordsToTranslate(vocab);
    job.status = 'running';
    job.total = words.length;
    delete job.reason;
    delete job.retryAt;
    await book.save(job);
    const todo = words.filter((e) => job.words[wordKey(e)] === undefined);
    const started = this.now().getTime();
    log.info({ job: key, todo: todo.length, total: words.length }, 'enrichment: running');
    for (const batch of batches(todo, (e) => e.lemma, translator.maxTexts, translator.maxBytes)) {
      if (scheduler.stopping.aborted) return;
      const texts = batch.map((e) => e.lemma);
      const context = contextFor(vocab, batch, translator.maxBytes, texts);
      try {
        const res = await scheduler.withDeadline(this.deps.settings.requestTimeoutMs, (deadline) =>
          translator.translate(texts, found, {
            ...(context ? { context } : {}),
            signal: AbortSignal.any([scheduler.stopping, deadline]),
          }),
        );
        batch.forEach((e, i) => (job.words[wordKey(e)] = res.texts[i] ?? ''));
        job.chars.words += res.characters;
        job.requests += 1;
      } catch (e) {
        if (scheduler.stopping.aborted) return;
        return this.failed(job, e);
      }
      job.done = words.filter((w) => job.words[wordKey(w)] !== undefined).length;
      job.updatedAt = this.now().toISOString();
      // Saved in order behind the next request rather than before it; finish() waits for it.
      book.save(job).catch((e: unknown) => log.error({ err: e, job: key }, 'enrichment: progress not saved'));
      void this.deps.views.progress(job, false);
    }
    job.done = words.length;
    log.info(
      { job: key, ms: this.now().getTime() - started, requests: job.requests, chars: job.chars.words },
      'enrichment: ready',
    );
    await this.finish(job, 'ready');
  }

  /**
   * Translate the sentences at `indexes` of `vocab` that this job has not translated yet (people
   * opening a word or exporting). Billed characters are counted on the job. Throws UpstreamError.
   */
  async translateSentences(job: EnrichmentJob, vocab: MovieVocab, indexes: readonly number[]): Promise<void> {
    const language = findLanguage(job.language);
    const translator = language && translatorFor(this.deps.translator, language);
    if (!translator || !language || translator.sentences === false) return;
    const todo = [...new Set(indexes)].filter(
      (i) => job.sentences[String(i)] === undefined && vocab.sentences[i] !== undefined,
    );
    const text = (i: number) => vocab.sentences[i]?.text ?? '';
    // All batches at once: the translator's limiter keeps to its concurrency.
    const results = await Promise.allSettled(
      batches(todo, text, translator.maxTexts, translator.maxBytes).map(async (batch) => {
        const res = await this.deps.scheduler.withDeadline(this.deps.settings.requestTimeoutMs, (signal) =>
          translator.translate(batch.map(text), language, { signal }),
        );
        batch.forEach((i, n) => (job.sentences[String(i)] = res.texts[n] ?? ''));
        job.chars.sentences += res.characters;
        job.requests += 1;
        job.updatedAt = this.now().toISOString();
        await this.deps.book.save(job);
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** A request failed: pause for what passes by itself (quota, service down), fail for the rest. */
  private failed(job: EnrichmentJob, e: unknown): Promise<void> {
    const { logger: log, settings } = this.deps;
    if (!isUpstreamError(e)) {
      log.error({ err: e, job: job.key }, 'enrichment: unexpected failure');
      return this.finish(job, 'failed', 'unexpected');
    }
    log.warn({ job: job.key, failure: e.failure, status: e.status }, 'enrichment: translator failed');
    if (e.failure === 'quota') return this.pause(job, 'quota', settings.quotaPauseMinutes);
    if (e.retryable) return this.pause(job, e.failure, settings.retryMinutes);
    return this.finish(job, 'failed', e.failure);
  }

  private async finish(job: EnrichmentJob, status: 'ready' | 'failed', reason?: string): Promise<void> {
    job.status = status;
    if (reason) job.reason = reason;
    else delete job.reason;
    job.finishedAt = this.now().toISOString();
    job.updatedAt = job.finishedAt;
    await this.deps.book.save(job);
    await this.deps.views.progress(job, true);
    await this.deps.views.tell(job, endReply(job), 'end');
  }

  private async pause(job: EnrichmentJob, reason: string, minutes: number): Promise<void> {
    const now = this.now();
    job.status = 'paused';
    job.reason = reason;
    job.retryAt = new Date(now.getTime() + minutes * 60_000).toISOString();
    job.updatedAt = now.toISOString();
    await this.deps.book.save(job);
    this.deps.onPaused(job);
    const reply = jobReply('vocab.enrichPaused', job, { why: whyVocab(reason), minutes });
    await this.deps.views.tell(job, reply, 'pause');
  }

  private now(): Date {
    return this.deps.clock.now();
  }
}
