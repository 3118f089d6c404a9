/**
 * A fake Lidarr (v2, API v1) over test/fixtures/world.ts and lidarr-music.ts. Root folders
 * (aiopyarr.rootfolder) and the metadata profile (pyarr) are recorded; quality profiles are made
 * up from the spec. What the real server does that the fake copies (Lidarr/Lidarr src/,
 * NzbDrone.Core/ left out):
 * - `term=lidarr:<mbid>` (also `lidarrid:`, `mbid:`) looks an artist or album up by MBID, and a
 *   lookup of something in the library returns the library copy;
 * - `GET /artist?mbId=`, `GET /album?foreignAlbumId=` / `?artistId=` answer from the library; an
 *   album embeds its artist (Lidarr.Api.V1/Albums/AlbumResource.cs ToResource);
 * - POST /artist and /album are checked against the spec, then the controllers' rules
 *   (lidarr-rules.ts), and answer 201; then a background refresh puts every album of the artist
 *   the metadata profile allows in the library, and a scan applies the artist's `addOptions` and
 *   queues the searches they ask for (lidarr-library.ts);
 * - PUT /album/monitor and PUT /artist/editor answer 202; POST /command answers 201.
 */
import { artists as worldArtists, matchesQuery } from '../fixtures/world.js';
import type { FakeRequest, FakeResponse } from './fake-http.js';
import { LidarrLibrary, type LidarrCommand, type StoredAlbum, type StoredArtist } from './lidarr-library.js';
import { ALL_RELEASE_GROUPS, type MetadataProfile, type MonitoringOptions } from './lidarr-music.js';
import { LidarrRules } from './lidarr-rules.js';
import { albumShape, artistShape, commandShape, serverError, worldArtist } from './lidarr-shapes.js';
import { fixture, idTerm, type RootFolderFixture } from './servarr.js';

export type { LidarrCommand } from './lidarr-library.js';

export interface FakeLidarrOptions {
  apiKey: string;
  /** How long after an add the background refresh and scan run (default 40 ms). */
  refreshDelayMs?: number;
}

export const LIDARR_VERSION = '2.13.3.4711';

const MBID_PREFIXES = ['lidarr', 'lidarrid', 'mbid'];

/** Lidarr.Api.V1/Commands/CommandController.cs resolves the name among the Command classes. */
const COMMANDS = ['AlbumSearch', 'MissingAlbumSearch', 'ArtistSearch', 'RefreshArtist', 'RssSync'];

type Json = Record<string, unknown>;

export class FakeLidarr extends LidarrRules {
  readonly metadataProfiles: MetadataProfile[] = fixture('lidarr.metadataprofile.pyarr.json');
  private readonly db: LidarrLibrary;

  constructor(opts: FakeLidarrOptions) {
    super({
      app: 'lidarr',
      apiKey: opts.apiKey,
      apiPath: '/api/v1',
      appName: 'Lidarr',
      version: LIDARR_VERSION,
      qualityProfiles: fixture('lidarr.qualityprofile.synthetic.json'),
      rootFolders: fixture<RootFolderFixture[]>('lidarr.rootfolder.aiopyarr.json'),
    });
    this.db = new LidarrLibrary({
      metadataProfiles: this.metadataProfiles,
      defaultRoot: this.rootFolders[0]!.path,
      nextArtistId: () => this.nextId(),
    });
    this.refreshDelayMs = opts.refreshDelayMs ?? 40;
    const api = this.api;
    const ok = (body: unknown): FakeResponse => ({ status: 200, body });
    this.route('GET', `${api}/metadataprofile`, () => ok(this.metadataProfiles));
    this.route('GET', `${api}/artist/lookup`, (r) => ok(this.lookupArtists(r.query.term ?? '')));
    this.route('GET', `${api}/album/lookup`, (r) => ok(this.lookupAlbums(r.query.term ?? '')));
    this.route('GET', `${api}/artist`, (r) => ok(this.db.listArtists(r.query.mbId)));
    this.route('GET', `${api}/album`, (r) => ok(this.db.listAlbums(r.query)));
    this.route('GET', `${api}/artist/:id`, (r) => this.getArtist(Number(r.params.id)));
    this.route('GET', `${api}/album/:id`, (r) => this.getAlbum(Number(r.params.id)));
    this.route('POST', `${api}/artist`, (r) => this.postArtist(r));
    this.route('POST', `${api}/album`, (r) => this.postAlbum(r));
    this.route('PUT', `${api}/album/monitor`, (r) => this.putAlbumMonitor(r));
    this.route('PUT', `${api}/artist/editor`, (r) => this.putArtistEditor(r));
    this.route('POST', `${api}/command`, (r) => this.command(r));
  }

  /** How long after an add the background refresh and scan run. */
  set refreshDelayMs(ms: number) {
    this.db.refreshDelayMs = ms;
  }

  /** POST /command bodies and the searches Lidarr queued itself, with what each one covers. */
  get commands(): LidarrCommand[] {
    return this.db.commands;
  }

