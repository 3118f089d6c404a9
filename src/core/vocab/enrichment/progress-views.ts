/**
 * What the askers see of a job: the list each was shown, edited in place with the job's progress
 * (or its end) under it, and the messages that tell them it paused, is ready or failed. Every
 * asker hears the end once, in their own chat.
 */
import type { Logger, Notifier } from '../../ports.js';
import { userKey, type Reply, type UserRef } from '../../types.js';
import { sayVocab, whyVocab, type VocabCode } from '../messages.js';
import type { JobBook } from './job-book.js';
import { languageName } from './job-texts.js';
import type { EnrichmentJob } from './types.js';

export interface ProgressViewsDeps {
  book: JobBook;
  notifier: Notifier;
  logger: Logger;
}

export class ProgressViews {
  /** By job key, then by userKey: the list text that person was shown. */
  private readonly views = new Map<string, Map<string, string>>();

  constructor(private readonly deps: ProgressViewsDeps) {}

  /**
   * Remember the list a person was shown for a job under way, so progress can edit it in place
   * (the chats edit the message a reply with the same `progress.jobKey` announced). In memory only:
   * after a restart the chats no longer track those messages either.
   */
  show(key: string, user: UserRef, listText: string): void {
    const status = this.deps.book.cached(key)?.status;
    if (status !== 'queued' && status !== 'running' && status !== 'paused') return;
    const views = this.views.get(key) ?? new Map<string, string>();
    views.set(userKey(user), listText);
    this.views.set(key, views);
  }

  /** The list each asker was shown, with the job's progress line (or its end) under it. */
  async progress(job: EnrichmentJob, end: boolean): Promise<void> {
    const views = this.views.get(job.key);
    if (!views) return;
    if (end) this.views.delete(job.key);
    const line = progressLine(job);
    for (const asker of job.askers) {
      const view = views.get(userKey(asker.user));
      if (view === undefined || asker.notified) continue;
      const reply: Reply = {
        code: 'vocab.enrichProgress',
        text: sayVocab('vocab.enrichProgress', { view, line }),
        progress: { jobKey: job.key },
      };
      await this.deps.notifier.send(asker.user, reply).catch((e: unknown) => {
        this.deps.logger.debug({ err: e, job: job.key }, 'enrichment: progress not shown');
      });
    }
  }

  /** Tell the askers; `final` marks them told (and saves that), so they hear the end once. */
  async notify(job: EnrichmentJob, reply: Reply, final: boolean): Promise<void> {
    for (const asker of job.askers) {
      if (asker.notified) continue;
      try {
        await this.deps.notifier.send(asker.user, reply);
      } catch (e) {
        this.deps.logger.warn(
          { err: e, job: job.key, user: userKey(asker.user) },
          'enrichment: notify failed',
        );
      }
      if (final) asker.notified = true;
    }
    if (final) await this.deps.book.save(job);
  }
}

function progressLine(job: EnrichmentJob): string {
  if (job.status === 'ready')
    return sayVocab('vocab.enrichDoneLine', { language: languageName(job.language), words: job.total });
  if (job.status === 'failed') return sayVocab('vocab.enrichFailedLine', { why: whyVocab(job.reason) });
  return sayVocab('vocab.enrichProgressLine', {
    language: languageName(job.language),
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
