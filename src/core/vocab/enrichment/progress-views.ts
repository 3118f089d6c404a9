/**
 * What the askers see of a job: what each has open (a list page, a word), drawn again with the
 * job's progress (or its end) whenever it moves, and the messages that tell them it paused, is
 * ready or failed. Every asker hears the end once, in their own chat.
 */
import { OneAtATime } from '../../one-at-a-time.js';
import type { ClusterLocks, Logger, Notifier } from '../../ports.js';
import { userKey, type Reply, type UserRef } from '../../types.js';
import { sayVocab, whyVocab, type VocabCode } from '../messages.js';
import type { JobBook } from './job-book.js';
import { languageName } from './job-texts.js';
import type { EnrichmentJob } from './types.js';
import { hasEnded } from './job-life.js';

export interface ProgressViewsDeps {
  book: JobBook;
  notifier: Notifier;
  logger: Logger;
  /** The askers are told under a lock of these, so two instances never tell one twice. */
  locks: ClusterLocks;
}

/** Draws what a person has open of a job as the job is now; undefined when there is nothing to draw. */
export type JobView = (job: EnrichmentJob) => Promise<Reply | undefined>;

export class ProgressViews {
  /** By job key, then by userKey: what that person has open. */
  private readonly views = new Map<string, Map<string, JobView>>();
  /** One drawing per job at a time, in order, so an older state never lands after a newer one. */
  private readonly drawing = new OneAtATime();
  /** The text each view last showed: a drawing that changes nothing is not sent. */
  private readonly drawn = new WeakMap<JobView, string>();

  constructor(private readonly deps: ProgressViewsDeps) {}

  /**
   * Remember what a person has open for a job under way, so progress can redraw it in place (the
   * chats edit the message a reply with the same `progress.jobKey` announced). In memory only:
   * after a restart a click on the message shows it again.
   */
  show(key: string, user: UserRef, view: JobView): void {
    const status = this.deps.book.cached(key)?.status;
    if (status !== 'queued' && status !== 'running' && status !== 'paused') return;
    const views = this.views.get(key) ?? new Map<string, JobView>();
    views.set(userKey(user), view);
    this.views.set(key, views);
  }

  /** Someone has something of this job open here. */
  has(key: string): boolean {
    return this.views.has(key);
  }

  /**
   * What each asker has open, drawn again with the job's progress (or its end). The end is drawn
   * for the told too: on an instance following the job (cluster-watch.ts) they may be told already.
   */
  progress(job: EnrichmentJob, end: boolean): Promise<void> {
    return this.drawing.run(job.key, async () => {
      const views = this.views.get(job.key);
      if (!views) return;
      if (end) this.views.delete(job.key);
      for (const asker of job.askers) {
        const who = userKey(asker.user);
        const view = views.get(who);
        if (view === undefined || (asker.notified && !end)) continue;
        try {
          const reply = await view(job);
          // Opened something else meanwhile: that drawing is the one to show.
          if (!reply || views.get(who) !== view || this.drawn.get(view) === reply.text) continue;
          this.drawn.set(view, reply.text);
          await this.deps.notifier.send(asker.user, { ...reply, progress: { jobKey: job.key } });
        } catch (e) {
          this.deps.logger.debug({ err: e, job: job.key }, 'enrichment: progress not shown');
        }
      }
    });
  }

  /**
   * Tell the askers once, across every instance on the job store: under the job's tell lock and
   * against the flags as stored now (another instance's run may have told them). `end` marks each
   * asker told, saved just before their message goes out (end-notices.ts tells the rest of an end
   * whose teller was killed; the message in flight then may be lost, not sent twice); `pause` marks
   * the job's pause told (once per job), saved before anyone is told. `reply` may be drawn from the
   * job as stored now; an `end` no longer stored (the job went on again) is not told. Returns how
   * many were sent to.
   */
  tell(
    job: EnrichmentJob,
    reply: Reply | ((job: EnrichmentJob) => Reply),
    what: 'end' | 'pause',
  ): Promise<number> {
    const { book, locks } = this.deps;
    return locks.withItemLock(`enrich-tell:${job.key}`, async () => {
      const live = (await book.get(job.key)) ?? job;
      if (what === 'pause') {
        if (live.pauseNotified) return 0;
        live.pauseNotified = true;
        await book.save(live);
      } else if (!hasEnded(live)) return 0;
      const message = typeof reply === 'function' ? reply(live) : reply;
      const untold = live.askers.filter((a) => !a.notified);
      for (const { user, at } of untold) {
        let marked = what === 'pause';
        // Marked told just before the message goes out (after its wait in the chat's queue), so
        // a crash loses at most the one in flight rather than telling it twice; a notifier that
        // cannot say when leaves it to after the send (at least once).
        const mark = async () => {
          if (marked) return;
          marked = true;
          // Found again: a save on a shared store gives the job a fresh askers list.
          const asker = live.askers.find((a) => userKey(a.user) === userKey(user) && a.at === at);
          if (!asker) return;
          asker.notified = true;
          await book.save(live);
        };
        try {
          await this.deps.notifier.send(user, message, { beforeSend: mark });
        } catch (e) {
          this.deps.logger.warn({ err: e, job: job.key, user: userKey(user) }, 'enrichment: notify failed');
        }
        await mark();
      }
      return untold.length;
    });
  }

  /** An ended job's askers not told marked told, without a message (an end too old to tell). */
  markTold(job: EnrichmentJob): Promise<number> {
    const { book, locks } = this.deps;
    return locks.withItemLock(`enrich-tell:${job.key}`, async () => {
      const live = (await book.get(job.key)) ?? job;
      if (!hasEnded(live)) return 0;
      const untold = live.askers.filter((a) => !a.notified);
      for (const asker of untold) asker.notified = true;
      if (untold.length) await book.save(live);
      return untold.length;
    });
  }
}

/** The job in a line under what it shows: translating (done of total), paused, ready or failed. */
export function progressLine(job: EnrichmentJob): string {
  const language = languageName(job.language);
  if (job.status === 'ready') return sayVocab('vocab.enrichDoneLine', { language, words: job.total });
  if (job.status === 'failed') return sayVocab('vocab.enrichFailedLine', { why: whyVocab(job.reason) });
  if (job.status === 'paused')
    return sayVocab('vocab.enrichPausedLine', {
      language,
      done: job.done,
      total: job.total,
      why: whyVocab(job.reason),
    });
  return sayVocab('vocab.enrichProgressLine', {
    language,
    translator: job.translator,
    done: job.done,
    total: job.total,
  });
}

/** A notification: a new message (no `progress`, which would make the chats edit the list instead). */
export function jobReply(
  code: VocabCode,
  job: EnrichmentJob,
  values: Record<string, string | number> = {},
): Reply {
  return {
    code,
    text: sayVocab(code, { title: job.title, language: languageName(job.language), ...values }),
  };
}
