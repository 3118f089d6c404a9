/**
 * Several configured translators as one: for each language, the first in config order that
 * supports it (DeepL, then LibreTranslate, Apertium, the offline dictionary). With DeepL and a
 * LibreTranslate server both set, Catalan goes to LibreTranslate instead of getting nothing.
 */
import type { Language } from '../../src/core/vocab/types.js';
import type { TranslateOptions, Translation, Translator } from '../../src/core/vocab/enrichment/types.js';

export class TranslatorChain implements Translator {
  readonly name: string;
  readonly maxTexts: number;
  readonly maxBytes: number;

  constructor(private readonly translators: readonly Translator[]) {
    if (translators.length === 0) throw new Error('a translator chain needs at least one translator');
    this.name = translators.map((t) => t.name).join(', then ');
    this.maxTexts = Math.min(...translators.map((t) => t.maxTexts));
    this.maxBytes = Math.min(...translators.map((t) => t.maxBytes));
  }

  supports(language: Language): boolean {
    return this.forLanguage(language) !== undefined;
  }

  forLanguage(language: Language): Translator | undefined {
    return this.translators.find((t) => t.supports(language));
  }

  translate(texts: readonly string[], target: Language, opts: TranslateOptions): Promise<Translation> {
    const t = this.forLanguage(target);
    if (!t) throw new Error(`no configured translator supports ${target.english}`);
    return t.translate(texts, target, opts);
  }
}
