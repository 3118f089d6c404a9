/**
 * A job's state as the vocabulary API tells it: `ready`, `enriching` (done of total), `paused`
 * (until when, and why), `failed` (why), or `not_started` (and why, when nothing can start one).
 */
import type { Language } from '../types.js';
import { translatorFor, type EnrichmentJob, type Translator } from './types.js';

export type JobState =
  | { status: 'not_started'; reason?: 'no_translator' | 'unsupported' }
  | { status: 'enriching'; done: number; total: number; translator: string; queued: boolean }
  | { status: 'paused'; until: string; reason: string; done: number; total: number; translator: string }
  | { status: 'failed'; reason: string; done: number; total: number; translator: string }
  | { status: 'ready'; total: number; translator: string; finishedAt?: string };

/** The state of `job` (undefined: none yet) for `language`, with `translator` the one configured. */
export function jobState(
  job: EnrichmentJob | undefined,
  language: Language,
  translator: Translator | undefined,
): JobState {
  if (!job) {
    if (!translator) return { status: 'not_started', reason: 'no_translator' };
    if (!translatorFor(translator, language)) return { status: 'not_started', reason: 'unsupported' };
    return { status: 'not_started' };
  }
  const progress = { done: job.done, total: job.total, translator: job.translator };
  switch (job.status) {
    case 'queued':
    case 'running':
      return { status: 'enriching', ...progress, queued: job.status === 'queued' };
    case 'paused':
      // A paused job always has its wake-up time (worker.ts pause); "now" when a crash lost it.
      return {
        status: 'paused',
        until: job.retryAt ?? job.updatedAt,
        reason: job.reason ?? 'unexpected',
        ...progress,
      };
    case 'failed':
      return { status: 'failed', reason: job.reason ?? 'unexpected', ...progress };
    case 'ready':
      return {
        status: 'ready',
        total: job.total,
        translator: job.translator,
        ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
      };
  }
}
