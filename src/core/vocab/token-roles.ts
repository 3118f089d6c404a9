/**
 * What one tagged token is for the vocabulary list and for coverage: skipped (punctuation,
 * numbers), known by everyone (names, function words with no level), a function word at its
 * listed level, or a vocabulary word with its lemma and class (word-class.ts decides the class).
 * Also where each word's level comes from.
 *
 * A capitalised word is a name when the script names someone with it (cues, introductions,
 * "Aunt Rose"), when it follows a title ("Detective Stern"), or when it is capitalised inside a
 * sentence although the lists write it in lower case ("a Shell station").
 */
import { clipped, clitic, colloquial } from './colloquial.js';
import { estimateLevel } from './estimate-level.js';
import { levelIndex } from './levels.js';
import { HONORIFICS } from './names.js';
import type { Lexicon, Token } from './ports.js';
import type { CefrLevel, LevelInfo, Upos, WordClass } from './types.js';
import { WordClasses } from './word-class.js';
import { lemmaCandidates } from './word-forms.js';

export type Role =
  | { role: 'skip' }
  | { role: 'known' }
  | { role: 'function'; level?: CefrLevel }
  /** `form`: the surface form to record when it differs from the token's ("runnin'" → running). */
  | { role: 'word'; lemma: string; pos: WordClass; form?: string; uncertain?: boolean };

/** What the sentence's words are known to be, besides their tags. */
export interface NameContext {
  /** Lower-case words that name someone in this script. */
  names: ReadonlySet<string>;
}

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

/** Classifies tokens against one lexicon; lookups are memoised for the life of the process. */
export class TokenRoles {
  private readonly knownMemo = new Map<string, boolean>();
  private readonly levelMemo = new Map<string, LevelInfo>();
  private readonly classes: WordClasses;

  constructor(private readonly lexicon: Lexicon) {
    this.classes = new WordClasses(lexicon);
  }

