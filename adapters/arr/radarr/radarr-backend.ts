/** Radarr as a MediaBackend for movies. */
import { UpstreamError } from '../../../src/core/errors.js';
import type { AddOptions, AddResult, LibraryItem, MediaBackend } from '../../../src/core/ports.js';
import type { Candidate, MediaKind } from '../../../src/core/types.js';
import { addOrAlreadyPresent, isNotFound } from '../already-added.js';
import { coversForAdd } from '../images.js';
import type { ServarrClient } from '../servarr-client.js';
import { movieToItem } from './map.js';
import { movieListSchema, movieSchema } from './schemas.js';

export interface RadarrSettings {
  qualityProfile?: string | undefined;
  rootFolder?: string | undefined;
  /** tba | announced | inCinemas | released. Always sent: left out, Radarr stores `tba`. */
  minimumAvailability: string;
  /** Ask Radarr to search for the movie as soon as it is added. */
  searchOnAdd: boolean;
}

export interface RadarrBackendOptions {
  name: string;
  label: string;
  client: ServarrClient;
  settings: RadarrSettings;
}

export class RadarrBackend implements MediaBackend {
  readonly name: string;
  readonly label: string;
  readonly kinds = ['movie'] as const;
  private readonly client: ServarrClient;
  private readonly settings: RadarrSettings;

  constructor(opts: RadarrBackendOptions) {
    this.name = opts.name;
    this.label = opts.label;
    this.client = opts.client;
    this.settings = opts.settings;
  }

  canAdd(candidate: Candidate): boolean {
    return candidate.kind === 'movie' && tmdbOf(candidate) !== undefined;
  }

  /** `GET /movie?tmdbId=` answers from the library only: `[]` or `[movie]`. */
  async find(candidate: Candidate, signal: AbortSignal): Promise<LibraryItem | null> {
    const tmdb = tmdbOf(candidate);
    if (tmdb === undefined) return null;
    const movies = await this.client.http.json({
      path: '/movie',
      query: { tmdbId: tmdb },
      schema: movieListSchema,
      signal,
    });
    const movie = movies.find((m) => m.tmdbId === tmdb && (m.id ?? 0) > 0);
    return movie?.id ? movieToItem(movie, movie.id) : null;
  }

  async add(candidate: Candidate, _options: AddOptions, signal: AbortSignal): Promise<AddResult> {
    const tmdb = tmdbOf(candidate);
    if (tmdb === undefined) throw this.refused(`"${candidate.title}" has no TMDb id, which Radarr needs`);
    const [movie, target] = await Promise.all([
      this.lookup(tmdb, signal),
      this.client.resolveTarget(this.settings, signal),
    ]);
    if ((movie.id ?? 0) > 0) return { outcome: 'already_present', itemId: movie.id, searching: false };
    const body = {
      tmdbId: tmdb,
      title: movie.title,
      ...(movie.year ? { year: movie.year } : {}),
      ...(movie.titleSlug ? { titleSlug: movie.titleSlug } : {}),
      images: coversForAdd(movie.images),
      qualityProfileId: target.qualityProfileId,
      rootFolderPath: target.rootFolderPath,
      minimumAvailability: this.settings.minimumAvailability,
      monitored: true,
      tags: [] as number[],
      addOptions: { monitor: 'movieOnly', searchForMovie: this.settings.searchOnAdd },
    };
    return addOrAlreadyPresent(
      () => this.client.http.json({ method: 'POST', path: '/movie', body, schema: movieSchema, signal }),
      () => this.find(candidate, signal),
      this.settings.searchOnAdd,
    );
  }

  async status(itemId: number, _kind: MediaKind, signal: AbortSignal): Promise<LibraryItem | null> {
    try {
      const movie = await this.client.http.json({ path: `/movie/${itemId}`, schema: movieSchema, signal });
      return movieToItem(movie, itemId);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  /** `/movie/lookup/tmdb` returns ONE object (not an array); 404 when TMDb has no such movie. */
  private async lookup(tmdb: number, signal: AbortSignal) {
    try {
      return await this.client.http.json({
        path: '/movie/lookup/tmdb',
        query: { tmdbId: tmdb },
        schema: movieSchema,
        signal,
      });
    } catch (e) {
      if (isNotFound(e)) throw this.refused(`Radarr's metadata server does not know TMDb id ${tmdb}`);
      throw e;
    }
  }

  private refused(detail: string): UpstreamError {
    return new UpstreamError(this.client.service, 'rejected', `${this.client.service}: ${detail}`, {
      detail,
    });
  }
}

function tmdbOf(c: Candidate): number | undefined {
  const id = c.ids.tmdb;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}
