/**
 * The enrichment job queue: one job per (movie, target language) that translates every graded
 * word of the movie, batch by batch, saving after each batch. Whoever asks while it runs joins it;
 * every asker is told in their own chat when it ends. At most `concurrency` jobs run at once. A
 * job left `running` or `queued` by a crash resumes from its last saved word (`resume`); words
 * already translated are never sent again. DeepL's 456 pauses the job until `retryAt`; a service
 * that stays down (after the HTTP client's own retries) pauses it too, for a shorter while.
 *
 * All jobs are held in memory once loaded; the store is written through after every change.
 */
import { isUpstreamError } from '../../errors.js';
import type { Clock, Logger, Notifier } from '../../ports.js';
import { userKey, type Reply, type UserRef } from '../../types.js';
import { findLanguage } from '../languages.js';
import { sayVocab, whyVocab, type VocabCode } from '../messages.js';
import type { VocabStore } from '../ports.js';
import type { Language, MovieVocab, VocabEntry } from '../types.js';
import { chooseSentences } from './examples.js';
import { jobKey, wordKey, type EnrichmentJob, type JobStore, type Translator } from './types.js';

export interface EnrichmentQueueDeps {
  jobs: JobStore;
  vocabs: Pick<VocabStore, 'get'>;
  /** Absent: no job is ever created (levels and examples still work). */
  translator?: Translator;
  notifier?: Notifier;
  clock?: Clock;
  logger?: Logger;
  /** Jobs running at once. Default 2. */
  concurrency?: number;
  /** New jobs one person may start per hour. Default 10. */
  perHour?: number;
  /** Minutes a job waits after the quota ran out (DeepL 456). Default 60. */
  quotaPauseMinutes?: number;
  /** Minutes a job waits after the translator stayed unreachable or rate-limited. Default 5. */
  retryMinutes?: number;
  /** Milliseconds one translation request may take, retries included. Default 60000. */
  requestTimeoutMs?: number;
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

/** The words a job translates: every graded entry (unlisted interjections and noises are left out). */
export function wordsToTranslate(vocab: MovieVocab): VocabEntry[] {
  const seen = new Set<string>();
  return vocab.entries.filter((e) => {
    const k = wordKey(e);
    if (e.source === 'unlisted' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Split `items` into requests of at most `maxTexts` texts and `maxBytes` of JSON body. */
export function batches<T>(
  items: readonly T[],
  text: (t: T) => string,
  maxTexts: number,
  maxBytes: number,
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = BODY_OVERHEAD;
  for (const item of items) {
    const size = byteLength(JSON.stringify(text(item))) + 1;
    if (current.length > 0 && (current.length >= maxTexts || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = BODY_OVERHEAD;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

/** Room kept for the other fields of a request body (languages, options). */
const BODY_OVERHEAD = 256;

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

export class EnrichmentQueue {
  readonly translator: Translator | undefined;
  private readonly jobs = new Map<string, EnrichmentJob>();
  private loaded: Promise<void> | undefined;
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly views = new Map<string, Map<string, string>>();
  private lock: Promise<unknown> = Promise.resolve();
  private readonly stopper = new AbortController();
  private readonly concurrency: number;

  constructor(private readonly deps: EnrichmentQueueDeps) {
    this.translator = deps.translator;
    this.concurrency = Math.max(1, deps.concurrency ?? 2);
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
    if (!this.deps.translator) return { kind: 'no_translator' };
    const translator = this.translatorFor(language);
    if (!translator) return { kind: 'unsupported', translator: this.deps.translator.name };
    return this.exclusive(async () => {
      await this.load();
      const key = jobKey(vocab.key, language.code);
      const existing = this.jobs.get(key);
      // Ready, unless the list was analysed again since and has words the job never saw.
      const stale =
        existing?.status === 'ready' &&
        wordsToTranslate(vocab).some((e) => existing.words[wordKey(e)] === undefined);
      if (existing?.status === 'ready' && !stale) return { kind: 'ready', job: existing };
      if (existing && stale) this.requeue(existing);
      if (existing) {
        if (!opts.quiet) this.addAsker(existing, user);
        if (existing.status === 'failed' || (existing.status === 'paused' && this.due(existing))) {
          this.requeue(existing);
        }
        await this.save(existing);
        if (existing.status === 'queued') this.enqueue(existing.key);
        return { kind: 'joined', job: existing };
      }
      const limit = this.deps.perHour ?? 10;
      const hourAgo = this.now().getTime() - 3_600_000;
      const mine = [...this.jobs.values()].filter(
        (j) => j.createdBy === userKey(user) && Date.parse(j.createdAt) > hourAgo,
      );
      if (!opts.unlimited && mine.length >= limit) return { kind: 'limited', limit };
      const at = this.now().toISOString();
      const job: EnrichmentJob = {
        key,
        movieKey: vocab.key,
        title: vocab.title,
        language: language.code,
        status: 'queued',
        total: wordsToTranslate(vocab).length,
        done: 0,
        translator: translator.name,
        words: {},
        sentences: {},
        chars: { words: 0, sentences: 0 },
        requests: 0,
        askers: opts.quiet ? [] : [{ user, at, notified: false }],
        createdBy: userKey(user),
        createdAt: at,
        updatedAt: at,
      };
      this.jobs.set(key, job);
      await this.save(job);
      this.enqueue(key);
      return { kind: 'started', job };
    });
  }

  /** The job for this key, if any. */
  async get(key: string): Promise<EnrichmentJob | undefined> {
    await this.load();
    return this.jobs.get(key);
  }

  async list(): Promise<EnrichmentJob[]> {
    await this.load();
    return [...this.jobs.values()];
  }

  /**
   * Translate the sentences at `indexes` of `vocab` that this job has not translated yet (people
   * opening a word or exporting). Billed characters are counted on the job. Throws UpstreamError.
   */
  async translateSentences(job: EnrichmentJob, vocab: MovieVocab, indexes: readonly number[]): Promise<void> {
    const language = findLanguage(job.language);
    const translator = language && this.translatorFor(language);
    if (!translator || !language || translator.sentences === false) return;
    const todo = [...new Set(indexes)].filter(
      (i) => job.sentences[String(i)] === undefined && vocab.sentences[i] !== undefined,
    );
    const text = (i: number) => vocab.sentences[i]?.text ?? '';
    // All batches at once: the translator's limiter keeps to its concurrency.
    const results = await Promise.allSettled(
      batches(todo, text, translator.maxTexts, translator.maxBytes).map(async (batch) => {
        const res = await translator.translate(batch.map(text), language, {
          signal: AbortSignal.timeout(this.deps.requestTimeoutMs ?? 60_000),
        });
        batch.forEach((i, n) => (job.sentences[String(i)] = res.texts[n] ?? ''));
        job.chars.sentences += res.characters;
        job.requests += 1;
        job.updatedAt = this.now().toISOString();
        await this.save(job);
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * At start-up: jobs left `running` or `queued` start again from their last saved word; paused
   * jobs wait for their time. Returns how many were queued now.
   */
  async resume(): Promise<number> {
    await this.load();
    let queued = 0;
    for (const job of this.jobs.values()) {
      if (job.status === 'paused' && this.due(job)) this.requeue(job);
      if (job.status === 'running') job.status = 'queued';
      if (job.status === 'queued') {
        await this.save(job);
        this.enqueue(job.key);
        queued += 1;
      } else if (job.status === 'paused') this.wakeLater(job);
    }
    if (queued) this.deps.logger?.info({ queued }, 'enrichment: jobs resumed');
    return queued;
  }

  /** Resolves when no job is running or waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.waiting.length > 0) {
      await Promise.all([...this.running.values()]);
      await Promise.resolve();
    }
    await Promise.all([...this.writes.values()]);
  }

  /** Stop taking work; running jobs stop after their current request and stay `running` on disk. */
  async stop(): Promise<void> {
    this.stopper.abort();
    this.waiting.length = 0;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.running.values()]);
    await Promise.all([...this.writes.values()]);
  }

  /** The configured translator for `language`: with several, the first that supports it. */
  private translatorFor(language: Language): Translator | undefined {
    const t = this.deps.translator;
    if (!t) return undefined;
    if (t.forLanguage) return t.forLanguage(language);
    return t.supports(language) ? t : undefined;
  }

  private async run(key: string): Promise<void> {
    const job = this.jobs.get(key);
    const found = findLanguage(job?.language ?? '');
    const translator = found && this.translatorFor(found);
    if (!job || !this.deps.translator || job.status === 'ready') return;
    const log = this.deps.logger;
    const vocab = await this.deps.vocabs.get(job.movieKey);
    const language = translator ? found : undefined;
    if (!vocab || !language || !translator)
      return this.finish(job, 'failed', vocab ? 'unsupported' : 'no_vocab');
    const words = wordsToTranslate(vocab);
    job.status = 'running';
    job.total = words.length;
    delete job.reason;
    delete job.retryAt;
    await this.save(job);
    const todo = words.filter((e) => job.words[wordKey(e)] === undefined);
    const started = Date.now();
    log?.info({ job: key, todo: todo.length, total: words.length }, 'enrichment: running');
    for (const batch of batches(todo, (e) => e.lemma, translator.maxTexts, translator.maxBytes)) {
      if (this.stopper.signal.aborted) return;
      const context = contextFor(
        vocab,
        batch,
        translator.maxBytes,
        batch.map((e) => e.lemma),
      );
      try {
        const res = await translator.translate(
          batch.map((e) => e.lemma),
          language,
          {
            ...(context ? { context } : {}),
            signal: AbortSignal.any([
              this.stopper.signal,
              AbortSignal.timeout(this.deps.requestTimeoutMs ?? 60_000),
            ]),
          },
        );
        batch.forEach((e, i) => (job.words[wordKey(e)] = res.texts[i] ?? ''));
        job.chars.words += res.characters;
        job.requests += 1;
      } catch (e) {
        if (this.stopper.signal.aborted) return;
        if (isUpstreamError(e)) {
          log?.warn({ job: key, failure: e.failure, status: e.status }, 'enrichment: translator failed');
          if (e.failure === 'quota') return this.pause(job, 'quota', this.deps.quotaPauseMinutes ?? 60);
          if (e.retryable) return this.pause(job, e.failure, this.deps.retryMinutes ?? 5);
          return this.finish(job, 'failed', e.failure);
        }
        log?.error({ err: e, job: key }, 'enrichment: unexpected failure');
        return this.finish(job, 'failed', 'unexpected');
      }
      job.done = words.filter((w) => job.words[wordKey(w)] !== undefined).length;
      job.updatedAt = this.now().toISOString();
      // Saved in order behind the next request rather than before it; finish() waits for it.
      this.save(job).catch((e: unknown) =>
        log?.error({ err: e, job: key }, 'enrichment: progress not saved'),
      );
      void this.showProgress(job, false);
    }
    job.done = words.length;
    log?.info(
      { job: key, ms: Date.now() - started, requests: job.requests, chars: job.chars.words },
      'enrichment: ready',
    );
    await this.finish(job, 'ready');
  }

  private async finish(job: EnrichmentJob, status: 'ready' | 'failed', reason?: string): Promise<void> {
    job.status = status;
    if (reason) job.reason = reason;
    else delete job.reason;
    job.finishedAt = this.now().toISOString();
    job.updatedAt = job.finishedAt;
    await this.save(job);
    await this.showProgress(job, true);
    const reply =
      status === 'ready' ? enrichedReply(job) : replyOf('vocab.enrichFailed', job, { why: whyVocab(reason) });
    await this.notify(job, reply, true);
  }

  private async pause(job: EnrichmentJob, reason: string, minutes: number): Promise<void> {
    job.status = 'paused';
    job.reason = reason;
    job.retryAt = new Date(this.now().getTime() + minutes * 60_000).toISOString();
    job.updatedAt = this.now().toISOString();
    const tell = !job.pauseNotified;
    job.pauseNotified = true;
    await this.save(job);
    this.wakeLater(job);
    if (tell) {
      await this.notify(
        job,
        replyOf('vocab.enrichPaused', job, {
          why: whyVocab(reason),
          minutes,
        }),
        false,
      );
    }
  }

  /**
   * Remember the list a person was shown for a job under way, so progress can edit it in place
   * (the chats edit the message a reply with the same `progress.jobKey` announced). In memory only:
   * after a restart the chats no longer track those messages either.
   */
  show(key: string, user: UserRef, listText: string): void {
    const status = this.jobs.get(key)?.status;
    if (status !== 'queued' && status !== 'running' && status !== 'paused') return;
    const views = this.views.get(key) ?? new Map<string, string>();
    views.set(userKey(user), listText);
    this.views.set(key, views);
  }

  /** The list each asker was shown, with the job's progress (or its end) under it. */
  private async showProgress(job: EnrichmentJob, end: boolean): Promise<void> {
    const views = this.views.get(job.key);
    const notifier = this.deps.notifier;
    if (!views || !notifier) return;
    if (end) this.views.delete(job.key);
    const line =
      job.status === 'ready'
        ? sayVocab('vocab.enrichDoneLine', { language: languageName(job.language), words: job.total })
        : job.status === 'failed'
          ? sayVocab('vocab.enrichFailedLine', { why: whyVocab(job.reason) })
          : sayVocab('vocab.enrichProgressLine', {
              language: languageName(job.language),
              translator: job.translator,
              done: job.done,
              total: job.total,
            });
    for (const asker of job.askers) {
      const view = views.get(userKey(asker.user));
      if (view === undefined || asker.notified) continue;
      const reply: Reply = {
        code: 'vocab.enrichProgress',
        text: sayVocab('vocab.enrichProgress', { view, line }),
        progress: { jobKey: job.key },
      };
      await notifier.send(asker.user, reply).catch((e: unknown) => {
        this.deps.logger?.debug({ err: e, job: job.key }, 'enrichment: progress not shown');
      });
    }
  }

  /** Tell the askers (each in their own chat); `final` marks them told, so they hear the end once. */
  private async notify(job: EnrichmentJob, reply: Reply, final: boolean): Promise<void> {
    const notifier = this.deps.notifier;
    if (!notifier) return;
    for (const asker of job.askers) {
      if (asker.notified) continue;
      try {
        await notifier.send(asker.user, reply);
      } catch (e) {
        this.deps.logger?.warn(
          { err: e, job: job.key, user: userKey(asker.user) },
          'enrichment: notify failed',
        );
      }
      if (final) asker.notified = true;
    }
    if (final) await this.save(job);
  }

  private addAsker(job: EnrichmentJob, user: UserRef): void {
    const at = this.now().toISOString();
    const found = job.askers.find((a) => userKey(a.user) === userKey(user));
    if (found) {
      found.at = at;
      found.notified = false;
      found.user = user;
    } else job.askers.push({ user, at, notified: false });
  }

  private requeue(job: EnrichmentJob): void {
    job.status = 'queued';
    delete job.reason;
    delete job.retryAt;
    delete job.finishedAt;
  }

  private due(job: EnrichmentJob): boolean {
    return !job.retryAt || Date.parse(job.retryAt) <= this.now().getTime();
  }

  private wakeLater(job: EnrichmentJob): void {
    if (this.stopper.signal.aborted) return;
    const ms = Math.max(0, Date.parse(job.retryAt ?? '') - this.now().getTime()) || 0;
    clearTimeout(this.timers.get(job.key));
    const timer = setTimeout(
      () => {
        this.timers.delete(job.key);
        if (job.status !== 'paused') return;
        this.requeue(job);
        void this.save(job).then(() => this.enqueue(job.key));
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    timer.unref?.();
    this.timers.set(job.key, timer);
  }

  private enqueue(key: string): void {
    if (this.stopper.signal.aborted || this.running.has(key) || this.waiting.includes(key)) return;
    this.waiting.push(key);
    this.pump();
  }

  private pump(): void {
    while (this.running.size < this.concurrency && this.waiting.length > 0) {
      const key = this.waiting.shift() as string;
      const p = this.run(key)
        .catch((e: unknown) => this.deps.logger?.error({ err: e, job: key }, 'enrichment: job crashed'))
        .finally(() => {
          this.running.delete(key);
          this.pump();
        });
      this.running.set(key, p);
    }
  }

  /** Writes for one job happen in order; each writes the job as it is when its turn comes. */
  private save(job: EnrichmentJob): Promise<void> {
    const previous = this.writes.get(job.key) ?? Promise.resolve();
    const next = previous.then(() => this.deps.jobs.put(structuredClone(job)));
    const tracked = next.finally(() => {
      if (this.writes.get(job.key) === tracked) this.writes.delete(job.key);
    });
    this.writes.set(job.key, tracked);
    return next;
  }

  private load(): Promise<void> {
    this.loaded ??= this.deps.jobs.list().then(
      (all) => {
        for (const j of all) if (!this.jobs.has(j.key)) this.jobs.set(j.key, j);
      },
      (e: unknown) => {
        this.loaded = undefined;
        throw e;
      },
    );
    return this.loaded;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private now(): Date {
    return this.deps.clock ? this.deps.clock.now() : new Date();
  }
}

/**
 * DeepL's `context` (not billed) for one request: the first example sentence of each word in the
 * batch, as much as fits beside the texts in the body limit. DeepL takes one context per request.
 */
function contextFor(
  vocab: MovieVocab,
  batch: readonly VocabEntry[],
  maxBytes: number,
  texts: string[],
): string {
  const budget = maxBytes - BODY_OVERHEAD - byteLength(JSON.stringify(texts)) - 64;
  const lines: string[] = [];
  let used = 0;
  for (const entry of batch) {
    const index = chooseSentences(vocab, entry, 1)[0];
    const line = index === undefined ? undefined : vocab.sentences[index]?.text;
    if (!line) continue;
    const size = byteLength(JSON.stringify(line)) + 1;
    if (used + size > budget) break;
    lines.push(line);
    used += size;
  }
  return lines.join('\n');
}

function languageName(code: string): string {
  return findLanguage(code)?.english ?? code;
}

/** A notification: a new message (no `progress`, which would make the chats edit the list instead). */
function replyOf(code: VocabCode, job: EnrichmentJob, values: Record<string, string | number> = {}): Reply {
  return {
    code,
    text: sayVocab(code, { title: job.title, language: languageName(job.language), ...values }),
  };
}

/** "Translations of Inception into French are ready." */
export function enrichedReply(job: EnrichmentJob): Reply {
  return replyOf('vocab.enrichReady', job, { words: job.total, translator: job.translator });
}
