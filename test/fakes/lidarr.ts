/**
 * A fake Lidarr (v2, API v1) over test/fixtures/world.ts. No real artist or album lookup with a
 * known licence was found (the saved ones are placeholders), so lookup results follow the spec's
 * ArtistResource/AlbumResource with the placeholders' key set; root folders
 * (aiopyarr.rootfolder: defaultQualityProfileId, defaultMetadataProfileId, defaultMonitorOption)
 * and the metadata profile (pyarr) are recorded; quality profiles are made up from the spec.
 * What the real server does that the fake copies:
 * - `term=lidarr:<mbid>` (also `lidarrid:`, `mbid:`) looks an artist or album up by MBID;
 * - `GET /artist?mbId=` and `GET /album?foreignAlbumId=` answer from the library: `[]` or `[x]`;
 * - POST /artist and /album are checked against the spec, then the server's rules (name and MBID
 *   set, not already added, quality AND metadata profile exist, root folder exists), answer 201;
 *   adding an album whose artist is missing creates the artist (AddAlbumService).
 */
import {
  albums as worldAlbums,
  artists as worldArtists,
  matchesQuery,
  type WorldAlbum,
  type WorldArtist,
} from '../fixtures/world.js';
import type { FakeRequest, FakeResponse } from './fake-http.js';
import {
  FakeServarr,
  failure,
  fixture,
  idTerm,
  notEmpty,
  type RootFolderFixture,
  type ValidationFailure,
} from './servarr.js';

export interface FakeLidarrOptions {
  apiKey: string;
}

export const LIDARR_VERSION = '2.13.3.4711';

const MBID_PREFIXES = ['lidarr', 'lidarrid', 'mbid'];

type Json = Record<string, unknown>;

