/**
 * What one tagged token is for the vocabulary list and for coverage: skipped (punctuation,
 * numbers), known by everyone (names, function words with no level), a function word at its
 * listed level, or a vocabulary word with its lemma and class. Also where each word's level comes
 * from. This is where the tagger's mistakes are corrected with the word lists: a sentence-initial
 * "Projections" read as a name, "easy" read as a verb, "exhausted" listed as an adjective.
 */
import { colloquial } from './colloquial.js';
import { estimateLevel } from './estimate-level.js';
import { levelIndex } from './levels.js';
import type { Lexicon, Token } from './ports.js';
import type { CefrLevel, LevelInfo, Upos, WordClass } from './types.js';
import { lemmaCandidates } from './word-forms.js';

export type Role =
  | { role: 'skip' }
  | { role: 'known' }
  | { role: 'function'; level?: CefrLevel }
  /** `form`: the surface form to record when it differs from the token's ("runnin'" → running). */
  | { role: 'word'; lemma: string; pos: WordClass; form?: string };

const CONTENT: Partial<Record<Upos, WordClass>> = {
  NOUN: 'noun',
  VERB: 'verb',
  ADJ: 'adjective',
  ADV: 'adverb',
};
const UPOS_OF: Record<WordClass, Upos | undefined> = {
  noun: 'NOUN',
  verb: 'VERB',
  adjective: 'ADJ',
  adverb: 'ADV',
  phrase: undefined,
  other: undefined,
};
const CONTENT_TAGS = ['NOUN', 'VERB', 'ADJ', 'ADV'] as const;

/** Classifies tokens against one lexicon; lookups are memoised for the life of the process. */
export class TokenRoles {
  private readonly knownMemo = new Map<string, boolean>();
  private readonly levelMemo = new Map<string, LevelInfo>();

  constructor(private readonly lexicon: Lexicon) {}

  /** The role of `tokens[i]`; `first` is the index of the sentence's first word, `names` the characters' name words. */
  of(tokens: readonly Token[], i: number, first: number, names: ReadonlySet<string>): Role {
    const t = tokens[i] as Token;
    if (
      t.kind === 'punctuation' ||
      t.kind === 'other' ||
      t.pos === 'PUNCT' ||
      t.pos === 'SYM' ||
      t.pos === 'SPACE'
    ) {
      return { role: 'skip' };
    }
    if (t.kind === 'number' || /\d/.test(t.text)) return { role: 'skip' };
    // Curly apostrophes were made straight before tagging.
    let normal = t.normal;
    const next = tokens[i + 1];
    // "runnin'" arrives as "runnin" + "'": the g was dropped.
    if (next && next.text === "'" && !next.spaceBefore && /[a-z]in$/.test(normal)) {
      normal += 'g';
      const verb = lemmaCandidates(normal, 'verb')
        .slice(1)
        .find((c) => this.lexicon.classes(c).includes('VERB'));
      if (verb) return { role: 'word', lemma: verb, pos: 'verb', form: normal };
    }

    const spoken = colloquial(normal);
    if (spoken) {
      const pos = CONTENT[spoken.pos];
      return pos ? { role: 'word', lemma: spoken.lemma, pos } : this.functionWord(spoken.lemma, spoken.pos);
    }

    const capital = startsUpper(t.text);
    const initial = i === first;
    if (names.has(normal)) {
      if (!this.known(normal)) return { role: 'known' };
      const nextIsName = !!next && startsUpper(next.text) && names.has(next.normal);
      if (capital && (!initial || nextIsName)) return { role: 'known' };
    }
    if (t.pos === 'PROPN') {
      // A sentence-initial common word the tagger took for a name ("Projections swarm.").
      const listed = capital && initial ? this.listedForm(normal) : undefined;
      if (listed) return { role: 'word', lemma: listed, pos: this.classOf(listed) };
      if (capital || !isWord(normal)) return { role: 'known' };
      return { role: 'word', lemma: normal, pos: 'noun' };
    }
    const tagged = CONTENT[t.pos];
    if (!tagged) {
      return t.pos === 'INTJ' && !this.known(normal) ? { role: 'known' } : this.functionWord(t.lemma, t.pos);
    }
    if (capital && !initial && !this.known(normal)) return { role: 'known' };

    let lemma = t.lemma.toLowerCase();
    if (normal !== t.normal) lemma = this.listedForm(normal) ?? normal;
    if (!isWord(lemma)) return { role: 'known' };
    if (t.stop) {
      const level = this.lexicon.lookup(lemma, t.pos)?.level;
      // Stop lists hold a few real words ("serious", "amount"); keep those a learner may not know.
      if (!level || levelIndex(level) < levelIndex('B1'))
        return { role: 'function', ...(level ? { level } : {}) };
    }
    const participle = tagged === 'verb' ? this.participle(normal, lemma) : undefined;
    return participle ?? this.reconcile(lemma, tagged, t.pos);
  }

