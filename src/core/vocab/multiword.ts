/**
 * Multiword headwords of the lists ("all right", "because of", "mull over", "self-conscious")
 * found in analysed sentences as one unit. Phrasal verbs also match when the object splits them
 * ("dole the money out", "mulled it over"): verb first, particle within the next four tokens,
 * nothing in between that ends a clause or is another verb.
 */
import { levelIndex } from './levels.js';
import type { MultiwordHeadword, Token } from './ports.js';
import type { CefrLevel, ListedLevel, WordClass } from './types.js';

const PARTICLES = new Set([
  'up',
  'out',
  'over',
  'off',
  'in',
  'on',
  'down',
  'away',
  'back',
  'about',
  'around',
  'through',
  'aside',
  'along',
  'apart',
]);
/** Tokens between a verb and its particle: at most this many. */
const MAX_GAP = 3;
/** What opens a noun phrase that a preposition takes literally: "turns to him", "to the window". */
const LITERAL_OBJECT: ReadonlySet<string> = new Set(['DET', 'PRON', 'PROPN', 'NUM']);

/** A list row → a headword the matcher can use. Tokens are split the way the analyzer splits them. */
export function makeMultiword(
  headword: string,
  pos: WordClass,
  level: ListedLevel,
): MultiwordHeadword | undefined {
  const hw = headword.trim().toLowerCase().replace(/\s+/g, ' ');
  const tokens = hw
    .split(' ')
    .flatMap((w) => w.split(/(-)/))
    .filter(Boolean);
  if (tokens.length < 2) return undefined;
  const separable = pos === 'verb' && tokens.length === 2 && PARTICLES.has(tokens[1] ?? '');
  return { tokens, headword: hw, pos, level, separable };
}

export interface MultiwordMatch {
  headword: MultiwordHeadword;
  /** Token indexes the unit covers (the gap words of a split phrasal verb are not included). */
  indexes: number[];
}

export class MultiwordMatcher {
  private readonly byFirst = new Map<string, MultiwordHeadword[]>();
  /** Verb + preposition units whose verb alone is two or more levels easier ("turn to" C1, turn A1). */
  private readonly literalToo = new Set<MultiwordHeadword>();

  /** `verbLevel`: the listed level of a single verb, to tell which units also read literally. */
  constructor(headwords: readonly MultiwordHeadword[], verbLevel?: (verb: string) => CefrLevel | undefined) {
    const best = new Map<string, MultiwordHeadword>();
    for (const h of headwords) {
      const key = h.tokens.join(' ');
      const seen = best.get(key);
      // Listed twice (adjective and adverb "all right"): keep the lowest level.
      if (!seen || h.level.level < seen.level.level) best.set(key, h);
    }
    for (const h of best.values()) {
      const first = h.tokens[0] as string;
      const list = this.byFirst.get(first) ?? [];
      list.push(h);
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const h of best.values()) {
      const verb =
        h.pos === 'verb' && h.tokens.length === 2 && !h.separable
          ? verbLevel?.(h.tokens[0] as string)
          : undefined;
      if (verb && levelIndex(h.level.level) - levelIndex(verb) >= 2) this.literalToo.add(h);
    }
  }

  /** Non-overlapping matches in one sentence, leftmost first, longest first at each position. */
  match(tokens: readonly Token[]): MultiwordMatch[] {
    const out: MultiwordMatch[] = [];
    const used = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
      if (used.has(i)) continue;
      const t = tokens[i] as Token;
      const candidates = [
        ...(this.byFirst.get(t.normal) ?? []),
        ...(t.lemma !== t.normal ? (this.byFirst.get(t.lemma) ?? []) : []),
      ];
      for (const h of candidates) {
        const indexes =
          this.contiguous(tokens, i, h, used) ?? (h.separable ? this.split(tokens, i, h, used) : undefined);
        if (!indexes || this.literal(h, tokens, indexes)) continue;
        for (const k of indexes) used.add(k);
        out.push({ headword: h, indexes });
        break;
      }
    }
    return out;
  }

  /**
   * "She turns to him", "turns to the window": the verb and the preposition in their own senses,
   * not the idiom ("turned to drink", "who can I turn to?"). Only for units whose verb is much
   * easier on its own, where the literal reading is the common one.
   */
  private literal(h: MultiwordHeadword, tokens: readonly Token[], indexes: number[]): boolean {
    if (!this.literalToo.has(h)) return false;
    const after = tokens[(indexes[indexes.length - 1] as number) + 1];
    return after !== undefined && (LITERAL_OBJECT.has(after.pos) || /^\p{Lu}/u.test(after.text));
  }

  private contiguous(
    tokens: readonly Token[],
    i: number,
    h: MultiwordHeadword,
    used: Set<number>,
  ): number[] | undefined {
    const indexes: number[] = [];
    for (let k = 0; k < h.tokens.length; k++) {
      const t = tokens[i + k];
      const want = h.tokens[k] as string;
      if (!t || used.has(i + k) || !matches(t, want)) return undefined;
      // "self-conscious" must be written as one word; "self - conscious" is not it.
      if (k > 0 && (want === '-' || h.tokens[k - 1] === '-') && t.spaceBefore) return undefined;
      indexes.push(i + k);
    }
    return indexes;
  }

  private split(
    tokens: readonly Token[],
    i: number,
    h: MultiwordHeadword,
    used: Set<number>,
  ): number[] | undefined {
    const verb = tokens[i] as Token;
    if (verb.pos !== 'VERB') return undefined;
    const particle = h.tokens[1] as string;
    for (let j = i + 2; j <= i + 1 + MAX_GAP && j < tokens.length; j++) {
      const t = tokens[j] as Token;
      if (used.has(j)) return undefined;
      if (t.normal === particle) return [i, j];
      if (
        t.kind === 'punctuation' ||
        t.pos === 'VERB' ||
        t.pos === 'AUX' ||
        t.pos === 'SCONJ' ||
        t.pos === 'CCONJ'
      )
        return undefined;
    }
    return undefined;
  }
}

function matches(t: Token, want: string): boolean {
  return t.normal === want || t.lemma === want || t.text.toLowerCase() === want;
}
