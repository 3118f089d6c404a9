/**
 * The MediaBackend port as a small library, answering like the adapters do (AddResult in
 * src/core/ports.ts): a work already there and wanted is `already_present`; an album Lidarr holds
 * unmonitored (it creates every album of its artists so) is monitored and `monitored`; anything
 * else is `added` under a new id. Every `add` call is recorded, since each is a POST upstream.
 * Failures are UpstreamErrors; `afterAdding` makes the add land and then lose its answer (a
 * proxy's 502 or a timeout after the *arr saved it).
 */
import type { UpstreamError } from '../../../src/core/errors.js';
import type { AddOptions, AddResult, LibraryItem, MediaBackend } from '../../../src/core/ports.js';
import type { Candidate, MediaKind } from '../../../src/core/types.js';

export interface FakeBackendOptions {
  name: string;
  label: string;
  kinds: readonly MediaKind[];
}

interface Held {
  id: number;
  title: string;
  kind: MediaKind;
  monitored: boolean;
  available: boolean;
}

interface Failure {
  op: 'find' | 'add' | 'status';
  error: UpstreamError;
  afterAdding: boolean;
}

type Work = Pick<Candidate, 'kind' | 'ids' | 'title'>;

/** RADARR_SEARCH_ON_ADD and its siblings, at their default (src/config/arr-env.ts). */
const SEARCH_ON_ADD = true;

/** The id each backend keys its library by (the one canAdd requires). */
function libraryKey(c: Pick<Candidate, 'kind' | 'ids'>): string | undefined {
  const { ids } = c;
  switch (c.kind) {
    // adapters/arr/radarr/radarr-backend.ts tmdbOf
    case 'movie':
      return ids.tmdb !== undefined ? `tmdb:${ids.tmdb}` : undefined;
    // adapters/arr/sonarr/sonarr-backend.ts: Sonarr adds by TVDB id
    case 'series':
      return ids.tvdb !== undefined ? `tvdb:${ids.tvdb}` : undefined;
    // adapters/arr/lidarr/lidarr-backend.ts canAdd
    case 'artist':
      return ids.mbArtist ? `mbartist:${ids.mbArtist}` : undefined;
    case 'album':
      return ids.mbReleaseGroup && ids.mbArtist ? `mbrg:${ids.mbReleaseGroup}` : undefined;
  }
}

/**
 * Radarr, Sonarr and Lidarr artists count whatever is in the library as there; an album only
 * when monitored or with files (adapters/arr/lidarr/map.ts albumWanted): Lidarr holds every album
 * of its artists, most unmonitored, and lidarr-backend.ts find does not count those.
 */
function wanted(h: Held): boolean {
  return h.kind !== 'album' || h.monitored || h.available;
}

export class FakeBackend implements MediaBackend {
  readonly name: string;
  readonly label: string;
  readonly kinds: readonly MediaKind[];
  /** Every add asked for, in order, whatever it answered. */
  readonly adds: { candidate: Candidate; options: AddOptions }[] = [];
  private readonly library = new Map<string, Held>();
  private readonly failures: Failure[] = [];
  private nextId = 1;

  constructor(opts: FakeBackendOptions) {
    this.name = opts.name;
    this.label = opts.label;
    this.kinds = opts.kinds;
  }

  /** Put a work in the library as someone else did; returns its id. */
  hold(work: Work, state: { monitored?: boolean; available?: boolean } = {}): number {
    const key = libraryKey(work);
    if (!key) throw new Error(`${work.title} has no id ${this.label} keys by`);
    const id = this.nextId++;
    this.library.set(key, {
      id,
      title: work.title,
      kind: work.kind,
      monitored: state.monitored ?? true,
      available: state.available ?? false,
    });
    return id;
  }

  /** The download finished: the item's media is on disk. */
  arrive(itemId: number): void {
    const held = [...this.library.values()].find((h) => h.id === itemId);
    if (!held) throw new Error(`${this.label} has no item ${itemId}`);
    held.available = true;
  }

  /** The next call of `op` throws `error` (after storing the work, for an add `afterAdding`). */
  failNext(
    op: Failure['op'],
    error: UpstreamError,
    opts: { afterAdding?: boolean; times?: number } = {},
  ): void {
    for (let i = 0; i < (opts.times ?? 1); i++)
      this.failures.push({ op, error, afterAdding: opts.afterAdding ?? false });
  }

  /** Works in the library, as (title, id). */
  get items(): { id: number; title: string; monitored: boolean }[] {
    return [...this.library.values()].map(({ id, title, monitored }) => ({ id, title, monitored }));
  }

  canAdd(candidate: Candidate): boolean {
    return this.kinds.includes(candidate.kind) && libraryKey(candidate) !== undefined;
  }

  async find(candidate: Candidate): Promise<LibraryItem | null> {
    this.throwIfScripted('find');
    const held = this.held(candidate);
    return held && wanted(held) ? this.item(held) : null;
  }

  async add(candidate: Candidate, options: AddOptions): Promise<AddResult> {
    this.adds.push({ candidate: structuredClone(candidate), options: structuredClone(options) });
    const failure = this.takeFailure('add');
    if (failure && !failure.afterAdding) throw failure.error;
    const result = this.store(candidate);
    if (failure) throw failure.error;
    return result;
  }

  async status(itemId: number): Promise<LibraryItem | null> {
    this.throwIfScripted('status');
    const held = [...this.library.values()].find((h) => h.id === itemId);
    return held ? this.item(held) : null;
  }

  private store(candidate: Candidate): AddResult {
    const existing = this.held(candidate);
    // The *arrs' "has already been added" (adapters/arr/already-added.ts), with the library id.
    if (existing && wanted(existing))
      return { outcome: 'already_present', itemId: existing.id, searching: false };
    // adapters/arr/lidarr/album-add.ts monitor (Lidarr src/NzbDrone.Core/ImportLists/ImportListSyncService.cs).
    if (existing) {
      existing.monitored = true;
      return { outcome: 'monitored', itemId: existing.id, searching: SEARCH_ON_ADD };
    }
    const id = this.hold(candidate);
    return { outcome: 'added', itemId: id, searching: SEARCH_ON_ADD };
  }

  private held(c: Pick<Candidate, 'kind' | 'ids'>): Held | undefined {
    const key = libraryKey(c);
    return key ? this.library.get(key) : undefined;
  }

  private item(h: Held): LibraryItem {
    return { id: h.id, title: h.title, available: h.available };
  }

  private takeFailure(op: Failure['op']): Failure | undefined {
    const i = this.failures.findIndex((f) => f.op === op);
    return i === -1 ? undefined : this.failures.splice(i, 1)[0];
  }

  private throwIfScripted(op: Failure['op']): void {
    const failure = this.takeFailure(op);
    if (failure) throw failure.error;
  }
}
