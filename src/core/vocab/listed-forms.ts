/**
 * A word's dictionary form under each class, checked against the word as written and the lists:
 * the tagger's lemma only when it fits the form (staring is not "star", stares is not "stars"), a
 * plural the lists hold as written stays as written (pants, A1), an irregular form keeps the
 * tagger's lemma (wound → wind, stood → stand).
 */
import { levelIndex } from './levels.js';
import type { Lexicon } from './ports.js';
import type { CefrLevel, Upos, WordClass } from './types.js';
import { inflects, irregularSingular, lemmaCandidates } from './word-forms.js';

export type Content = 'noun' | 'verb' | 'adjective' | 'adverb';
const UPOS: Record<Content, Upos> = { noun: 'NOUN', verb: 'VERB', adjective: 'ADJ', adverb: 'ADV' };

export interface ClassDecision {
  lemma: string;
  pos: WordClass;
  /** The class was a guess and the lists give its other classes other levels. */
  uncertain?: boolean;
}

/** Answers depend only on the word and the lists, so they are memoised for the life of the process. */
export class ListedForms {
  private readonly nouns = new Map<string, ClassDecision & { fits: boolean }>();
  private readonly verbs = new Map<string, string | undefined>();
  private readonly preferences = new Map<string, ClassDecision>();

  constructor(readonly lexicon: Lexicon) {}

  listedAs(word: string, c: WordClass | undefined): boolean {
    return c !== undefined && c in UPOS && this.lexicon.classes(word).includes(UPOS[c as Content]);
  }

  /** Listed under some content class. */
  listedContent(word: string): boolean {
    const c = this.lexicon.classes(word);
    return c.includes('NOUN') || c.includes('VERB') || c.includes('ADJ') || c.includes('ADV');
  }

  /** Listed only as a function word ("everything", "here"). */
  functionOnly(word: string): boolean {
    return this.lexicon.classes(word).length > 0 && !this.listedContent(word);
  }

  /**
   * The noun's dictionary form: as written when the lists hold it so (pants), else the listed
   * singular the form inflects; `fits` is false when no listed noun fits the written form.
   */
  noun(form: string, taggerLemma: string): ClassDecision & { fits: boolean } {
    const key = `${form}|${taggerLemma}`;
    let n = this.nouns.get(key);
    if (!n) {
      n = this.findNoun(form, taggerLemma);
      this.nouns.set(key, n);
    }
    return n;
  }

  private findNoun(form: string, taggerLemma: string): ClassDecision & { fits: boolean } {
    if (this.listedAs(form, 'noun')) return { lemma: form, pos: 'noun', fits: true };
    const lemma = taggerLemma.toLowerCase();
    if (lemma !== form && inflects(lemma, form) && this.listedAs(lemma, 'noun'))
      return { lemma, pos: 'noun', fits: true };
    const listed = [irregularSingular(form), ...lemmaCandidates(form, 'noun')].find(
      (c) =>
        c !== undefined &&
        c !== form &&
        (inflects(c, form) || c === irregularSingular(form)) &&
        this.listedAs(c, 'noun'),
    );
    return {
      lemma: listed ?? (inflects(lemma, form) ? lemma : form),
      pos: 'noun',
      fits: listed !== undefined,
    };
  }

  /**
   * The listed verb `form` is a form of: the tagger's lemma when it fits the written form (or the
   * form is irregular, "wound" → wind), else a listed verb that does (staring → stare).
   */
  verb(form: string, taggerLemma: string): string | undefined {
    const key = `${form}|${taggerLemma}`;
    if (this.verbs.has(key)) return this.verbs.get(key);
    const v = this.findVerb(form, taggerLemma);
    this.verbs.set(key, v);
    return v;
  }

  private findVerb(form: string, taggerLemma: string): string | undefined {
    const lemma = taggerLemma.toLowerCase();
    const regular = /(?:s|ed|ing)$/.test(form);
    if (!regular) return this.listedAs(lemma, 'verb') ? lemma : undefined;
    if (inflects(lemma, form) && lemma !== form && this.listedAs(lemma, 'verb')) return lemma;
    if (form === lemma && this.listedAs(form, 'verb')) return form;
    return lemmaCandidates(form, 'verb').find(
      (c) => c !== form && inflects(c, form) && this.listedAs(c, 'verb'),
    );
  }

  /** The level of `word` under class `c`, or undefined when it is not listed so. */
  levelAs(word: string, c: Content): CefrLevel | undefined {
    return this.listedAs(word, c) ? this.lexicon.lookup(word, UPOS[c])?.level : undefined;
  }

  /**
   * A listed class of `form` (else of `lemma`): the first in `order`, or with `lowest` the one
   * listed at the lowest level (ties in `order`), as the lists do for a word listed twice.
   * Uncertain when the word's listed classes differ in level. A noun when neither is listed.
   */
  preferred(form: string, lemma: string, order: readonly Content[], lowest = false): ClassDecision {
    const key = `${form}|${lemma}|${order.join()}|${lowest}`;
    let p = this.preferences.get(key);
    if (!p) {
      p = this.choose(form, lemma, order, lowest);
      this.preferences.set(key, p);
    }
    return p;
  }

  private choose(form: string, lemma: string, order: readonly Content[], lowest: boolean): ClassDecision {
    const own = order.filter((c) => this.listedAs(form, c));
    const word = own.length > 0 ? form : lemma.toLowerCase();
    const classes = own.length > 0 ? own : order.filter((c) => this.listedAs(word, c));
    const rank = (c: Content) => levelIndex(this.levelAs(word, c) ?? 'C2');
    if (lowest) classes.sort((a, b) => rank(a) - rank(b));
    const pos = classes[0] ?? 'noun';
    const levels = new Set(classes.map((c) => this.levelAs(word, c)));
    const base =
      pos === 'noun'
        ? this.noun(word, word)
        : pos === 'verb'
          ? { lemma: this.verb(word, word) ?? word, pos }
          : { lemma: word, pos };
    const decision: ClassDecision = { lemma: base.lemma, pos: base.pos };
    return levels.size > 1 ? { ...decision, uncertain: true } : decision;
  }
}
