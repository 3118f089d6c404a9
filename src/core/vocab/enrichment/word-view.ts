/**
 * "vocab word kick": the word with its level and count, its translation (or why there is none
 * yet), and its example sentences with who says them, the word marked, translated when they are.
 */
import type { Reply } from '../../types.js';
import { sayVocab, whyVocab } from '../messages.js';
import type { MovieVocab, VocabEntry } from '../types.js';
import type { Example } from './examples.js';
import { languageName } from './job-texts.js';
import { wordKey, type EnrichmentJob } from './types.js';

export interface WordView {
  vocab: MovieVocab;
  entry: VocabEntry;
  examples: readonly Example[];
  /** The person's language code, when they asked for one. */
  language?: string;
  job?: EnrichmentJob;
  hasTranslator: boolean;
  /** Why the examples could not be translated just now. */
  untranslatedWhy?: string;
  /** The job is still translating words: the examples are translated once it is done. */
  examplesLater?: boolean;
}

export function wordReply(view: WordView): Reply {
  const { vocab, entry, job } = view;
  const lines = [
    sayVocab('vocab.wordHead', {
      word: entry.lemma,
      pos: entry.pos,
      level: levelText(entry),
      count: entry.count,
      title: vocab.title,
    }),
  ];
  if (view.language)
    lines.push(
      sayVocab('vocab.wordTranslation', {
        language: languageName(view.language),
        translation: translationText(job, entry, view.hasTranslator),
      }),
    );
  if (view.examples.length) lines.push(sayVocab('vocab.wordExamples'));
  view.examples.forEach((ex, i) => {
    const values = { n: i + 1, line: ex.marked };
    lines.push(
      ex.speaker
        ? sayVocab('vocab.wordExampleBy', { ...values, speaker: titleName(ex.speaker) })
        : sayVocab('vocab.wordExample', values),
    );
    const translation = job?.sentences[String(ex.index)];
    if (translation) lines.push(sayVocab('vocab.wordExampleTranslation', { translation }));
  });
  if (view.untranslatedWhy)
    lines.push(sayVocab('vocab.wordExamplesUntranslated', { why: view.untranslatedWhy }));
  if (view.examplesLater) lines.push(sayVocab('vocab.wordExamplesLater'));
  return { code: 'vocab.word', text: lines.join('\n') };
}

/** "B1 (CEFR-J)", "~C1 (estimated)", "no level (unlisted)". */
export function levelText(e: VocabEntry): string {
  if (!e.level) return sayVocab('vocab.level.unlisted');
  if (e.source === 'estimated') return sayVocab('vocab.level.estimated', { level: e.level });
  return sayVocab('vocab.level.listed', { level: e.level, source: e.source });
}

/** The word's translation, or why there is none yet. */
function translationText(job: EnrichmentJob | undefined, e: VocabEntry, hasTranslator: boolean): string {
  const t = job?.words[wordKey(e)];
  if (job && t) return t;
  if (job && t === '') return sayVocab('vocab.translation.noEntry', { translator: job.translator });
  if (!hasTranslator) return sayVocab('vocab.translation.noTranslator');
  if (!job) return sayVocab('vocab.translation.noJob');
  if (job.status === 'failed' || job.status === 'paused')
    return sayVocab('vocab.translation.stopped', { why: whyVocab(job.reason) });
  return sayVocab('vocab.translation.coming', { done: job.done, total: job.total });
}

/** "COBB" → "Cobb". */
function titleName(speaker: string): string {
  return speaker
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
