/**
 * The parts of a list request that are not the title, language or level: a kind word at the
 * start ("film", "show"), an episode or a season at the end ("S01E01", "season 1 episode 1",
 * "1x01", "season 1") and a source hint ("from script", "from subtitles"). Each reads tokens
 * from the end and removes what it took; parse-vocab.ts calls them in its loop over the options.
 * A number alone is never an episode: "Apollo 13", "Ocean's 11" and "Star Wars Episode 4" are films.
 */
import type { SeriesPart, VocabCommand } from '../vocab/types.js';

/** As in the add command (parse.ts): the word before a title that says what it is. */
const KIND_WORDS: Record<string, 'movie' | 'tv'> = {
  movie: 'movie',
  film: 'movie',
  show: 'tv',
  tv: 'tv',
  series: 'tv',
  serie: 'tv',
};

const SCRIPT_WORDS = new Set(['script', 'screenplay', 'imsdb']);
const SUBTITLE_WORDS = new Set(['subtitles', 'subtitle', 'subs', 'srt']);
const EPISODE_WORDS = new Set(['episode', 'ep', 'e']);
const SEASON_WORD = /^season$/i;
const NUMBER = /^0*(\d{1,3})$/;

/** What a part found at the end was: a part, or "season 0", which is where TMDb keeps specials. */
export type PartFound = { part: SeriesPart } | { zero: string };

/** "film Inception" → movie; "show Fargo S01E01" → tv. "Band of Brothers" keeps its first word. */
export function kindAtStart(tokens: string[]): 'movie' | 'tv' | undefined {
  if (tokens.length < 2) return undefined;
  const kind = KIND_WORDS[(tokens[0] ?? '').toLowerCase()];
  if (!kind || /^of$/i.test(tokens[1] ?? '')) return undefined;
  tokens.splice(0, 1);
  return kind;
}

/** "from script", "from the screenplay", "from subtitles", "from subs" at the end: removed and returned. */
export function fromAtEnd(tokens: string[], keep: number): VocabCommand['from'] {
  const n = tokens.length;
  const word = clean(tokens[n - 1]).toLowerCase();
  const kind = SCRIPT_WORDS.has(word) ? 'script' : SUBTITLE_WORDS.has(word) ? 'subtitles' : undefined;
  if (!kind) return undefined;
  const the = clean(tokens[n - 2]).toLowerCase() === 'the' ? 1 : 0;
  if (n - 2 - the < keep || clean(tokens[n - 2 - the]).toLowerCase() !== 'from') return undefined;
  tokens.splice(-(2 + the));
  return kind;
}

/**
 * An episode or a season at the end: "S01E01", "S1 E1", "season 1 episode 1", "season 1, ep 1",
 * "1x01" (two-digit episode only: "1x1" stays part of the title), "season 1", "S01". Removed and
 * returned when a title is left before it (or the title was quoted).
 */
export function partAtEnd(tokens: string[], keep: number): PartFound | undefined {
  const n = tokens.length;
  const at = (i: number) => clean(tokens[n - i]);
  const take = (count: number, season: string, episode?: string): PartFound | undefined => {
    if (n - count < keep) return undefined;
    const typed = tokens.slice(n - count).join(' ');
    tokens.splice(-count);
    const s = Number(season);
    const e = episode === undefined ? undefined : Number(episode);
    if (s === 0 || e === 0) return { zero: typed };
    return { part: e === undefined ? { season: s } : { season: s, episode: e } };
  };

  const se = /^s0*(\d{1,3})[ .-]?e0*(\d{1,3})$/i.exec(at(1));
  if (se) return take(1, se[1] ?? '', se[2]);
  const cross = /^0*(\d{1,2})x(\d{2})$/i.exec(at(1));
  if (cross) return take(1, cross[1] ?? '', cross[2]);
  const e = /^e0*(\d{1,3})$/i.exec(at(1));
  const s = /^s0*(\d{1,3})$/i.exec(at(2));
  if (e && s) return take(2, s[1] ?? '', e[1]);

  const last = NUMBER.exec(at(1));
  if (last && EPISODE_WORDS.has(at(2).toLowerCase()) && SEASON_WORD.test(at(4))) {
    const season = NUMBER.exec(at(3));
    if (season) return take(4, season[1] ?? '', last[1]);
  }
  if (last && SEASON_WORD.test(at(2))) return take(2, last[1] ?? '');
  const sOnly = /^s0*(\d{1,3})$/i.exec(at(1));
  if (sOnly) return take(1, sOnly[1] ?? '');
  return undefined;
}

/** A token without the punctuation people put around options: "1," → "1". */
function clean(token: string | undefined): string {
  return (token ?? '').replace(/^[("'“‘«]+|[)"'”’»,;:]+$/g, '');
}
