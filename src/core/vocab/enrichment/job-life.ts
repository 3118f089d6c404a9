/**
 * A job's life outside the worker's batches: how it is born, who asked for it, when it goes back
 * in the queue and when a paused one is due again.
 */
import { userKey, type UserRef } from '../../types.js';
import type { Language, MovieVocab } from '../types.js';
import { wordsToTranslate } from './requests.js';
import { jobKey, type EnrichmentJob, type Translator } from './types.js';

/** A queued job for `vocab` in `language`; `quiet` (a backfill) has no asker to tell. */
export function newJob(
  vocab: MovieVocab,
  language: Language,
  translator: Translator,
  user: UserRef,
  at: Date,
  quiet: boolean,
): EnrichmentJob {
  const iso = at.toISOString();
  return {
    key: jobKey(vocab.key, language.code),
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
    askers: quiet ? [] : [{ user, at: iso, notified: false }],
    createdBy: userKey(user),
    createdAt: iso,
    updatedAt: iso,
  };
}

/** `user` asked (again): they will be told when it ends, even if they were told before. */
export function addAsker(job: EnrichmentJob, user: UserRef, at: Date): void {
  const iso = at.toISOString();
  const found = job.askers.find((a) => userKey(a.user) === userKey(user));
  if (found) {
    found.at = iso;
    found.notified = false;
    found.user = user;
  } else job.askers.push({ user, at: iso, notified: false });
}

/** New jobs `user` started in the hour before `now` (what the hourly limit counts). */
export function startedInLastHour(jobs: readonly EnrichmentJob[], user: UserRef, now: Date): number {
  const hourAgo = now.getTime() - 3_600_000;
  return jobs.filter((j) => j.createdBy === userKey(user) && Date.parse(j.createdAt) > hourAgo).length;
}

export function requeue(job: EnrichmentJob): void {
  job.status = 'queued';
  delete job.reason;
  delete job.retryAt;
  delete job.finishedAt;
}

/** Ready or failed: nothing more will run; its askers are told the end. */
export function hasEnded(job: EnrichmentJob): boolean {
  return job.status === 'ready' || job.status === 'failed';
}

/** A paused job whose time has come (or that never had one). */
export function isDue(job: EnrichmentJob, now: Date): boolean {
  return !job.retryAt || Date.parse(job.retryAt) <= now.getTime();
}

/** Milliseconds from `now` until a paused job is due (0 when it is already). */
export function msUntilDue(job: EnrichmentJob, now: Date): number {
  return Math.max(0, Date.parse(job.retryAt ?? '') - now.getTime()) || 0;
}
