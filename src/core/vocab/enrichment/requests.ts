/**
 * What a job sends to the translator: the words of a list, split into requests within the
 * translator's limits, and DeepL's unbilled `context` for each request.
 */
import type { MovieVocab, VocabEntry } from '../types.js';
import { chooseSentences } from './examples.js';
import { wordKey } from './types.js';

/** Room kept for the other fields of a request body (languages, options). */
const BODY_OVERHEAD = 256;

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

/**
 * DeepL's `context` (not billed) for one request: the first example sentence of each word in the
 * batch, as much as fits beside the texts in the body limit. DeepL takes one context per request.
 */
export function contextFor(
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

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}