export class FakeLidarr extends FakeServarr {
  readonly metadataProfiles: { id: number; name: string }[] = fixture('lidarr.metadataprofile.pyarr.json');
  private readonly artists = new Map<number, Json>();
  private readonly albums = new Map<number, Json>();
  private albumIds = 0;

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
    const api = this.api;
    this.route('GET', `${api}/metadataprofile`, () => ({ status: 200, body: this.metadataProfiles }));
    this.route('GET', `${api}/artist/lookup`, (r) => ({
      status: 200,
      body: this.lookupArtists(r.query.term ?? ''),
    }));
    this.route('GET', `${api}/album/lookup`, (r) => ({
      status: 200,
      body: this.lookupAlbums(r.query.term ?? ''),
    }));
    this.route('GET', `${api}/artist`, (r) => ({
      status: 200,
      body: filterBy(this.artists, 'foreignArtistId', r.query.mbId),
    }));
    this.route('GET', `${api}/album`, (r) => ({
      status: 200,
      body: filterBy(this.albums, 'foreignAlbumId', r.query.foreignAlbumId),
    }));
    this.route('GET', `${api}/artist/:id`, (r) => this.get(this.artists, 'Artist', Number(r.params.id)));
    this.route('GET', `${api}/album/:id`, (r) => this.get(this.albums, 'Album', Number(r.params.id)));
    this.route('POST', `${api}/artist`, (r) => this.postArtist(r));
    this.route('POST', `${api}/album`, (r) => this.postAlbum(r));
  }

  /** Put a world artist (or album, with its artist) in the library; returns its id. */
  addToLibrary(kind: 'artist' | 'album', mbid: string): number {
    const defaults = { qualityProfileId: 1, metadataProfileId: 1, rootFolderPath: this.rootFolders[0]!.path };
    if (kind === 'artist') return this.storeArtist({ foreignArtistId: mbid, ...defaults }, worldArtist(mbid));
    const w = worldAlbums.find((a) => a.mbid === mbid);
    if (!w) throw new Error(`no world album ${mbid}`);
    return this.storeAlbum(
      { foreignAlbumId: mbid, artist: { foreignArtistId: w.artistMbid, ...defaults } },
      w,
    );
  }

  /** Track files arrive for an artist (all its albums) or one album. */
  setHasFile(kind: 'artist' | 'album', id: number, tracks = 10): void {
    const target = (kind === 'artist' ? this.artists : this.albums).get(id);
    if (!target) throw new Error(`no ${kind} ${id}`);
    (target.statistics as Json).trackFileCount = tracks;
    if (kind === 'album') {
      const artist = this.artists.get(target.artistId as number);
      if (artist) (artist.statistics as Json).trackFileCount = tracks;
    }
  }

  private lookupArtists(term: string): Json[] {
    const id = idTerm(term, MBID_PREFIXES);
    const found =
      id !== undefined
        ? worldArtists.filter((a) => a.mbid === id)
        : worldArtists.filter((a) => matchesQuery(a.name, term));
    return found.map((w) => this.artistInLibrary(w.mbid) ?? artistShape(w));
  }

  private lookupAlbums(term: string): Json[] {
    const id = idTerm(term, MBID_PREFIXES);
    const found =
      id !== undefined
        ? worldAlbums.filter((a) => a.mbid === id)
        : worldAlbums.filter((a) => matchesQuery(a.title, term));
    return found.map((w) => this.albumInLibrary(w.mbid) ?? albumShape(w));
  }

  private artistInLibrary(mbid: string): Json | undefined {
    return [...this.artists.values()].find((a) => a.foreignArtistId === mbid);
  }

  private albumInLibrary(mbid: string): Json | undefined {
    return [...this.albums.values()].find((a) => a.foreignAlbumId === mbid);
  }

  private get(map: Map<number, Json>, what: string, id: number): FakeResponse {
    const item = map.get(id);
    return item ? { status: 200, body: item } : this.notFound(`${what} with ID ${id} does not exist`);
  }

  private postArtist(req: FakeRequest): FakeResponse {
    const bad = this.checkBody(req, 'ArtistResource');
    if (bad) return bad;
    const b = req.body as Json;
    const failures = this.artistRules(b, '');
    const exists = typeof b.foreignArtistId === 'string' && this.artistInLibrary(b.foreignArtistId);
    if (exists)
      failures.push(
        failure(
          'ForeignArtistId',
          'This artist has already been added.',
          b.foreignArtistId,
          'ArtistExistsValidator',
        ),
      );
    if (failures.some(Boolean)) return this.logged(req, this.invalid(failures));
    const w = worldArtists.find((a) => a.mbid === b.foreignArtistId);
    if (!w)
      return this.logged(
        req,
        this.invalid([
          failure(
            'ForeignArtistId',
            'An artist with this ID was not found.',
            b.foreignArtistId,
            'ArtistNotFound',
          ),
        ]),
      );
    const id = this.storeArtist(b, w);
    return this.logged(req, { status: 201, body: this.artists.get(id) });
  }

  private postAlbum(req: FakeRequest): FakeResponse {
    const bad = this.checkBody(req, 'AlbumResource');
    if (bad) return bad;
    const b = req.body as Json;
    const artist = (b.artist ?? {}) as Json;
    const failures: (ValidationFailure | undefined)[] = [
      notEmpty('ForeignAlbumId', 'Foreign Album Id', b.foreignAlbumId),
    ];
    if (typeof b.foreignAlbumId === 'string' && this.albumInLibrary(b.foreignAlbumId)) {
      failures.push(
        failure(
          'ForeignAlbumId',
          'This album has already been added.',
          b.foreignAlbumId,
          'AlbumExistsValidator',
        ),
      );
    }
    // The artist is validated as a new artist only when Lidarr has to create it.
    const known = typeof artist.foreignArtistId === 'string' && this.artistInLibrary(artist.foreignArtistId);
    if (!known) failures.push(...this.artistRules(artist, 'Artist.'));
    if (failures.some(Boolean)) return this.logged(req, this.invalid(failures));
    const w = worldAlbums.find((a) => a.mbid === b.foreignAlbumId);
    if (!w || w.artistMbid !== artist.foreignArtistId) {
      return this.logged(
        req,
        this.invalid([
          failure(
            'ForeignAlbumId',
            'An album with this ID was not found.',
            b.foreignAlbumId,
            'AlbumNotFound',
          ),
        ]),
      );
    }
    const id = this.storeAlbum(b, w);
    return this.logged(req, { status: 201, body: this.albums.get(id) });
  }

  /** ArtistController's rules: name and MBID set, both profiles valid and existing, root folder exists. */
  private artistRules(a: Json, prefix: string): (ValidationFailure | undefined)[] {
    const meta = a.metadataProfileId;
    return [
      notEmpty(`${prefix}ArtistName`, 'Artist Name', a.artistName),
      notEmpty(`${prefix}ForeignArtistId`, 'Foreign Artist Id', a.foreignArtistId),
      this.qualityProfileRule(`${prefix}QualityProfileId`, a.qualityProfileId),
      meta === undefined || meta === 0
        ? failure(
            `${prefix}MetadataProfileId`,
            "'Metadata Profile Id' must not be equal to '0'.",
            meta ?? 0,
            'NotEqualValidator',
          )
        : this.metadataProfiles.some((p) => p.id === meta)
          ? undefined
          : failure(
              `${prefix}MetadataProfileId`,
              'Metadata Profile does not exist',
              meta,
              'MetadataProfileExistsValidator',
            ),
      a.path ? undefined : this.rootFolderRule(`${prefix}RootFolderPath`, a.rootFolderPath),
    ];
  }

  private storeArtist(b: Json, w: WorldArtist): number {
    const existing = this.artistInLibrary(w.mbid);
    if (existing) return existing.id as number;
    const id = this.nextId();
    const root = String(b.rootFolderPath ?? this.rootFolders[0]!.path).replace(/\/+$/, '');
    this.artists.set(id, {
      ...artistShape(w),
      id,
      path: `${root}/${w.name}`,
      rootFolderPath: `${root}/`,
      qualityProfileId: b.qualityProfileId,
      metadataProfileId: b.metadataProfileId,
      monitored: b.monitored ?? true,
      monitorNewItems: b.monitorNewItems ?? 'all',
      tags: b.tags ?? [],
      added: new Date().toISOString(),
      ...(b.addOptions ? { addOptions: b.addOptions } : {}),
      statistics: {
        albumCount: 0,
        trackFileCount: 0,
        trackCount: 0,
        totalTrackCount: 0,
        sizeOnDisk: 0,
        percentOfTracks: 0,
      },
    });
    return id;
  }

  private storeAlbum(b: Json, w: WorldAlbum): number {
    const artistBody = (b.artist ?? {}) as Json;
    const artistId = this.storeArtist(artistBody, worldArtist(w.artistMbid));
    this.albumIds += 1;
    const id = this.albumIds;
    this.albums.set(id, {
      ...albumShape(w),
      id,
      artistId,
      monitored: b.monitored ?? true,
      ...(b.addOptions ? { addOptions: b.addOptions } : {}),
      artist: this.artists.get(artistId),
      statistics: {
        trackFileCount: 0,
        trackCount: 10,
        totalTrackCount: 10,
        sizeOnDisk: 0,
        percentOfTracks: 0,
      },
    });
    return id;
  }
}

