/**
 * "Another language": the languages the configured translators take, those this movie already
 * has a job in first (a ready one switches back at once), then the languages most asked for, then
 * the rest; the one shown now is left out. Without a translator, the reason instead.
 */
import { translatorFor, type EnrichmentJob, type Translator } from '../enrichment/types.js';
import { LANGUAGES } from '../languages.js';
import { sayVocab } from '../messages.js';
import type { MovieVocab } from '../types.js';

export interface LanguageChoice {
  code: string;
  english: string;
  ready: boolean;
}

/** Asked for most; everything else follows in the order of LANGUAGES. */
const FIRST = ['es', 'fr', 'de', 'it', 'pt-br', 'pt-pt', 'ru', 'uk', 'pl', 'nl', 'tr', 'ja', 'zh-hans', 'ko'];

export function languageChoices(
  current: string | undefined,
  translator: Translator | undefined,
  jobs: readonly EnrichmentJob[],
  max: number,
): LanguageChoice[] {
  const usable = LANGUAGES.filter((l) => l.code !== current && translatorFor(translator, l) !== undefined);
  const rank = (code: string) => {
    if (jobs.some((j) => j.language === code)) return -1;
    const i = FIRST.indexOf(code);
    return i < 0 ? FIRST.length : i;
  };
  return [...usable]
    .sort((a, b) => rank(a.code) - rank(b.code))
    .slice(0, max)
    .map((l) => ({
      code: l.code,
      english: l.english,
      ready: jobs.some((j) => j.language === l.code && j.status === 'ready'),
    }));
}

/** The menu's text: which language, or that translations need a translator. */
export function languageText(vocab: MovieVocab, translator: Translator | undefined): string {
  if (translator) return sayVocab('vocab.languages', { title: vocab.title });
  return sayVocab('vocab.noTranslator', { word: vocab.entries[0]?.lemma ?? sayVocab('vocab.exampleWord') });
}
