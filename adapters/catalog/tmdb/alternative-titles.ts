/**
 * TMDb finds a work by its original, translated and alternative titles (specs/tmdb-v3-openapi.json
 * /3/search/movie: "Search for movies by their original, translated and alternative titles") but
 * answers with the title and the original title only. When neither reads as what was typed,
 * "Sen to Chihiro no Kamikakushi" finding Spirited Away, the alternative titles say why: they are
 * fetched for the first few such rows of TMDb's own ranking, never for all, and only while the
 * decision's deadline allows; a late or failed fetch leaves the row as it was.
 */
import { z } from 'zod';
import { spellingOf } from '../../../src/core/media/title-match.js';
import { normalizeTitle } from '../../../src/core/media/title-similarity.js';
import type { CatalogHit } from '../../../src/core/types.js';

/** How many rows get their alternative titles fetched, at most. */
export const ALTERNATIVE_TITLES_FOR = 3;

const alternativeTitle = z.object({
  iso_3166_1: z.string().nullish(),
  title: z.string(),
  type: z.string().nullish(),
});

/**
 * `GET /movie/{id}/alternative_titles` answers `{id, titles: [...]}`, `GET /tv/{id}/alternative_titles`
 * `{id, results: [...]}` (specs/tmdb-v3-openapi.json, examples for 550 and 1399).
 */
export const movieAlternativeTitles = z.object({ id: z.number().int(), titles: z.array(alternativeTitle) });
export const tvAlternativeTitles = z.object({ id: z.number().int(), results: z.array(alternativeTitle) });

/** The path for a hit's alternative titles. */
export function alternativeTitlesPath(hit: Pick<CatalogHit, 'kind' | 'ids'>): string {
  return `/${hit.kind === 'series' ? 'tv' : 'movie'}/${hit.ids.tmdb}/alternative_titles`;
}

/**
 * Does `title` explain why a search for `typed` found it: the same spelling, or every typed word
 * the start of one of its words, the way TMDb's search matches ("Dexter" → "Dexter's Laboratory")?
 * "Se7en" does not explain "Seven": its alternative title does.
 */
function explains(typed: string, title: string): boolean {
  if (spellingOf(typed, title)) return true;
  const words = normalizeTitle(title).split(' ');
  return normalizeTitle(typed)
    .split(' ')
    .every((w) => words.some((t) => t.startsWith(w)));
}

/** The rows whose own titles do not explain the match, first few in TMDb's order. */
export function needingAlternativeTitles(hits: readonly CatalogHit[], typed: string): CatalogHit[] {
  return hits
    .filter(
      (h) => h.ids.tmdb !== undefined && ![h.title, ...(h.otherTitles ?? [])].some((t) => explains(typed, t)),
    )
    .slice(0, ALTERNATIVE_TITLES_FOR);
}

/** The hit with `titles` among its other titles (its own title and repeats left out). */
export function withAlternativeTitles(hit: CatalogHit, titles: readonly string[]): CatalogHit {
  const known = new Set([hit.title, ...(hit.otherTitles ?? [])]);
  const more = titles.filter((t) => t.trim() && !known.has(t));
  if (more.length === 0) return hit;
  return { ...hit, otherTitles: [...new Set([...(hit.otherTitles ?? []), ...more])] };
}

/** Done this long before the decision's deadline, so the search itself is never late for them. */
const DEADLINE_MARGIN_MS = 250;
/** Without a deadline (the HTTP API's classify), the fetch may take this long. */
const BUDGET_MS = 1500;

/**
 * `hits` with the alternative titles of those that need them, as far as `fetchTitles` answers
 * within the budget; a row whose fetch failed or was cut off stays as it was.
 */
export async function addAlternativeTitles(
  hits: CatalogHit[],
  typed: string,
  fetchTitles: (hit: CatalogHit, signal: AbortSignal) => Promise<string[]>,
  signal: AbortSignal,
  deadline?: number,
): Promise<CatalogHit[]> {
  const wanted = needingAlternativeTitles(hits, typed);
  if (wanted.length === 0) return hits;
  const budget = deadline === undefined ? BUDGET_MS : deadline - Date.now() - DEADLINE_MARGIN_MS;
  if (budget <= 0) return hits;
  const stop = AbortSignal.any([signal, AbortSignal.timeout(budget)]);
  const found = new Map<CatalogHit, string[]>();
  await Promise.all(
    wanted.map((h) =>
      fetchTitles(h, stop).then(
        (titles) => found.set(h, titles),
        () => undefined,
      ),
    ),
  );
  return hits.map((h) => {
    const titles = found.get(h);
    return titles ? withAlternativeTitles(h, titles) : h;
  });
}
