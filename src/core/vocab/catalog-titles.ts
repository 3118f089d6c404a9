/**
 * A TitleResolver over any movie catalog (TMDb): the canonical title and year of what was typed,
 * so "inception" and "Inception (2010)" share one stored vocabulary and IMSDb gets the real title.
 * A series is looked for when an episode or a season was asked for. With the catalog's details
 * (TMDb `movie/{id}`, `tv/{id}`), the ids the subtitle sources search by and a series' episode
 * counts come along; without them, or when they fail, the search hit alone is the answer.
 */
import { normalizeTitle } from '../media/title-similarity.js';
import type { Logger, MediaCatalog } from '../ports.js';
import type { ResolvedTitle, TitleResolver, WorkDetails } from './ports.js';

export function catalogTitleResolver(
  catalog: MediaCatalog,
  details?: WorkDetails,
  logger?: Logger,
): TitleResolver {
  return {
    async resolve(title, signal, kind = 'movie') {
      const hitKind = kind === 'tv' ? 'series' : 'movie';
      const hits = (await catalog.search({ title, hint: hitKind }, signal)).filter((h) => h.kind === hitKind);
      if (hits.length === 0) return undefined;
      const exact = hits.filter((h) => normalizeTitle(h.title) === normalizeTitle(title));
      const pool = exact.length > 0 ? exact : hits;
      const best = [...pool].sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0))[0];
      if (!best) return undefined;
      const found: ResolvedTitle = { title: best.title, kind };
      if (best.year !== undefined) found.year = best.year;
      const tmdbId = best.ids.tmdb;
      if (best.ids.imdb) found.imdbId = best.ids.imdb;
      if (best.ids.tvdb) found.tvdbId = best.ids.tvdb;
      if (tmdbId === undefined) return found;
      found.tmdbId = tmdbId;
      try {
        const more = await details?.details(kind, tmdbId, signal);
        if (more?.imdbId) found.imdbId = more.imdbId;
        if (more?.tvdbId) found.tvdbId = more.tvdbId;
        if (more?.episodesPerSeason) found.episodesPerSeason = more.episodesPerSeason;
      } catch (e) {
        // The search hit is enough to go on: sources fall back to title and year.
        logger?.warn({ err: e, tmdbId, kind }, 'vocab: catalog details failed; using the search hit');
      }
      return found;
    },
  };
}