function worldArtist(mbid: string): WorldArtist {
  const w = worldArtists.find((a) => a.mbid === mbid);
  if (!w) throw new Error(`no world artist ${mbid}`);
  return w;
}

function filterBy(map: Map<number, Json>, key: string, value: string | undefined): Json[] {
  const all = [...map.values()];
  return value === undefined ? all : all.filter((x) => x[key] === value);
}

/** An artist lookup result: the spec's ArtistResource fields, with the placeholders' lookup values. */
export function artistShape(w: WorldArtist): Json {
  const poster = `https://assets.fanart.tv/fanart/music/${w.mbid}/artistthumb/1.jpg`;
  return {
    status: 'continuing',
    ended: false,
    artistName: w.name,
    foreignArtistId: w.mbid,
    tadbId: 0,
    discogsId: 0,
    overview: w.disambiguation ?? '',
    artistType: w.type,
    disambiguation: w.disambiguation ?? '',
    links: [{ url: `https://musicbrainz.org/artist/${w.mbid}`, name: 'musicbrainz' }],
    images: [{ url: poster, coverType: 'poster', extension: '.jpg', remoteUrl: poster }],
    remotePoster: poster,
    qualityProfileId: 0,
    metadataProfileId: 0,
    monitored: false,
    monitorNewItems: 'all',
    genres: [],
    tags: [],
    added: '0001-01-01T00:01:00Z',
    ratings: { votes: (w.spotifyPopularity ?? 0) * 10, value: 8 },
    statistics: {
      albumCount: 0,
      trackFileCount: 0,
      trackCount: 0,
      totalTrackCount: 0,
      sizeOnDisk: 0,
      percentOfTracks: 0,
    },
  };
}

/** An album lookup result (aiopyarr.album-lookup's shape, secondary types as the spec's strings), with its artist. */
export function albumShape(w: WorldAlbum): Json {
  const cover = `https://coverartarchive.org/release-group/${w.mbid}/front.jpg`;
  const date = w.firstReleaseDate.length === 4 ? `${w.firstReleaseDate}-01-01` : w.firstReleaseDate;
  return {
    title: w.title,
    disambiguation: '',
    overview: '',
    artistId: 0,
    foreignAlbumId: w.mbid,
    monitored: false,
    anyReleaseOk: true,
    profileId: 0,
    duration: 0,
    albumType: w.primaryType,
    secondaryTypes: w.secondaryTypes,
    mediumCount: 1,
    ratings: { votes: w.releases * 10, value: 8 },
    releaseDate: `${date}T00:00:00Z`,
    releases: [],
    genres: [],
    media: [],
    artist: artistShape(worldArtist(w.artistMbid)),
    images: [{ url: cover, coverType: 'cover', extension: '.jpg', remoteUrl: cover }],
    links: [],
    remoteCover: cover,
  };
}

export async function startFakeLidarr(opts: FakeLidarrOptions): Promise<FakeLidarr> {
  return new FakeLidarr(opts).start();
}
