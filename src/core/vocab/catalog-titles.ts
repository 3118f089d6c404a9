/**
 * A TitleResolver over any movie catalog (TMDb): the canonical title and year of what was typed,
 * so "inception" and "Inception (2010)" share one stored vocabulary and IMSDb gets the real title.
 */
import { normalizeTitle } from '../media/title-similarity.js';
import type { MediaCatalog } from '../ports.js';
import type { TitleResolver } from './ports.js';

export function catalogTitleResolver(catalog: MediaCatalog): TitleResolver {
  return {
    async resolve(title, signal) {
      const hits = (await catalog.search({ title, hint: 'movie' }, signal)).filter((h) => h.kind === 'movie');
      if (hits.length === 0) return undefined;
      const exact = hits.filter((h) => normalizeTitle(h.title) === normalizeTitle(title));
      const pool = exact.length > 0 ? exact : hits;
      const best = [...pool].sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0))[0];
      if (!best) return undefined;
      return best.year !== undefined ? { title: best.title, year: best.year } : { title: best.title };
    },
  };
}
