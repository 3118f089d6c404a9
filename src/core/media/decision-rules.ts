/**
 * Ranked candidates → add one, ask, or found nothing; the rules a careful person would state.
 *
 * 1. A reading of the title. A candidate is offered only if its title (own, original or
 *    alternative) reads as what was typed (title-match.ts `readsAs`): one word in common is a
 *    near miss ("Did you mean …?"), not a reading. With a year typed, a longer title of that year
 *    that carries the typed one whole is a reading too ("Guillermo del Toro's Pinocchio", 2022).
 * 2. Works named after another give way. A soundtrack carries its film's title, a self-titled
 *    album its artist's name: when the artist, or the film (released within a year of it and at
 *    least as known: Saturday Night Fever's album is a reading of its own), is a reading too, the
 *    album never forces a question. The hint decides otherwise: with "album" the artist and the
 *    film are not candidates at all.
 * 3. A typed year decides. When exactly one work of that year (a film's release, a series' first
 *    air date; no slack, since a remake a year apart is a different film) carries the typed title,
 *    exactly or within a longer one ("Guillermo del Toro's Pinocchio"), and it is the exact one,
 *    it is added.
 * 4. An exact title far ahead decides. The most popular work spelled exactly as typed wins when it
 *    is known (popularity ≥ KNOWN) and every other exact spelling is beaten: obscure and clearly
 *    behind (LEAD), or a weaker spelling ("The Heat" for "Heat") of the same kind and less known,
 *    or lacking punctuation the person typed ("MASH" for "M*A*S*H"). Prefix matches, near
 *    spellings and longer titles never stand in its way. With no exact spelling at all, the near
 *    spellings of the whole title ("Jurrasic Park") compete the same way, and longer titles
 *    ("Jurassic Park III") still do not. Popularity is on the scale the sources
 *    share (adapters/catalog/log-scale.ts): 0.5 means "a general audience knows it" everywhere,
 *    so a film and an album compare.
 * 5. Two known works spelled as typed are two readings: ask ("Shōgun" 2024 and 1980).
 * 6. Otherwise the score decides: at least `autoMinScore`, ahead of the next reading that has not
 *    given way by `autoMinMargin`. Rules 3 and 4 also need `autoMinScore`: they stand in for the
 *    margin, not for the score.
 */
import type { SearchQuery } from '../ports.js';
import type { Candidate, Decision, DecisionRule } from '../types.js';
import {
  bestSpelling,
  carriesTitle,
  NEAR_SPELLING,
  readsAs,
  SPELLINGS,
  spellingOf,
  typedPunctuation,
} from './title-match.js';
import { normalizeTitle, titleSimilarity } from './title-similarity.js';

export interface DecisionPolicy {
  /** Add without asking when the best score is at least this … */
  autoMinScore: number;
  /** … and leads the runner-up by at least this. */
  autoMinMargin: number;
  /** Candidates below this are not offered. */
  offerMinScore: number;
  /** How long to wait for catalogs, ms. */
  deadlineMs: number;
}

type Query = Pick<SearchQuery, 'title' | 'year'>;

/** Below this title similarity a candidate is not a plausible reading of what was typed. */
const MIN_TITLE = 0.55;
const MAX_CHOICES = 5;
/** "A general audience knows it" on the sources' shared popularity scale. */
export const KNOWN = 0.5;
/** "Clearly behind": 0.2 on that log scale is about 2.5 times less of the source's own signal. */
export const LEAD = 0.2;

const titlesOf = (c: Candidate): string[] => [c.title, ...(c.otherTitles ?? [])];
const isVideo = (c: Candidate) => c.kind === 'movie' || c.kind === 'series';

/** Rule 2: a soundtrack or self-titled album whose film or artist is also a reading. */
function givesWay(c: Candidate, readings: readonly Candidate[]): boolean {
  if (c.kind !== 'album') return false;
  if (c.artistName && normalizeTitle(c.artistName) === normalizeTitle(c.title))
    return readings.some((a) => a.kind === 'artist' && a.ids.mbArtist === c.ids.mbArtist);
  if (!c.soundtrack || c.year === undefined) return false;
  const year = c.year;
  return readings.some(
    (v) =>
      isVideo(v) &&
      v.year !== undefined &&
      Math.abs(v.year - year) <= 1 &&
      (v.popularity ?? 0) >= (c.popularity ?? 0) &&
      titlesOf(v).some((t) => spellingOf(c.title, t) !== undefined),
  );
}