  /** The level of a content word: its list level, else the estimate. Memoised per lemma and class. */
  levelOf(lemma: string, pos: WordClass, upos: Upos): LevelInfo {
    const key = `${lemma}|${pos}`;
    const memo = this.levelMemo.get(key);
    if (memo) return memo;
    let info: LevelInfo | undefined;
    const inflecting = pos === 'noun' || pos === 'verb' || pos === 'adjective' ? pos : 'any';
    for (const candidate of lemmaCandidates(lemma, inflecting)) {
      const listed = this.lexicon.lookup(candidate, UPOS_OF[pos] ?? upos);
      if (listed) {
        info = { level: listed.level, source: listed.source };
        break;
      }
    }
    info ??= estimateLevel(lemma, this.lexicon, upos === 'INTJ');
    this.levelMemo.set(key, info);
    return info;
  }

  /** Whether either list knows the word or an inflection of it. Memoised. */
  known(word: string): boolean {
    let k = this.knownMemo.get(word);
    if (k === undefined) {
      k = this.listedForm(word) !== undefined;
      this.knownMemo.set(word, k);
    }
    return k;
  }

  /**
   * "exhausted" tagged as a verb but listed as an adjective (B1) below its verb (exhaust, C1): the
   * adjective is the word a learner meets. The lower level wins, as with any word listed twice.
   */
  private participle(normal: string, lemma: string): Role | undefined {
    if (!/(?:ed|ing)$/.test(normal) || normal === lemma) return undefined;
    const adj = this.lexicon.classes(normal).includes('ADJ') ? this.lexicon.lookup(normal, 'ADJ') : undefined;
    if (!adj) return undefined;
    const verb = this.lexicon.lookup(lemma, 'VERB');
    const adjLower = !verb || levelIndex(adj.level) < levelIndex(verb.level);
    return adjLower ? { role: 'word', lemma: normal, pos: 'adjective' } : undefined;
  }

  /**
   * The tagger's class when the lists agree or do not know the word; otherwise the lists' class
   * ("easy" read as a verb is the adjective), and a word listed only as a function word
   * ("everything") is one.
   */
  private reconcile(lemma: string, tagged: WordClass, upos: Upos): Role {
    const listed = this.lexicon.classes(lemma);
    if (listed.length === 0 || listed.includes(upos)) return { role: 'word', lemma, pos: tagged };
    const content = CONTENT_TAGS.find((p) => listed.includes(p));
    if (content) return { role: 'word', lemma, pos: CONTENT[content] as WordClass };
    return this.functionWord(lemma, listed[0] as Upos);
  }

  private functionWord(lemma: string, pos: Upos): Role {
    const level = this.lexicon.lookup(lemma.toLowerCase(), pos)?.level;
    return level ? { role: 'function', level } : { role: 'function' };
  }

  /** The first dictionary form of `word` the lists know. */
  private listedForm(word: string): string | undefined {
    return lemmaCandidates(word).find((c) => this.lexicon.has(c));
  }

  private classOf(lemma: string): WordClass {
    const listed = this.lexicon.classes(lemma);
    const content = CONTENT_TAGS.find((p) => listed.includes(p));
    return content ? (CONTENT[content] as WordClass) : 'noun';
  }
}

/** First character is a capital letter (ASCII fast path; other scripts via case mapping). */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = s.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isWord(s: string): boolean {
  return /^[a-z][a-z'-]*$/.test(s) && /[a-z]{2}/.test(s);
}
