/**
 * Whether a catalog title is a reading of what was typed, and how exact a reading it is. The
 * decision rules (decision-rules.ts) need more than a similarity number: an exact title beats a
 * prefix match, a title spelled as typed beats one that needs an article added, and a title
 * sharing one word with what was typed is no reading of it at all.
 */
import { compact, editDistance, foldTitle, normalizeTitle, titleSimilarity } from './title-similarity.js';

/**
 * How a title equals what was typed, strongest first: `literal` but for case, accents and
 * spacing ("amelie" / "Amélie"); `punctuation` once punctuation is ignored ("MASH" / "M*A*S*H",
 * "911" / "9-1-1"); `article` once a leading or trailing article is dropped ("Heat" / "The Heat").
 */
export type Spelling = 'literal' | 'punctuation' | 'article';
export const SPELLINGS: readonly Spelling[] = ['literal', 'punctuation', 'article'];

const literal = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export function spellingOf(typed: string, title: string): Spelling | undefined {
  if (literal(typed) === literal(title)) return 'literal';
  const a = compact(foldTitle(typed));
  if (a && a === compact(foldTitle(title))) return 'punctuation';
  const b = compact(normalizeTitle(typed));
  if (b && b === compact(normalizeTitle(title))) return 'article';
  return undefined;
}

/** The strongest spelling among a work's titles (its own, original and alternative ones). */
export function bestSpelling(typed: string, titles: readonly string[]): Spelling | undefined {
  let best: Spelling | undefined;
  for (const t of titles) {
    const s = spellingOf(typed, t);
    if (s && (!best || SPELLINGS.indexOf(s) < SPELLINGS.indexOf(best))) best = s;
  }
  return best;
}

/** Did the person type punctuation ("M*A*S*H", "AC/DC")? Then they spelled it on purpose. */
export const typedPunctuation = (typed: string): boolean => /[^\p{L}\p{N}\s]/u.test(typed);

/** Typos a word of this length may carry and still be the same word. */
const allowance = (n: number) => (n >= 8 ? 2 : n >= 4 ? 1 : 0);

function covers(words: readonly string[], within: readonly string[]): boolean {
  return words.every((w) => within.some((v) => v === w || editDistance(v, w) <= allowance(w.length)));
}

/** Whole-title near spellings ("Breking Bad") read as the title however their words split. */
export const NEAR_SPELLING = 0.85;

/**
 * Is `title` a reading of `typed`? The same spelling, a near spelling of the whole, or every word
 * of the shorter found (typos allowed) in the longer: "Godfather" reads as "The Godfather Part
 * II", "Blade Runner 2049" as "Blade Runner"; "Blorptastic Voyage" does not read as "Fantastic
 * Voyage": one word in common is a near miss, not a reading.
 */
export function readsAs(typed: string, title: string): boolean {
  if (spellingOf(typed, title)) return true;
  if (titleSimilarity(typed, title) >= NEAR_SPELLING) return true;
  const q = normalizeTitle(typed).split(' ').filter(Boolean);
  const t = normalizeTitle(title).split(' ').filter(Boolean);
  if (q.length === 0 || t.length === 0) return false;
  if (q.length <= t.length && covers(q, t)) return true;
  return t.length <= q.length && covers(t, q);
}

/** Does `title` carry the typed title whole, as its own words ("Guillermo del Toro's Pinocchio")? */
export function carriesTitle(typed: string, title: string): boolean {
  const q = normalizeTitle(typed);
  const t = foldTitle(title);
  return q !== '' && ` ${t} `.includes(` ${q} `);
}
