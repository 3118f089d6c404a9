/**
 * The ports: what the core asks of the outside world. Adapters implement them; `src/main.ts`
 * wires them. Every method that talks to a network takes an AbortSignal and throws
 * `UpstreamError` (src/core/errors.ts) when the far end fails.
 */
import type {
  Candidate,
  CatalogHit,
  ExternalIds,
  KindHint,
  MediaKind,
  MediaRequest,
  Reply,
  RequestStatus,
  UserRef,
} from './types.js';

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

export interface RequestFilter {
  status?: readonly RequestStatus[];
  /** `telegram:123` */
  user?: string;
}

/** Media requests, on disk before anyone is answered. Writes are applied in order. */
export interface RequestStore {
  insert(request: MediaRequest): Promise<void>;
  get(id: string): Promise<MediaRequest | undefined>;
  /** Apply `change` to the stored copy and persist it; returns the new copy. Throws when absent. */
  update(id: string, change: (r: MediaRequest) => void): Promise<MediaRequest>;
  /** Newest first. */
  list(filter?: RequestFilter): Promise<MediaRequest[]>;
}

/** A set of buttons offered to one person, alive until used or expired. */
export interface StoredChoice {
  token: string;
  /** userKey of the person who may click. */
  owner: string;
  /** What the buttons decide: `media.pick` → request id + candidate keys. */
  purpose: string;
  requestId?: string;
  /** Values the options stand for, by index. */
  values: string[];
  expiresAt: string;
}

export interface ChoiceStore {
  put(choice: StoredChoice): Promise<void>;
  get(token: string): Promise<StoredChoice | undefined>;
  /** Remove it, so a second click finds nothing. Returns whether it was there. */
  take(token: string): Promise<boolean>;
  purgeExpired(now: Date): Promise<number>;
}

/** Sends a reply later, to the chat a request or job came from. Each chat adapter implements it. */
export interface Notifier {
  send(to: UserRef, reply: Reply): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Runs work later: setTimeout in adapters/schedule/timers.ts, a fake clock in tests. */
export interface Timers {
  /** Call `fire` once, `ms` from now; the returned function cancels it. */
  after(ms: number, fire: () => void): () => void;
}

type LogFn = {
  (obj: object, msg?: string): void;
  (msg: string): void;
};

/** Structured logs; pino satisfies it. Put fields in the object, not in the message. */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}
