/**
 * Lines of an English film that are in another language: a Spanish exchange, a Yiddish blessing,
 * transliterated Hebrew. They are not English vocabulary and must not be graded as rare English
 * words. Two signals:
 * - a direction says so: "(in Spanish)", "[SPEAKING HEBREW]", "(subtitled)";
 * - a clause (the words between punctuation) is made only of words that neither word list nor the
 *   tagger's own English lexicon knows, at least two of them, or one next to such a clause in the
 *   same speech ("Shalom, Sal. Ma nishma?"). A single rare English word is never enough.
 */
import { LANGUAGES } from './languages.js';

/** Languages films switch to that are not translation targets. */
const MORE_LANGUAGES = [
  'Yiddish',
  'Latin',
  'Mandarin',
  'Cantonese',
  'Farsi',
  'Gaelic',
  'Punjabi',
  'Tagalog',
  'Swahili',
  'Navajo',
  'Klingon',
  'Sign',
];
const NAMES = new Set([...LANGUAGES.map((l) => l.english), ...MORE_LANGUAGES].map((n) => n.toLowerCase()));
const DIRECTION =
  /^\s*(?:in|speaking|speaks|continues in|switching to|now in|answers in|whispers in)\s+(\p{L}+)\s*[.,;:]?\s*(?:[-–—,;].*)?$/iu;

/** The language a direction names ("in Spanish" → Spanish), other than English, or undefined. */
export function spokenLanguage(direction: string): string | undefined {
  const d = direction.replace(/^[[(]|[\])]$/g, '').trim();
  if (/^subtitled?$/i.test(d) || /^in subtitles?$/i.test(d)) return 'subtitled';
  const name = DIRECTION.exec(d)?.[1]?.toLowerCase();
  return name && name !== 'english' && NAMES.has(name) ? name : undefined;
}

/** What the caller knows about one token of a speech. */
export type Known = 'english' | 'unknown' | 'neutral';

interface Clause {
  s: number;
  from: number;
  to: number;
  unknown: number;
  english: number;
}

/**
 * For each sentence of one speech, which tokens belong to a foreign clause. `known` says whether
 * a token is an English word ('english'), a word nobody knows ('unknown'), or neither
 * (punctuation, names, numbers, words only the tagger knows: 'neutral'); `breaks` whether it
 * ends a clause. A clause is foreign when its unknown words outnumber its English ones and there
 * are two of them, or just one in a speech or sentence where unknown words outnumber English ones.
 */
export function foreignTokens<T>(
  sentences: readonly (readonly T[])[],
  known: (t: T) => Known,
  breaks: (t: T) => boolean,
): boolean[][] {
  const clauses: Clause[] = [];
  let anchored = false;
  let speechUnknown = 0;
  let speechEnglish = 0;
  sentences.forEach((tokens, s) => {
    let c: Clause = { s, from: 0, to: 0, unknown: 0, english: 0 };
    let unknown = 0;
    let english = 0;
    const close = (to: number) => {
      if (c.unknown + c.english > 0) clauses.push({ ...c, to });
    };
    tokens.forEach((t, i) => {
      if (breaks(t)) {
        close(i);
        c = { s, from: i + 1, to: i + 1, unknown: 0, english: 0 };
        return;
      }
      const k = known(t);
      if (k === 'unknown') {
        c.unknown++;
        unknown++;
      } else if (k === 'english') {
        c.english++;
        english++;
      }
    });
    close(tokens.length);
    if (unknown >= 2 && unknown > english) anchored = true;
    speechUnknown += unknown;
    speechEnglish += english;
  });
  if (speechUnknown >= 2 && speechUnknown > speechEnglish) anchored = true;
  anchored ||= clauses.some((c) => c.unknown >= 2 && c.unknown > c.english);
  const out = sentences.map((tokens) => tokens.map(() => false));
  for (const c of clauses) {
    if (c.unknown <= c.english || (c.unknown < 2 && !anchored)) continue;
    for (let i = c.from; i < c.to; i++) (out[c.s] as boolean[])[i] = true;
  }
  return out;
}
