/**
 * Enrichment throughput and cost against the fake DeepL answering after 200 ms:
 *   npx tsx test/bench/enrichment.ts
 * A synthetic movie of ~2,000 graded words (lemmas of 3–12 letters, one 8–16-word script line
 * each) through the real queue, JSON job store and DeepL client. Prints requests sent (the
 * minimum is ceil(words / 50)), wall time against requests ÷ concurrency × latency, and the
 * characters billed per movie for words only and with one example sentence per word.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, systemTimers } from '../../adapters/schedule/timers.js';
import { DeeplTranslator } from '../../adapters/translate/deepl.js';
import { JsonJobStore } from '../../adapters/store/json-job-store.js';
import { JsonVocabStore } from '../../adapters/store/json-vocab-store.js';
import { pickExamples } from '../../src/core/vocab/enrichment/examples.js';
import { EnrichmentQueue } from '../../src/core/vocab/enrichment/queue.js';
import { wordsToTranslate } from '../../src/core/vocab/enrichment/requests.js';
import { findLanguage } from '../../src/core/vocab/languages.js';
import type { Language, MovieVocab } from '../../src/core/vocab/types.js';
import { quietLogger } from '../core/enrichment/fakes.js';
import { person, RecordingNotifier, SETTINGS, syntheticVocab } from '../core/enrichment/helpers.js';
import { startFakeDeepl } from '../fakes/deepl.js';

const WORDS = 2000;
const LATENCY_MS = 200;
const KEY = 'bench-key:fx';
const fr = findLanguage('fr') as Language;

/** Deterministic pseudo-random numbers, so every run sends the same text. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function movie(key: string, seed: number): MovieVocab {
  const rand = rng(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = (min: number, max: number) =>
    Array.from(
      { length: min + Math.floor(rand() * (max - min + 1)) },
      () => letters[Math.floor(rand() * 26)],
    ).join('');
  const v = syntheticVocab(key, WORDS, `Bench ${key}`);
  const used = new Set<string>();
  v.entries.forEach((e, i) => {
    if (e.source === 'unlisted') return;
    let lemma = word(3, 12);
    while (used.has(lemma)) lemma = word(3, 12);
    used.add(lemma);
    e.lemma = lemma;
    e.forms = [lemma];
    const filler = Array.from({ length: 7 + Math.floor(rand() * 9) }, () => word(2, 7));
    filler.splice(Math.floor(rand() * filler.length), 0, lemma);
    const text = filler.join(' ');
    const s = v.sentences[i];
    if (s) s.text = `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}.`;
  });
  return v;
}

async function run(label: string, movies: MovieVocab[], concurrency: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reelbot-bench-'));
  const deepl = await startFakeDeepl({ apiKey: KEY });
  deepl.setLatency(LATENCY_MS);
  try {
    const vocabs = new JsonVocabStore(join(dir, 'vocab'));
    for (const m of movies) await vocabs.put(m);
    const queue = new EnrichmentQueue({
      jobs: new JsonJobStore(join(dir, 'jobs')),
      vocabs,
      translator: new DeeplTranslator({ apiKey: KEY, baseUrl: deepl.url, maxConcurrent: concurrency }),
      notifier: new RecordingNotifier(),
      clock: systemClock,
      timers: systemTimers,
      logger: quietLogger,
      settings: { ...SETTINGS, concurrency },
    });
    const started = performance.now();
    await Promise.all(movies.map((m, i) => queue.ask(m, fr, person(i))));
    await queue.idle();
    const wallMs = performance.now() - started;
    const words = movies.reduce((n, m) => n + wordsToTranslate(m).length, 0);
    const minimum = movies.reduce((n, m) => n + Math.ceil(wordsToTranslate(m).length / 50), 0);
    const ideal = (deepl.requests / concurrency) * LATENCY_MS;
    const jobs = await queue.list();
    const wordChars = jobs.reduce((n, j) => n + j.chars.words, 0);
    const contextChars = deepl.contexts.reduce((n, c) => n + (c?.length ?? 0), 0);
    console.log(
      `\n${label}: ${movies.length} movie(s), ${words} words, DeepL latency ${LATENCY_MS} ms, ${concurrency} job(s) at once`,
    );
    console.log(`  requests sent        ${deepl.requests} (minimum the 50-text limit allows: ${minimum})`);
    console.log(
      `  wall time            ${Math.round(wallMs)} ms; requests ÷ concurrency × latency = ${Math.round(ideal)} ms; ratio ${(wallMs / ideal).toFixed(2)} (goal ≤ 1.2)`,
    );
    console.log(
      `  billed, words only   ${wordChars} characters (${Math.round(wordChars / movies.length)} per movie); context sent unbilled: ${contextChars}`,
    );

    // Sentences only on demand: what exporting every word with one example would cost on top.
    const before = deepl.requests;
    const t0 = performance.now();
    for (const m of movies) {
      const job = jobs.find((j) => j.movieKey === m.key);
      if (!job) continue;
      const indexes = wordsToTranslate(m).flatMap((e) => pickExamples(m, e, 1).map((x) => x.index));
      await queue.translateSentences(job, m, indexes);
    }
    const sentenceChars = jobs.reduce((n, j) => n + j.chars.sentences, 0);
    console.log(
      `  billed, + 1 sentence per word (full export)  ${wordChars + sentenceChars} characters (${Math.round((wordChars + sentenceChars) / movies.length)} per movie; sentences ${sentenceChars}, in ${deepl.requests - before} requests, ${Math.round(performance.now() - t0)} ms)`,
    );
    await queue.stop();
  } finally {
    await deepl.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run('One movie', [movie('bench-a', 1)], 1);
await run('Two movies at once', [movie('bench-a', 1), movie('bench-b', 2)], 2);
