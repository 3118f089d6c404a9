/**
 * A level for a word in neither list. This is a rough guess and is always shown as "estimated":
 * the project ships no general-English frequency list, and the research (notes/vocab-research.md)
 * found that even a real frequency rank predicts the list level exactly only ~41% of the time.
 *
 * The rules, in order:
 * 1. Not word-like (sound effects, "hmmm", interjections, one or two letters) → `unlisted`.
 * 2. An inflection of a listed word (-s, -ed, -ing: "waiting" ← wait A1): the base's level. An
 *    inflected form is no rarer for a learner than its base.
 * 3. Derived from a listed word ("dreamer" ← dream A1, "gloved" ← glove A2): one level above it.
 * 4. A compound of two listed words ("doorway" = door + way): one level above the harder part.
 * 5. Otherwise by length, a stand-in for frequency (Zipf's law of abbreviation: rarer words are
 *    longer). A word missing from ~9,900 listed headwords is usually beyond B2 anyway:
 *    ≤ 4 letters B2, 5–7 C1, 8 or more C2.
 */
import { levelIndex, shiftLevel } from './levels.js';
import type { Lexicon } from './ports.js';
import type { CefrLevel, LevelInfo } from './types.js';
import { derivationBases, inflects, lemmaCandidates } from './word-forms.js';

const INTERJECTIONS = new Set([
  'uh',
  'um',
  'umm',
  'hmm',
  'huh',
  'ah',
  'aah',
  'oh',
  'ooh',
  'whoa',
  'wow',
  'ugh',
  'shh',
  'sh',
  'argh',
  'eh',
  'er',
  'mm',
  'mmm',
  'uh-huh',
  'uh-oh',
  'yo',
  'ha',
  'haha',
  'heh',
  'psst',
  'phew',
  'whew',
  'yikes',
  'oops',
  'ow',
  'ouch',
  'gah',
  'bam',
  'boom',
  'bang',
  'whoosh',
  'thud',
  'crash',
]);

/** Looks like a dictionary word rather than a sound, a name fragment or a typo. */
export function isWordLike(lemma: string): boolean {
  if (lemma.length < 3 || !/^[a-z][a-z'-]*[a-z]$/.test(lemma)) return false;
  if (!/[aeiouy]/.test(lemma) || /(.)\1\1/.test(lemma)) return false;
  return !INTERJECTIONS.has(lemma);
}

export function estimateLevel(lemma: string, lexicon: Lexicon): LevelInfo {
  if (!isWordLike(lemma)) return { source: 'unlisted' };
  for (const base of lemmaCandidates(lemma).slice(1)) {
    const listed = inflects(base, lemma) ? lexicon.lookup(base) : undefined;
    if (listed) return { level: listed.level, source: 'estimated' };
  }
  for (const base of derivationBases(lemma)) {
    const listed = lexicon.lookup(base);
    if (listed) return { level: shiftLevel(listed.level, 1), source: 'estimated' };
  }
  const compound = compoundLevel(lemma, lexicon);
  if (compound) return { level: shiftLevel(compound, 1), source: 'estimated' };
  const n = lemma.replace(/[^a-z]/g, '').length;
  return { level: n <= 4 ? 'B2' : n <= 7 ? 'C1' : 'C2', source: 'estimated' };
}

/** The harder part's level when `lemma` splits into two listed words of 3+ letters. */
function compoundLevel(lemma: string, lexicon: Lexicon): CefrLevel | undefined {
  const word = lemma.replace(/-/g, '');
  for (let k = 3; k <= word.length - 3; k++) {
    const a = lexicon.lookup(word.slice(0, k));
    const b = a && lexicon.lookup(word.slice(k));
    if (a && b) return levelIndex(a.level) >= levelIndex(b.level) ? a.level : b.level;
  }
  return undefined;
}