  /**
   * A world artist as it is once Lidarr has added, refreshed and scanned it with these add
   * options (default: monitor all); returns its id.
   */
  addToLibrary(kind: 'artist', mbid: string, opts?: MonitoringOptions & { monitorNewItems?: string }): number;
  /** A world album added by POST /album with its new artist, only that album monitored; returns its id. */
  addToLibrary(kind: 'album', mbid: string): number;
  addToLibrary(kind: 'artist' | 'album', mbid: string, opts: Json = {}): number {
    if (kind === 'artist') {
      const { monitorNewItems, ...addOptions } = opts;
      const id = this.db.storeArtist(
        this.defaults({ monitor: 'all', ...addOptions }, monitorNewItems ?? 'all'),
        worldArtist(mbid),
      );
      this.db.refreshAndScan(id);
      return id;
    }
    const w = ALL_RELEASE_GROUPS.find((a) => a.mbid === mbid);
    if (!w) throw new Error(`no world album ${mbid}`);
    const body = this.defaults({ monitor: 'all', albumsToMonitor: [mbid] }, 'none');
    const artistId = this.db.storeArtist(body, worldArtist(w.artistMbid));
    const id = this.db.storeAlbum(w, artistId, { monitored: true, manual: true, searchForNewAlbum: false });
    this.db.refreshAndScan(artistId);
    return id;
  }

  /** Someone just added this artist in Lidarr's UI: its refresh and scan run after `refreshDelayMs`. */
  addPending(mbid: string, addOptions: MonitoringOptions, monitorNewItems = 'all'): number {
    const id = this.db.storeArtist(this.defaults(addOptions, monitorNewItems), worldArtist(mbid));
    this.db.schedule(id);
    return id;
  }

  /** Track files arrive for one album, or for every monitored album of an artist. */
  setHasFile(kind: 'artist' | 'album', id: number, tracks = 10): void {
    if (kind === 'artist' && !this.db.artists.has(id)) throw new Error(`no artist ${id}`);
    const albums =
      kind === 'album' ? [this.db.albums.get(id)] : this.db.albumsOf(id).filter((a) => a.monitored);
    for (const a of albums) {
      if (!a) throw new Error(`no album ${id}`);
      a.trackFiles = tracks;
    }
  }

  /** An artist's albums in the library, as GET /album?artistId= lists them. */
  albumsByArtist(mbid: string): Json[] {
    const artist = this.db.artistByMbid(mbid);
    if (!artist) return [];
    return this.db.albumsOf(artist.resource.id as number).map((a) => this.db.albumResource(a));
  }

  /** The artist as GET /artist/{id} shows it. */
  artist(mbid: string): Json | undefined {
    const a = this.db.artistByMbid(mbid);
    return a && this.db.artistResource(a);
  }

  /** Wait until every background refresh and scan queued so far has run. */
  async settle(): Promise<void> {
    await this.db.settle();
  }

  override async close(): Promise<void> {
    this.db.stop();
    await super.close();
  }

  protected albumExists(foreignAlbumId: string): boolean {
    return this.db.albumByMbid(foreignAlbumId) !== undefined;
  }

  protected artistExists(mbid: string): boolean {
    return this.db.artistByMbid(mbid) !== undefined;
  }

  protected metadataProfileExists(id: unknown): boolean {
    return this.metadataProfiles.some((p) => p.id === id);
  }

  private defaults(addOptions: object, monitorNewItems: unknown): Json {
    const root = this.rootFolders[0]!.path;
    return {
      qualityProfileId: 1,
      metadataProfileId: 1,
      rootFolderPath: root,
      monitored: true,
      monitorNewItems,
      addOptions,
    };
  }

  private lookupArtists(term: string): Json[] {
    const id = idTerm(term, MBID_PREFIXES);
    const found =
      id !== undefined
        ? worldArtists.filter((a) => a.mbid === id)
        : worldArtists.filter((a) => matchesQuery(a.name, term));
    return found.map((w) => {
      const stored = this.db.artistByMbid(w.mbid);
      return stored ? this.db.artistResource(stored) : artistShape(w);
    });
  }

  private lookupAlbums(term: string): Json[] {
    const id = idTerm(term, MBID_PREFIXES);
    const found =
      id !== undefined
        ? ALL_RELEASE_GROUPS.filter((a) => a.mbid === id)
        : ALL_RELEASE_GROUPS.filter((a) => matchesQuery(a.title, term));
    return found.map((w) => {
      const stored = this.db.albumByMbid(w.mbid);
      return stored ? this.db.albumResource(stored) : albumShape(w);
    });
  }

  private getArtist(id: number): FakeResponse {
    const a = this.db.artists.get(id);
    return a
      ? { status: 200, body: this.db.artistResource(a) }
      : this.notFound(`Artist with ID ${id} does not exist`);
  }

