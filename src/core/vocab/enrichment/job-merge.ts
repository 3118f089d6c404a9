/**
 * A job record written by several instances at once (one shared store): each writer's changes go
 * on top of what the store holds now, so none is lost. Three-way, against `base` (the record as
 * this instance last read or wrote it): a field this instance changed is its own, any other is the
 * store's; translations are the union of both; billed characters and requests add this instance's
 * increase; askers are the union, the latest ask of each person winning (told once it ends).
 */
import { userKey } from '../../types.js';
import type { EnrichmentJob, JobAsker } from './types.js';

export function mergeJob(base: EnrichmentJob, ours: EnrichmentJob, stored: EnrichmentJob): EnrichmentJob {
  const out = structuredClone(stored) as unknown as Record<string, unknown>;
  const mine = ours as unknown as Record<string, unknown>;
  const was = base as unknown as Record<string, unknown>;
  for (const field of new Set([...Object.keys(mine), ...Object.keys(was)])) {
    if (field in MERGED) continue;
    if (mine[field] === was[field]) continue;
    if (field in mine) out[field] = structuredClone(mine[field]);
    else delete out[field];
  }
  const job = out as unknown as EnrichmentJob;
  job.words = { ...stored.words, ...ours.words };
  job.sentences = { ...stored.sentences, ...ours.sentences };
  job.done = Math.max(stored.done, ours.done);
  job.chars = {
    words: stored.chars.words + ours.chars.words - base.chars.words,
    sentences: stored.chars.sentences + ours.chars.sentences - base.chars.sentences,
  };
  job.requests = stored.requests + ours.requests - base.requests;
  job.askers = mergeAskers(stored.askers, ours.askers);
  return job;
}

/** Fields merged by their own rule rather than "whoever changed it". */
const MERGED = { words: 1, sentences: 1, done: 1, chars: 1, requests: 1, askers: 1 } as const;

function mergeAskers(stored: readonly JobAsker[], ours: readonly JobAsker[]): JobAsker[] {
  const byUser = new Map<string, JobAsker>();
  for (const a of [...stored, ...ours]) {
    const key = userKey(a.user);
    const seen = byUser.get(key);
    // A later ask wants telling again; for the same ask, told on any instance is told.
    if (!seen || a.at > seen.at) byUser.set(key, structuredClone(a));
    else if (a.at === seen.at && a.notified) seen.notified = true;
  }
  return [...byUser.values()];
}

/** `live` becomes `record`, in place (what holds the live object sees it), fields gone included. */
export function adopt(live: EnrichmentJob, record: EnrichmentJob): void {
  for (const field of Object.keys(live))
    if (!(field in record)) delete (live as unknown as Record<string, unknown>)[field];
  Object.assign(live, record);
}
