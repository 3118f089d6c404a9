/**
 * What to ask GET /subtitles, and which English subtitle of the answer to download. The API's own
 * advice (official API reference, GET /subtitles): send an IMDb or TMDb id rather than a text
 * query; for an episode, the series' id with season_number and episode_number; parameters sorted,
 * in lower case, without default values and without leading zeros in ids, or the answer is a
 * redirect first. Machine translations are left out by default (`machine_translated=exclude`); AI
 * translations are not, so they are excluded here.
 */
import type { ScriptQuery } from '../../src/core/vocab/ports.js';
import type { SubtitleHit } from './opensubtitles-schemas.js';

export type SearchParams = Record<string, string | number>;

export interface SearchPlan {
  params: SearchParams;
  /** A text search: the hit's title must be the title asked for. */
  byTitle: boolean;
}

/** The id search first when the catalog knew an id, then the title search. */
export function searchPlans(q: ScriptQuery): SearchPlan[] {
  const plans: SearchPlan[] = [];
  const ids = idParams(q);
  if (ids) plans.push({ params: canonical(ids), byTitle: false });
  plans.push({ params: canonical(titleParams(q)), byTitle: true });
  return plans;
}

function idParams(q: ScriptQuery): SearchParams | undefined {
  const imdb = q.imdbId ? imdbNumber(q.imdbId) : undefined;
  if (q.episode) {
    const parent: SearchParams | undefined = imdb
      ? { parent_imdb_id: imdb }
      : q.tmdbId
        ? { parent_tmdb_id: q.tmdbId }
        : undefined;
    return parent && { ...parent, season_number: q.episode.season, episode_number: q.episode.episode };
  }
  if (q.kind === 'tv') return undefined;
  // A TMDb id names a film or a series depending on the type: say which (reference, /features).
  if (imdb) return { imdb_id: imdb };
  return q.tmdbId ? { tmdb_id: q.tmdbId, type: 'movie' } : undefined;
}

function titleParams(q: ScriptQuery): SearchParams {
  const p: SearchParams = { query: q.title };
  if (q.episode) {
    Object.assign(p, { type: 'episode', season_number: q.episode.season, episode_number: q.episode.episode });
  } else {
    if (q.kind === 'movie') p.type = 'movie';
    // An episode's year is its own, not the series' first year: only films are filtered by it.
    if (q.year) p.year = q.year;
  }
  return p;
}

/** English only, AI translations out; keys sorted, text in lower case. */
function canonical(p: SearchParams): SearchParams {
  const all: SearchParams = { ...p, languages: 'en', ai_translated: 'exclude' };
  const out: SearchParams = {};
  for (const key of Object.keys(all).sort()) {
    const v = all[key] as string | number;
    out[key] = typeof v === 'string' ? v.toLowerCase() : v;
  }
  return out;
}

/** "tt0137523" → 137523. */
function imdbNumber(id: string): number | undefined {
  const n = Number(id.replace(/^tt/i, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The subtitle to download: English, made by a person (not machine- or AI-translated), the whole
 * film rather than only its foreign parts, the episode asked for; then one without
 * hearing-impaired notes when there is one, a single file before a multi-CD set, and the most
 * downloaded. Undefined when none qualifies.
 */
export function pickSubtitle(
  hits: readonly SubtitleHit[],
  q: ScriptQuery,
  byTitle: boolean,
): SubtitleHit | undefined {
  const usable = hits.filter((h) => {
    const a = h.attributes;
    if (a.files.length === 0 || a.machine_translated || a.ai_translated || a.foreign_parts_only) return false;
    if (a.language && a.language.toLowerCase() !== 'en') return false;
    const f = a.feature_details;
    if (q.episode && f) {
      if (f.season_number != null && f.season_number !== q.episode.season) return false;
      if (f.episode_number != null && f.episode_number !== q.episode.episode) return false;
    }
    if (byTitle && f) {
      const title = q.episode ? f.parent_title : f.title;
      if (title && fold(title) !== fold(q.title)) return false;
    }
    return true;
  });
  return usable.sort((x, y) => {
    const a = x.attributes;
    const b = y.attributes;
    return (
      Number(Boolean(a.hearing_impaired)) - Number(Boolean(b.hearing_impaired)) ||
      Number(a.files.length > 1) - Number(b.files.length > 1) ||
      (b.download_count ?? 0) - (a.download_count ?? 0)
    );
  })[0];
}

/** The file to ask /download for: the first CD of a set. */
export function firstFile(hit: SubtitleHit): SubtitleHit['attributes']['files'][number] {
  return [...hit.attributes.files].sort(
    (a, b) => (a.cd_number ?? 1) - (b.cd_number ?? 1),
  )[0] as SubtitleHit['attributes']['files'][number];
}

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');
}