/** Rule 3. */
function byYear(contenders: readonly Candidate[], q: Query): Candidate | undefined {
  if (q.year === undefined) return undefined;
  const carrying = contenders.filter(
    (c) =>
      c.year === q.year &&
      titlesOf(c).some((t) => spellingOf(q.title, t) !== undefined || carriesTitle(q.title, t)),
  );
  const [only] = carrying;
  return carrying.length === 1 && only && bestSpelling(q.title, titlesOf(only)) ? only : undefined;
}

const rank = (s: ReturnType<typeof bestSpelling>) => (s ? SPELLINGS.indexOf(s) : SPELLINGS.length);

/** Rule 4. */
function byExactTitle(contenders: readonly Candidate[], q: Query): Candidate | undefined {
  const spelled = contenders
    .map((c) => ({ c, spelling: rank(bestSpelling(q.title, titlesOf(c))) }))
    .filter((x) => x.spelling < SPELLINGS.length);
  const near = () =>
    contenders
      .filter((c) => titlesOf(c).some((t) => titleSimilarity(q.title, t) >= NEAR_SPELLING))
      .map((c) => ({ c, spelling: SPELLINGS.length }));
  const exact = spelled.length > 0 ? spelled : near();
  const strongest = Math.min(...exact.map((x) => x.spelling));
  const pool = exact
    .filter((x) => x.spelling === strongest)
    .sort((a, b) => (b.c.popularity ?? -1) - (a.c.popularity ?? -1));
  const [top, tie] = pool;
  const topPop = top?.c.popularity;
  if (!top || topPop === undefined || topPop < KNOWN || tie?.c.popularity === topPop) return undefined;
  const punctuated = typedPunctuation(q.title);
  const beaten = ({ c, spelling }: { c: Candidate; spelling: number }) => {
    const pop = c.popularity;
    const weaker = spelling > top.spelling;
    if (weaker && punctuated && SPELLINGS[top.spelling] === 'literal') return true;
    if (weaker && c.kind === top.c.kind && (pop ?? 0) < topPop) return true;
    return pop !== undefined && pop < KNOWN && topPop - pop >= LEAD;
  };
  return exact.every((x) => x === top || beaten(x)) ? top.c : undefined;
}

export function decide(
  ranked: Candidate[],
  anyAnswered: boolean,
  policy: DecisionPolicy,
  q: Query,
): Decision {
  if (!anyAnswered) return { type: 'unavailable' };
  const ofTheYear = (c: Candidate) =>
    q.year !== undefined && c.year === q.year && titlesOf(c).some((t) => carriesTitle(q.title, t));
  const plausible = ranked.filter(
    (c) =>
      (c.factors.title >= MIN_TITLE || ofTheYear(c)) &&
      c.score >= policy.offerMinScore &&
      titlesOf(c).some((t) => readsAs(q.title, t)),
  );
  if (plausible.length === 0)
    return {
      type: 'none',
      closest: [...ranked].sort((a, b) => b.factors.title - a.factors.title).slice(0, 3),
    };
  const contenders = plausible.filter((c) => !givesWay(c, plausible));
  const [top, second] = contenders;
  const offered = [...contenders, ...plausible.filter((c) => !contenders.includes(c))];
  const ask: Decision = { type: 'ask', candidates: offered.slice(0, MAX_CHOICES) };
  const scoreAndMargin =
    top && top.score >= policy.autoMinScore && top.score - (second?.score ?? 0) >= policy.autoMinMargin;
  const knownExact = contenders.filter(
    (c) => (c.popularity ?? 0) >= KNOWN && bestSpelling(q.title, titlesOf(c)) !== undefined,
  );
  const byScore = scoreAndMargin && knownExact.length < 2 ? top : undefined;
  const rules: [DecisionRule, Candidate | undefined][] = [
    ['typed year', byYear(contenders, q)],
    ['exact title', byExactTitle(contenders, q)],
  ];
  // A rule overrules the score; when both pick the same work, the score is the plainer reason.
  for (const [rule, winner] of rules)
    if (winner && winner.score >= policy.autoMinScore)
      return { type: 'auto', candidate: winner, rule: winner === byScore ? 'score and margin' : rule };
  if (byScore) return { type: 'auto', candidate: byScore, rule: 'score and margin' };
  return scoreAndMargin ? { ...ask, twoKnown: true } : ask;
}