  /** The role of `tokens[i]`; `sentenceStart` is the index of the sentence's first word. */
  of(tokens: readonly Token[], i: number, sentenceStart: number, ctx: NameContext): Role {
    const t = tokens[i] as Token;
    // Quoted speech or a colon starts a sentence again: he says, "Trust me."
    const first = i > sentenceStart && /^["“‘:]$/.test(tokens[i - 1]?.text ?? '') ? i : sentenceStart;
    if (
      t.kind === 'punctuation' ||
      t.kind === 'other' ||
      t.pos === 'PUNCT' ||
      t.pos === 'SYM' ||
      t.pos === 'SPACE'
    )
      return { role: 'skip' };
    if (t.kind === 'number' || /\d/.test(t.text)) return { role: 'skip' };
    // Curly apostrophes were made straight before tagging.
    const normal = t.normal;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    // "runnin'" arrives as "runnin" + "'": the g was dropped.
    if (next && next.text === "'" && !next.spaceBefore && /[a-z]in$/.test(normal)) {
      const verb = lemmaCandidates(`${normal}g`, 'verb')
        .slice(1)
        .find((c) => this.lexicon.classes(c).includes('VERB'));
      if (verb) return { role: 'word', lemma: verb, pos: 'verb', form: `${normal}g` };
    }
    const cut = prev && prev.text === "'" && !t.spaceBefore ? clipped(normal) : undefined;
    const spoken = cut ?? colloquial(normal);
    if (spoken) {
      const pos = CONTENT[spoken.pos];
      return pos ? { role: 'word', lemma: spoken.lemma, pos } : this.functionWord(spoken.lemma, spoken.pos);
    }
    if (this.isName(tokens, i, first, ctx)) return { role: 'known' };
    const split = clitic(normal);
    if (split) return this.withClitic(split.stem);

    if (t.pos === 'PROPN') {
      // A sentence-initial common word the tagger took for a name ("Trust me.", "Drinking won't help").
      if (i === first && startsUpper(t.text) && this.known(normal))
        return this.content(tokens, i, first, ctx);
      if (startsUpper(t.text) || !isWord(normal)) return { role: 'known' };
      return { role: 'word', lemma: normal, pos: 'noun' };
    }
    if (!CONTENT[t.pos]) {
      return t.pos === 'INTJ' && !this.known(normal) ? { role: 'known' } : this.functionWord(t.lemma, t.pos);
    }
    if (!isWord(t.lemma.toLowerCase()) && !isWord(normal)) return { role: 'known' };
    if (t.stop) {
      const level = this.lexicon.lookup(t.lemma.toLowerCase(), t.pos)?.level;
      // Stop lists hold a few real words ("serious", "amount"); keep those a learner may not know.
      if (!level || levelIndex(level) < levelIndex('B1'))
        return { role: 'function', ...(level ? { level } : {}) };
    }
    return this.content(tokens, i, first, ctx);
  }

  /** The level of a content word: its list level, else the estimate. Memoised per lemma and class. */
  levelOf(lemma: string, pos: WordClass): LevelInfo {
    const key = `${lemma}|${pos}`;
    const memo = this.levelMemo.get(key);
    if (memo) return memo;
    let info: LevelInfo | undefined;
    const inflecting = pos === 'noun' || pos === 'verb' || pos === 'adjective' ? pos : 'any';
    for (const candidate of lemmaCandidates(lemma, inflecting)) {
      const listed = this.lexicon.lookup(candidate, UPOS_OF[pos]);
      if (listed) {
        info = { level: listed.level, source: listed.source };
        break;
      }
    }
    info ??= estimateLevel(lemma, this.lexicon);
    this.levelMemo.set(key, info);
    return info;
  }

  /** Whether either list knows the word or an inflection of it. Memoised. */
  known(word: string): boolean {
    let k = this.knownMemo.get(word);
    if (k === undefined) {
      k = lemmaCandidates(word).some((c) => this.lexicon.has(c));
      this.knownMemo.set(word, k);
    }
    return k;
  }

  /** Whether `tokens[i]` names someone (see the file comment). */
  isName(tokens: readonly Token[], i: number, first: number, ctx: NameContext): boolean {
    const t = tokens[i] as Token;
    if (!startsUpper(t.text) || t.text.length < 2) return false;
    const word = t.normal.replace(/['’]s$/, '');
    if (ctx.names.has(word)) return true;
    const before = tokens[i - 1];
    const title = before && HONORIFICS.has(before.normal.replace(/\.$/, '')) && startsUpper(before.text);
    if (title || (i !== first && !this.lexicon.capitalised(word) && (t.pos === 'PROPN' || !this.known(word))))
      return true;
    return i === first && t.pos === 'PROPN' && !this.known(word);
  }

  private content(tokens: readonly Token[], i: number, first: number, ctx: NameContext): Role {
    const decided = this.classes.decide(tokens, i, first, (k) => this.isName(tokens, k, first, ctx));
    const t = tokens[i] as Token;
    if (!decided) return this.functionWord(t.lemma, t.pos);
    if (!isWord(decided.lemma)) return { role: 'known' };
    return {
      role: 'word',
      lemma: decided.lemma,
      pos: decided.pos,
      ...(decided.uncertain ? { uncertain: true } : {}),
    };
  }

  /** "here's", "this'll": a function word; "ferryman's": the noun, its 's adding nothing. */
  private withClitic(stem: string): Role {
    const listed = this.lexicon.classes(stem);
    if (listed.includes('NOUN')) return { role: 'word', lemma: stem, pos: 'noun' };
    if (listed.length > 0 || !isWord(stem)) return this.functionWord(stem, listed[0] ?? 'PRON');
    return { role: 'word', lemma: stem, pos: 'noun' };
  }

  private functionWord(lemma: string, pos: Upos): Role {
    const level = this.lexicon.lookup(lemma.toLowerCase(), pos)?.level;
    return level ? { role: 'function', level } : { role: 'function' };
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