  private getAlbum(id: number): FakeResponse {
    const a = this.db.albums.get(id);
    return a
      ? { status: 200, body: this.db.albumResource(a) }
      : this.notFound(`Album with ID ${id} does not exist`);
  }

  private postArtist(req: FakeRequest): FakeResponse {
    const bad = this.checkBody(req, 'ArtistResource') ?? this.artistPostRules(req);
    if (bad) return bad;
    const b = req.body as Json;
    const w = worldArtists.find((a) => a.mbid === b.foreignArtistId);
    if (!w) return this.unknownToMetadataServer(req, 'artist', b.foreignArtistId);
    const id = this.db.storeArtist(b, w);
    this.db.schedule(id);
    return this.logged(req, { status: 201, body: this.db.artistResource(this.db.artists.get(id)!) });
  }

  /**
   * Music/Services/AddAlbumService.cs: the artist is the one the metadata credits (the posted
   * artist's id is overwritten), created from the posted artist when not in the library; when
   * that new artist searches for missing albums, the album's own search is turned off.
   */
  private postAlbum(req: FakeRequest): FakeResponse {
    const bad = this.checkBody(req, 'AlbumResource') ?? this.albumPostRules(req);
    if (bad) return bad;
    const b = req.body as Json;
    const w = ALL_RELEASE_GROUPS.find((a) => a.mbid === b.foreignAlbumId);
    if (!w) return this.unknownToMetadataServer(req, 'album', b.foreignAlbumId);
    const posted = (b.artist ?? {}) as Json;
    const existing = this.db.artistByMbid(w.artistMbid);
    const artistId = existing
      ? (existing.resource.id as number)
      : this.db.storeArtist(posted, worldArtist(w.artistMbid));
    const artistSearches =
      !existing && (posted.addOptions as Json | undefined)?.searchForMissingAlbums === true;
    const searchForNewAlbum =
      !artistSearches && (b.addOptions as Json | undefined)?.searchForNewAlbum === true;
    const id = this.db.storeAlbum(w, artistId, {
      monitored: b.monitored === true,
      manual: true,
      searchForNewAlbum,
    });
    this.db.schedule(artistId);
    return this.logged(req, { status: 201, body: this.db.albumResource(this.db.albums.get(id)!) });
  }

  /** Lidarr.Api.V1/Albums/AlbumController.cs SetAlbumsMonitored: set, then read back (BasicRepository.Get). */
  private putAlbumMonitor(req: FakeRequest): FakeResponse {
    const bad = this.checkBody(req, 'AlbumsMonitoredResource');
    if (bad) return bad;
    const b = req.body as { albumIds?: number[] | null; monitored?: boolean };
    const ids = b.albumIds ?? [];
    const found = ids.map((id) => this.db.albums.get(id)).filter((a): a is StoredAlbum => a !== undefined);
    for (const a of found) a.monitored = b.monitored === true;
    if (found.length !== ids.length) return this.logged(req, rowsError(ids.length, found.length));
    return this.logged(req, { status: 202, body: found.map((a) => this.db.albumResource(a)) });
  }

  /** Lidarr.Api.V1/Artist/ArtistEditorController.cs SaveAll: only the fields sent change. */
  private putArtistEditor(req: FakeRequest): FakeResponse {
    const bad = this.checkBody(req, 'ArtistEditorResource');
    if (bad) return bad;
    const b = req.body as Json;
    const ids = (b.artistIds ?? []) as number[];
    const found = ids.map((id) => this.db.artists.get(id)).filter((a): a is StoredArtist => a !== undefined);
    if (found.length !== ids.length) return this.logged(req, rowsError(ids.length, found.length));
    for (const a of found) {
      if (typeof b.monitored === 'boolean') a.resource.monitored = b.monitored;
      if (typeof b.monitorNewItems === 'string') a.resource.monitorNewItems = b.monitorNewItems;
    }
    return this.logged(req, { status: 202, body: found.map((a) => this.db.artistResource(a)) });
  }

  /** A command's body is read as its Command class; an unknown name is an exception (500). */
  private command(req: FakeRequest): FakeResponse {
    const b = (req.body ?? {}) as Json;
    const blank = this.commandNameRule(b.name);
    if (blank) return this.logged(req, blank);
    const name = COMMANDS.find((c) => c.toLowerCase() === String(b.name).toLowerCase());
    if (!name) {
      return this.logged(
        req,
        serverError('System.InvalidOperationException', 'Sequence contains no matching element'),
      );
    }
    this.db.commands.push(this.db.apiCommand(name, b));
    return this.logged(req, { status: 201, body: commandShape(this.db.commands.length, name, b) });
  }
}

/** Datastore/BasicRepository.cs Get(ids): an id that is not there throws. */
function rowsError(wanted: number, got: number): FakeResponse {
  return serverError(
    'System.ApplicationException',
    `Expected query to return ${wanted} rows but returned ${got}`,
  );
}

export async function startFakeLidarr(opts: FakeLidarrOptions): Promise<FakeLidarr> {
  return new FakeLidarr(opts).start();
}
