/**
 * The fake Lidarr's database: artists and albums, the background refresh and scan that follow an
 * add, and the searches Lidarr queues. Paths name files in Lidarr/Lidarr's src/, NzbDrone.Core/ left out.
 */
import type { WorldAlbum, WorldArtist } from '../fixtures/world.js';
import {
  applyMonitoring,
  discography,
  inProfile,
  missingAlbums,
  monitorNew,
  releaseDate,
  type AlbumState,
  type MetadataProfile,
  type MonitoringOptions,
} from './lidarr-music.js';
import { albumShape, albumStatistics, artistShape } from './lidarr-shapes.js';

type Json = Record<string, unknown>;

export interface StoredArtist {
  /** ArtistResource fields; `addOptions` only until the post-add scan has applied them. */
  resource: Json;
  world: WorldArtist;
}

export interface StoredAlbum extends AlbumState {
  world: WorldAlbum;
  artistId: number;
  /** Music/Services/AddAlbumService.cs: added through POST /album, so a refresh never deletes it. */
  manual: boolean;
  searchForNewAlbum: boolean;
}

export interface LidarrCommand {
  body: Json;
  status: 'queued' | 'failed';
  /** `api` for POST /command, `lidarr` for a search Lidarr queued itself after a scan. */
  trigger: 'api' | 'lidarr';
  /** Albums the search can grab (automatic searches skip unmonitored ones: DecisionEngine). */
  searched: number[];
}

export class LidarrLibrary {
  readonly artists = new Map<number, StoredArtist>();
  readonly albums = new Map<number, StoredAlbum>();
  /** POST /command bodies and the searches Lidarr queued itself, with what each one covers. */
  readonly commands: LidarrCommand[] = [];
  /** How long after an add the background refresh and scan run. */
  refreshDelayMs = 40;
  private albumIds = 0;
  private readonly pending = new Map<number, { timer: NodeJS.Timeout; done: Promise<void> }>();

  constructor(
    private readonly opts: {
      metadataProfiles: MetadataProfile[];
      defaultRoot: string;
      /** Artist ids; Lidarr numbers albums separately. */
      nextArtistId: () => number;
    },
  ) {}

  artistByMbid(mbid: string): StoredArtist | undefined {
    return [...this.artists.values()].find((a) => a.world.mbid === mbid);
  }

  albumByMbid(mbid: string): StoredAlbum | undefined {
    return [...this.albums.values()].find((a) => a.foreignAlbumId === mbid);
  }

  albumsOf(artistId: number): StoredAlbum[] {
    return [...this.albums.values()].filter((a) => a.artistId === artistId);
  }

  storeArtist(b: Json, w: WorldArtist): number {
    const id = this.opts.nextArtistId();
    const root = String(b.rootFolderPath ?? this.opts.defaultRoot).replace(/\/+$/, '');
    const addOptions = b.addOptions as MonitoringOptions | undefined;
    this.artists.set(id, {
      world: w,
      resource: {
        ...artistShape(w),
        id,
        path: `${root}/${w.name}`,
        rootFolderPath: `${root}/`,
        qualityProfileId: b.qualityProfileId,
        metadataProfileId: b.metadataProfileId,
        // Music/Services/AddArtistService.cs: monitor "none" unmonitors the artist itself.
        monitored: b.monitored === true && addOptions?.monitor !== 'none',
        monitorNewItems: b.monitorNewItems ?? 'all',
        tags: b.tags ?? [],
        added: new Date().toISOString(),
        ...(addOptions ? { addOptions } : {}),
      },
    });
    return id;
  }

  storeAlbum(
    w: WorldAlbum,
    artistId: number,
    flags: { monitored: boolean; manual: boolean; searchForNewAlbum: boolean },
  ): number {
    this.albumIds += 1;
    const id = this.albumIds;
    const state = { id, foreignAlbumId: w.mbid, releaseDate: releaseDate(w), trackFiles: 0 };
    this.albums.set(id, { ...state, world: w, artistId, ...flags });
    return id;
  }

