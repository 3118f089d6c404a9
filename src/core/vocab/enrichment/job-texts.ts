/** Jobs in words: one line per job for "vocab status", and the totals of "vocab stats". */
import { findLanguage } from '../languages.js';
import { sayVocab, whyVocab } from '../messages.js';
import type { EnrichmentJob } from './types.js';

/** "• Inception → French: translating, 50 of 120 words". */
export function statusLine(job: EnrichmentJob): string {
  return sayVocab('vocab.statusJob', {
    title: job.title,
    language: languageName(job.language),
    state: describe(job),
  });
}

/** What the jobs cost: counts by status, words and sentences translated, characters billed. */
export function statsText(jobs: readonly EnrichmentJob[]): string {
  const count = (s: EnrichmentJob['status']) => jobs.filter((j) => j.status === s).length;
  const sum = (f: (j: EnrichmentJob) => number) => jobs.reduce((n, j) => n + f(j), 0);
  const costliest = [...jobs]
    .sort((a, b) => b.chars.words + b.chars.sentences - (a.chars.words + a.chars.sentences))
    .slice(0, 10);
  return [
    sayVocab('vocab.statsJobs', {
      jobs: jobs.length,
      ready: count('ready'),
      underWay: count('running') + count('queued'),
      paused: count('paused'),
      failed: count('failed'),
    }),
    sayVocab('vocab.statsTranslated', {
      words: sum((j) => Object.keys(j.words).length),
      sentences: sum((j) => Object.keys(j.sentences).length),
    }),
    sayVocab('vocab.statsCharacters', {
      words: sum((j) => j.chars.words),
      sentences: sum((j) => j.chars.sentences),
      requests: sum((j) => j.requests),
    }),
    ...costliest.map((j) =>
      sayVocab('vocab.statsJob', {
        title: j.title,
        language: languageName(j.language),
        words: j.chars.words,
        sentences: j.chars.sentences,
        translator: j.translator,
        state: sayVocab(`vocab.state.${j.status}`),
      }),
    ),
  ].join('\n');
}

export function languageName(code: string): string {
  return findLanguage(code)?.english ?? code;
}

function describe(j: EnrichmentJob): string {
  const values = { done: j.done, total: j.total, translator: j.translator, why: whyVocab(j.reason) };
  if (j.status === 'paused' && j.retryAt)
    return sayVocab('vocab.job.pausedUntil', { ...values, time: j.retryAt.slice(11, 16) });
  return sayVocab(`vocab.job.${j.status}`, values);
}
