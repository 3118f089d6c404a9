/**
 * Scores one merged candidate 0..1 and keeps why. The weights were set against the stories in
 * test/core/classify.test.ts: the title must dominate (a famous wrong title must not beat the
 * right obscure one), popularity separates same-titled works (Dexter 2006 vs a no-name
 * documentary called Dexter), the year settles remakes (Dune 1984 vs 2021). The score ranks and
 * decides only when no rule of decision-rules.ts does (a typed year, an exact title far ahead).
 *
 * Popularity is the sources' shared scale (adapters/catalog/log-scale.ts `fame`): each adapter
 * maps its own signal so that 0.5 means "a general audience knows it" (TMDb popularity 9,
 * MusicBrainz 9 releases in a group, 19 across an artist's groups, Spotify 50), so a film and an
 * album are weighed on one scale, not TMDb's trending number against a count of pressings.
 */
import type { KindHint, MediaKind, ScoreBreakdown } from '../types.js';
import type { MergedHit } from './merge-hits.js';
import { titleSimilarity } from './title-similarity.js';

export const WEIGHTS: Readonly<ScoreBreakdown> = Object.freeze({
  title: 0.45,
  popularity: 0.25,
  year: 0.1,
  completeness: 0.1,
  recency: 0.05,
  kind: 0.05,
});

/** A source without a popularity signal (MusicBrainz artist search) counts as below "known" (0.5). */
const UNKNOWN_POPULARITY = 0.25;

export interface ScoreContext {
  title: string;
  year?: number;
  hint?: KindHint;
  /** The current year, for recency. */
  thisYear: number;
  /** Kinds a configured catalog can resolve missing ids for (series via TMDb external ids). */
  resolvableKinds: ReadonlySet<MediaKind>;
}

export function kindMatchesHint(kind: MediaKind, hint: KindHint | undefined): boolean {
  if (!hint) return true;
  if (hint === 'music') return kind === 'artist' || kind === 'album';
  return kind === hint;
}

/** Does the candidate carry the id its backend needs (TMDb for Radarr, TVDB for Sonarr, MBIDs for Lidarr)? */
export function hasBackendId(c: Pick<MergedHit, 'kind' | 'ids'>): boolean {
  switch (c.kind) {
    case 'movie':
      return c.ids.tmdb !== undefined;
    case 'series':
      return c.ids.tvdb !== undefined;
    case 'artist':
      return c.ids.mbArtist !== undefined;
    case 'album':
      return c.ids.mbReleaseGroup !== undefined && c.ids.mbArtist !== undefined;
  }
}

function yearFactor(queryYear: number | undefined, year: number | undefined): number {
  if (queryYear === undefined) return 0.5;
  if (year === undefined) return 0.3;
  const diff = Math.abs(queryYear - year);
  if (diff === 0) return 1;
  if (diff === 1) return 0.7;
  return Math.max(0, 0.4 * (1 - diff / 10));
}

function recencyFactor(year: number | undefined, thisYear: number): number {
  if (year === undefined) return 0.5;
  const age = Math.max(0, thisYear - year);
  return Math.max(0.2, 1 - age / 40);
}

function completenessFactor(c: MergedHit, ctx: ScoreContext): number {
  if (hasBackendId(c)) return 1;
  if (c.kind === 'series' && c.ids.tmdb !== undefined && ctx.resolvableKinds.has('series')) return 0.6;
  return 0.2;
}

/**
 * With no hint, video is a slightly likelier ask than music in a media-request bot; a matching
 * hint is a strong prior (mismatching kinds are filtered out before scoring).
 */
function kindFactor(kind: MediaKind, hint: KindHint | undefined): number {
  if (hint) return 1;
  return kind === 'movie' || kind === 'series' ? 0.6 : 0.4;
}

export function scoreCandidate(c: MergedHit, ctx: ScoreContext): { score: number; factors: ScoreBreakdown } {
  const factors: ScoreBreakdown = {
    // The best of the work's titles: "El laberinto del fauno" is Pan's Labyrinth's own title.
    title: Math.max(
      titleSimilarity(ctx.title, c.title),
      ...(c.otherTitles ?? []).map((t) => titleSimilarity(ctx.title, t)),
    ),
    popularity: c.popularity ?? UNKNOWN_POPULARITY,
    year: yearFactor(ctx.year, c.year),
    completeness: completenessFactor(c, ctx),
    recency: recencyFactor(c.year, ctx.thisYear),
    kind: kindFactor(c.kind, ctx.hint),
  };
  let score = 0;
  for (const k of Object.keys(WEIGHTS) as (keyof ScoreBreakdown)[]) score += WEIGHTS[k] * factors[k];
  return { score: Math.round(score * 1000) / 1000, factors };
}
