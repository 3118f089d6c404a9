/** What the core asks of catalogs (TMDb, MusicBrainz, Spotify, *arr lookups) and of backends (Sonarr, Radarr, Lidarr, Overseerr). */
import type { Candidate, CatalogHit, ExternalIds, KindHint, MediaKind, UserRef } from '../types.js';

export interface SearchQuery {
  title: string;
  year?: number;
  hint?: KindHint;
}

/** A metadata source: TMDb, MusicBrainz, Spotify, or an *arr's own lookup. */
export interface MediaCatalog {
  readonly name: string;
  /** Kinds it can return; the core skips a catalog whose kinds do not meet the hint. */
  readonly kinds: readonly MediaKind[];
  /**
   * Hits for a title; an empty array when nothing matches. `deadline` (epoch ms) is when the
   * decision stops waiting: a rate-limited client should fail fast rather than queue past it.
   */
  search(query: SearchQuery, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]>;
  /**
   * Fill in ids a backend needs that the search did not carry (TMDb `tv/{id}/external_ids` for a
   * TVDB id; Sonarr `series/lookup?term=tmdb:`). Returns only what it found; `{}` when nothing.
   */
  resolveIds?(candidate: Candidate, signal: AbortSignal): Promise<ExternalIds>;
}

/** What the backend knows about a work already in its library. */
export interface LibraryItem {
  id: number;
  title: string;
  /** Media is on disk: Radarr hasFile, Sonarr episode files of what is monitored, Lidarr track files. */
  available: boolean;
}

export interface AddOptions {
  /** Sonarr monitor option (all, future, firstSeason, latestSeason, …); backend default when absent. */
  monitor?: string;
  /**
   * The one season the person asked for ("add Dexter season 9"): only it is monitored and searched.
   * Never 0 (specials); the parser refuses that.
   */
  season?: number;
  /** Overseerr: the Overseerr user to act as. */
  requestedBy?: UserRef;
}

export interface AddResult {
  /**
   * - `added`: a new item in the library;
   * - `already_present`: it was there and wanted (monitored, or with files): nothing to do;
   * - `monitored`: it was there but unmonitored (Lidarr creates every album of an artist so), and
   *   is now monitored, with a search asked for when `searching`;
   * - `no_such_season`: `options.season` names a season the series does not have; nothing added.
   */
  outcome: 'added' | 'already_present' | 'monitored' | 'no_such_season';
  itemId?: number;
  /** The backend was asked to search for the media now. */
  searching: boolean;
}

/** A place media gets added: Sonarr, Radarr, Lidarr, Overseerr. */
export interface MediaBackend {
  /** Instance name from config: `sonarr`, `radarr`, `radarr-4k`. */
  readonly name: string;
  /** What the person reads: `Sonarr`, `Radarr 4K`. */
  readonly label: string;
  readonly kinds: readonly MediaKind[];
  /** The id this backend needs is present on the candidate. */
  canAdd(candidate: Candidate): boolean;
  /** The library copy, or null when it is not there. */
  find(candidate: Candidate, signal: AbortSignal): Promise<LibraryItem | null>;
  /** Add it. "Already exists" answers are `already_present`, not errors. */
  add(candidate: Candidate, options: AddOptions, signal: AbortSignal): Promise<AddResult>;
  /**
   * Monitor one season of a series in the library and search for it (Sonarr). Absent on
   * backends that have no seasons.
   */
  monitorSeason?(
    itemId: number,
    seasonNumber: number,
    signal: AbortSignal,
  ): Promise<'monitored' | 'already_monitored' | 'no_such_season'>;
  /**
   * Is the added item's media there yet? `kind` says what `itemId` numbers (Lidarr numbers artists
   * and albums separately; Overseerr polls movies and shows by TMDb id).
   */
  status(itemId: number, kind: MediaKind, signal: AbortSignal): Promise<LibraryItem | null>;
}
