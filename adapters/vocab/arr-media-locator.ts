/**
 * Which file of the operator's library a ScriptQuery names, as Radarr or Sonarr report it.
 *
 * A film, through Radarr: `GET /movie?tmdbId=` answers from the library only, and each movie
 * carries its `movieFile` with the full `path` (Radarr/Radarr src/Radarr.Api.V3/Movies/
 * MovieController.cs AllMovie; MovieRepository.cs joins the file; MovieFileResource.cs fills
 * Path). Without a TMDb id, `GET /movie/lookup?term=` (`imdb:tt…` or the title): hits that are in
 * the library come back as the library movie, id and file included (SkyHookProxy.cs
 * MapSearchResult); matched on title and year.
 *
 * An episode, through Sonarr (v3 and v4 alike): `GET /series` (its only filter is tvdbId, which
 * the query lacks; Sonarr/Sonarr src/Sonarr.Api.V3/Series/SeriesController.cs), matched by TMDb
 * id (v4 only), IMDb id, then title and year; `GET /episode?seriesId=&seasonNumber=`
 * (EpisodeController.cs); `GET /episodefile/{id}`, whose `path` both versions fill
 * (EpisodeFileResource.cs). "Not in the library" and "no file yet" are values; a server that
 * fails throws UpstreamError.
 */
import { z } from 'zod';
import type { ServarrClient } from '../arr/servarr-client.js';
import { movieSchema } from '../arr/radarr/schemas.js';
import { seriesListSchema, type Series } from '../arr/sonarr/schemas.js';
import type { ScriptQuery } from '../../src/core/vocab/ports.js';

export type MediaFile =
  | { kind: 'movie'; radarrId: number; path: string }
  | { kind: 'episode'; sonarrEpisodeId: number; path: string };

/** `detail` says why not, without any path: it may reach a chat. */
export type Located = { found: true; file: MediaFile } | { found: false; detail: string };

const libraryMoviesSchema = z.array(
  movieSchema.extend({
    movieFile: z.object({ id: z.number().int(), path: z.string().nullish() }).nullish(),
  }),
);
const episodesSchema = z.array(
  z.object({
    id: z.number().int(),
    seasonNumber: z.number().int(),
    episodeNumber: z.number().int(),
    episodeFileId: z.number().int().nullish(),
    hasFile: z.boolean().nullish(),
  }),
);
const episodeFileSchema = z.object({ id: z.number().int(), path: z.string().nullish() });

type LibraryMovie = z.infer<typeof libraryMoviesSchema>[number];

export interface LocatorOptions {
  radarr?: ServarrClient | undefined;
  sonarr?: ServarrClient | undefined;
}

export class ArrMediaLocator {
  constructor(private readonly opts: LocatorOptions) {}

  locate(query: ScriptQuery, signal: AbortSignal): Promise<Located> {
    if (query.episode) return this.episode(query, query.episode, signal);
    if (query.kind === 'tv')
      return Promise.resolve({ found: false, detail: 'a series has one subtitle file per episode' });
    return this.movie(query, signal);
  }

  private async movie(query: ScriptQuery, signal: AbortSignal): Promise<Located> {
    const radarr = this.opts.radarr;
    if (!radarr) return { found: false, detail: 'no Radarr configured' };
    const movie = (await this.candidates(radarr, query, signal)).find(
      (m) =>
        (m.id ?? 0) > 0 &&
        (query.tmdbId !== undefined
          ? m.tmdbId === query.tmdbId
          : query.imdbId
            ? m.imdbId === query.imdbId
            : sameWork(m, query)),
    );
    if (!movie?.id) return { found: false, detail: 'not in Radarr’s library' };
    const path = movie.movieFile?.path;
    if (!path) return { found: false, detail: 'Radarr has no file for it yet' };
    return { found: true, file: { kind: 'movie', radarrId: movie.id, path } };
  }

  /** Library movies by TMDb id; else lookup hits, of which those in the library carry their id. */
  private candidates(radarr: ServarrClient, q: ScriptQuery, signal: AbortSignal): Promise<LibraryMovie[]> {
    const [path, query] =
      q.tmdbId !== undefined
        ? ['/movie', { tmdbId: q.tmdbId }]
        : ['/movie/lookup', { term: q.imdbId ? `imdb:${q.imdbId}` : q.title }];
    return radarr.http.json({ path, query, schema: libraryMoviesSchema, signal });
  }

  private async episode(
    query: ScriptQuery,
    at: { season: number; episode: number },
    signal: AbortSignal,
  ): Promise<Located> {
    const sonarr = this.opts.sonarr;
    if (!sonarr) return { found: false, detail: 'no Sonarr configured' };
    const list = await sonarr.http.json({ path: '/series', schema: seriesListSchema, signal });
    const series = pickSeries(list, query);
    if (!series?.id) return { found: false, detail: 'not in Sonarr’s library' };
    const episodes = await sonarr.http.json({
      path: '/episode',
      query: { seriesId: series.id, seasonNumber: at.season },
      schema: episodesSchema,
      signal,
    });
    const ep = episodes.find((e) => e.seasonNumber === at.season && e.episodeNumber === at.episode);
    const code = `S${pad(at.season)}E${pad(at.episode)}`;
    if (!ep) return { found: false, detail: `Sonarr lists no ${code}` };
    if (!ep.hasFile || !ep.episodeFileId)
      return { found: false, detail: `Sonarr has no file for ${code} yet` };
    const file = await sonarr.http.json({
      path: `/episodefile/${ep.episodeFileId}`,
      schema: episodeFileSchema,
      signal,
    });
    if (!file.path) return { found: false, detail: `Sonarr has no file for ${code} yet` };
    return { found: true, file: { kind: 'episode', sonarrEpisodeId: ep.id, path: file.path } };
  }
}

function pickSeries(list: Series[], q: ScriptQuery): Series | undefined {
  return (
    (q.tmdbId !== undefined ? list.find((s) => s.tmdbId === q.tmdbId) : undefined) ??
    (q.imdbId ? list.find((s) => s.imdbId === q.imdbId) : undefined) ??
    list.find((s) => sameWork(s, q))
  );
}

/** Same title (case, accents and punctuation aside) and, when both know it, the same year. */
function sameWork(item: { title: string; year?: number | undefined }, q: ScriptQuery): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
  if (fold(item.title) !== fold(q.title)) return false;
  return !q.year || !item.year || item.year === q.year;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