  /** Music/Handlers/ArtistAddedHandler.cs, AlbumAddedHandler.cs: a refresh queued, the scan after it. */
  schedule(artistId: number): void {
    if (this.pending.has(artistId)) return;
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.refreshAndScan(artistId);
        resolve();
      }, this.refreshDelayMs);
    });
    this.pending.set(artistId, { timer: timer!, done });
  }

  async settle(): Promise<void> {
    await Promise.all([...this.pending.values()].map((p) => p.done));
  }

  stop(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  /**
   * Music/Services/RefreshArtistService.cs, then Music/Handlers/ArtistScannedHandler.cs: albums
   * the profile allows are added (monitored by monitorNewItems, MonitorNewAlbumService.cs), albums
   * the metadata no longer lists go unless added by hand or with files (RefreshAlbumService.cs
   * ShouldDelete); then addOptions are applied (AlbumMonitoredService.cs) and removed.
   */
  refreshAndScan(artistId: number): void {
    const p = this.pending.get(artistId);
    if (p) clearTimeout(p.timer);
    this.pending.delete(artistId);
    const artist = this.artists.get(artistId);
    if (!artist) return;
    const r = artist.resource;
    const profiles = this.opts.metadataProfiles;
    const profile = profiles.find((m) => m.id === r.metadataProfileId) ?? profiles[0]!;
    const remote = discography(artist.world.mbid).filter((w) => inProfile(w, profile));
    const local = this.albumsOf(artistId);
    for (const a of local) {
      const listed = remote.some((w) => w.mbid === a.foreignAlbumId);
      if (!listed && !a.manual && a.trackFiles === 0) this.albums.delete(a.id);
    }
    for (const w of remote.filter((x) => !local.some((a) => a.foreignAlbumId === x.mbid))) {
      const monitored = monitorNew(releaseDate(w), local, r.monitorNewItems);
      this.storeAlbum(w, artistId, { monitored, manual: false, searchForNewAlbum: false });
    }
    const options = r.addOptions as MonitoringOptions | undefined;
    const albums = this.albumsOf(artistId);
    if (options) {
      applyMonitoring(albums, options);
      if (options.searchForMissingAlbums === true) {
        this.queued('MissingAlbumSearch', { artistId }, this.missingOf(artistId));
      }
      delete r.addOptions;
      return;
    }
    // Music/Services/AlbumAddedService.cs SearchForRecentlyAdded: albums added with a search asked for.
    const flagged = albums.filter((a) => a.searchForNewAlbum);
    for (const a of flagged) a.searchForNewAlbum = false;
    if (flagged.length === 0) return;
    const grabbable = flagged.filter((a) => a.monitored && r.monitored === true).map((a) => a.id);
    this.queued('AlbumSearch', { albumIds: flagged.map((a) => a.id) }, grabbable);
  }

  /** GET /artist, optionally `?mbId=`. */
  listArtists(mbId: string | undefined): Json[] {
    const all = [...this.artists.values()];
    return all.filter((a) => mbId === undefined || a.world.mbid === mbId).map((a) => this.artistResource(a));
  }

  /** GET /album: `?foreignAlbumId=`, else `?artistId=`, else all (Lidarr.Api.V1/Albums/AlbumController.cs). */
  listAlbums(q: Record<string, string>): Json[] {
    const all = [...this.albums.values()];
    const chosen =
      q.foreignAlbumId !== undefined
        ? all.filter((a) => a.foreignAlbumId === q.foreignAlbumId)
        : q.artistId !== undefined
          ? all.filter((a) => a.artistId === Number(q.artistId))
          : all;
    return chosen.map((a) => this.albumResource(a));
  }

  /**
   * A command someone posted, with what it searches (IndexerSearch/AlbumSearchService.cs): an
   * AlbumSearch someone asked for ignores monitoring; one naming an album that is not there fails.
   */
  apiCommand(name: string, body: Json): LidarrCommand {
    let searched: number[] = [];
    let ok = true;
    if (name === 'AlbumSearch') {
      const ids = Array.isArray(body.albumIds) ? (body.albumIds as number[]) : [];
      searched = ids.filter((id) => this.albums.has(id));
      ok = ids.length > 0 && searched.length === ids.length;
    } else if (name === 'MissingAlbumSearch') {
      searched = this.missingOf(typeof body.artistId === 'number' ? body.artistId : undefined);
    }
    return { body, status: ok ? 'queued' : 'failed', trigger: 'api', searched };
  }

  /** IndexerSearch/AlbumSearchService.cs Execute(MissingAlbumSearchCommand), for one artist or all. */
  missingOf(artistId: number | undefined): number[] {
    const artists = artistId === undefined ? [...this.artists.keys()] : [artistId];
    return artists.flatMap((id) =>
      missingAlbums(this.albumsOf(id), this.artists.get(id)?.resource.monitored === true),
    );
  }

  artistResource(a: StoredArtist): Json {
    const albums = this.albumsOf(a.resource.id as number);
    const files = albums.reduce((n, x) => n + x.trackFiles, 0);
    const tracks = albums.length * 10;
    return {
      ...a.resource,
      statistics: {
        albumCount: albums.length,
        trackFileCount: files,
        trackCount: tracks,
        totalTrackCount: tracks,
        sizeOnDisk: files * 30_000_000,
        percentOfTracks: tracks === 0 ? 0 : (files / tracks) * 100,
      },
    };
  }

  /** Lidarr.Api.V1/Albums/AlbumResource.cs ToResource embeds the artist (without statistics). */
  albumResource(a: StoredAlbum): Json {
    const artist = this.artists.get(a.artistId);
    const { statistics: _s, ...embedded } = artist ? this.artistResource(artist) : {};
    return {
      ...albumShape(a.world),
      id: a.id,
      artistId: a.artistId,
      monitored: a.monitored,
      profileId: artist?.resource.qualityProfileId ?? 0,
      statistics: albumStatistics(a.trackFiles),
      artist: embedded,
    };
  }

  private queued(name: string, body: Json, searched: number[]): void {
    this.commands.push({ body: { name, ...body }, status: 'queued', trigger: 'lidarr', searched });
  }
}
