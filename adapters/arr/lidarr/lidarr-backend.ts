/**
 * Lidarr as a MediaBackend for artists and albums. An artist is added whole (`POST /artist`);
 * an album goes through album-add.ts, since Lidarr holds every album of its artists, most of
 * them unmonitored: those are monitored and searched rather than reported as there.
 */
import { LIDARR_MONITOR_OPTIONS } from '../../../src/config/arr-env.js';
import { UpstreamError } from '../../../src/core/errors.js';
import type { AddOptions, AddResult, LibraryItem, MediaBackend } from '../../../src/core/ports.js';
import type { Candidate, MediaKind } from '../../../src/core/types.js';
import { addOrAlreadyPresent, isNotFound } from '../already-added.js';
import { Memo } from '../memo.js';
import { pickProfile } from '../pick-target.js';
import { namedIdsSchema, type RootFolder } from '../schemas.js';
import type { ServarrClient } from '../servarr-client.js';
import { LidarrAlbumAdder, type NewArtist } from './album-add.js';
import { albumToItem, albumWanted, artistToItem } from './map.js';
import { albumListSchema, albumSchema, artistListSchema, artistSchema, type Artist } from './schemas.js';

export interface LidarrSettings {
  qualityProfile?: string | undefined;
  metadataProfile?: string | undefined;
  rootFolder?: string | undefined;
  /** `addOptions.monitor` for new artists; unset: the root folder's default, else `all`. */
  monitor?: string | undefined;
  /** Ask Lidarr to search as soon as the artist or album is added. */
  searchOnAdd: boolean;
}

export interface LidarrBackendOptions {
  name: string;
  label: string;
  client: ServarrClient;
  settings: LidarrSettings;
}

interface Destination {
  qualityProfileId: number;
  metadataProfileId: number;
  rootFolderPath: string;
  rootFolder: RootFolder;
}

const MONITOR: ReadonlySet<string> = new Set(LIDARR_MONITOR_OPTIONS);
const NEW_ITEMS: ReadonlySet<string> = new Set(['all', 'none', 'new']);

export class LidarrBackend implements MediaBackend {
  readonly name: string;
  readonly label: string;
  readonly kinds = ['artist', 'album'] as const;
  private readonly client: ServarrClient;
  private readonly settings: LidarrSettings;
  private readonly metadataProfiles = new Memo<{ id: number; name?: string | null }[]>(10 * 60_000);
  private readonly albums: LidarrAlbumAdder;

  constructor(opts: LidarrBackendOptions) {
    this.name = opts.name;
    this.label = opts.label;
    this.client = opts.client;
    this.settings = opts.settings;
    this.albums = new LidarrAlbumAdder(opts.client, opts.settings.searchOnAdd, (c, mbArtist, signal) =>
      this.newArtist(c, mbArtist, signal),
    );
  }

  canAdd(c: Candidate): boolean {
    if (c.kind === 'artist') return Boolean(c.ids.mbArtist);
    return c.kind === 'album' && Boolean(c.ids.mbReleaseGroup && c.ids.mbArtist);
  }

  async find(c: Candidate, signal: AbortSignal): Promise<LibraryItem | null> {
    const http = this.client.http;
    if (c.kind === 'artist' && c.ids.mbArtist) {
      const mbId = c.ids.mbArtist;
      const found = (
        await http.json({ path: '/artist', query: { mbId }, schema: artistListSchema, signal })
      ).find((a) => a.foreignArtistId === mbId && (a.id ?? 0) > 0);
      return found?.id ? artistToItem(found, found.id) : null;
    }
    if (c.kind === 'album' && c.ids.mbReleaseGroup) {
      const foreignAlbumId = c.ids.mbReleaseGroup;
      const albums = await http.json({
        path: '/album',
        query: { foreignAlbumId },
        schema: albumListSchema,
        signal,
      });
      const found = albums.find((a) => a.foreignAlbumId === foreignAlbumId && (a.id ?? 0) > 0);
      // An unmonitored album without files is not "there": add() monitors and searches it.
      return found?.id && albumWanted(found) ? albumToItem(found, found.id) : null;
    }
    return null;
  }

  async add(c: Candidate, options: AddOptions, signal: AbortSignal): Promise<AddResult> {
    const artist = c.ids.mbArtist;
    const releaseGroup = c.ids.mbReleaseGroup;
    if (!artist || (c.kind === 'album' && !releaseGroup))
      throw this.refused(`"${c.title}" has no MusicBrainz id, which Lidarr needs`);
    if (c.kind === 'album' && releaseGroup) return this.albums.add(c, { artist, releaseGroup }, signal);
    return this.addArtist(c, artist, options, signal);
  }

  async status(itemId: number, kind: MediaKind, signal: AbortSignal): Promise<LibraryItem | null> {
    try {
      if (kind === 'album') {
        const album = await this.client.http.json({ path: `/album/${itemId}`, schema: albumSchema, signal });
        return albumToItem(album, itemId);
      }
      const artist = await this.client.http.json({ path: `/artist/${itemId}`, schema: artistSchema, signal });
      return artistToItem(artist, itemId);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  private async addArtist(
    c: Candidate,
    mbid: string,
    options: AddOptions,
    signal: AbortSignal,
  ): Promise<AddResult> {
    const [artist, dest] = await Promise.all([this.lookupArtist(mbid, signal), this.destination(signal)]);
    if ((artist.id ?? 0) > 0) return { outcome: 'already_present', itemId: artist.id, searching: false };
    const body = {
      foreignArtistId: mbid,
      artistName: artist.artistName,
      qualityProfileId: dest.qualityProfileId,
      metadataProfileId: dest.metadataProfileId,
      rootFolderPath: dest.rootFolderPath,
      monitored: true,
      monitorNewItems: pick(dest.rootFolder.defaultNewItemMonitorOption, NEW_ITEMS) ?? 'all',
      tags: [] as number[],
      addOptions: {
        monitor:
          pick(options.monitor, MONITOR) ??
          this.settings.monitor ??
          pick(dest.rootFolder.defaultMonitorOption, MONITOR) ??
          'all',
        searchForMissingAlbums: this.settings.searchOnAdd,
      },
    };
    return addOrAlreadyPresent(
      () => this.client.http.json({ method: 'POST', path: '/artist', body, schema: artistSchema, signal }),
      () => this.find(c, signal),
      this.settings.searchOnAdd,
    );
  }

  /** The new-artist part of an album's POST: its name, profiles and folder. */
  private async newArtist(c: Candidate, mbArtist: string, signal: AbortSignal): Promise<NewArtist> {
    const [artistName, dest] = await Promise.all([
      c.artistName ?? this.lookupArtist(mbArtist, signal).then((a) => a.artistName),
      this.destination(signal),
    ]);
    return {
      foreignArtistId: mbArtist,
      artistName,
      qualityProfileId: dest.qualityProfileId,
      metadataProfileId: dest.metadataProfileId,
      rootFolderPath: dest.rootFolderPath,
    };
  }

  /** `term=lidarr:<mbid>` looks the artist up by id (also `lidarrid:`, `mbid:`), via api.lidarr.audio. */
  private async lookupArtist(mbid: string, signal: AbortSignal): Promise<Artist> {
    const found = (
      await this.client.http.json({
        path: '/artist/lookup',
        query: { term: `lidarr:${mbid}` },
        schema: artistListSchema,
        signal,
      })
    ).find((a) => a.foreignArtistId === mbid);
    if (!found) throw this.refused(`Lidarr's metadata server does not know MusicBrainz artist ${mbid}`);
    return found;
  }

  /** Profiles and folder; Lidarr requires a metadata profile as well as a quality profile. */
  private async destination(signal: AbortSignal): Promise<Destination> {
    const s = this.settings;
    const [target, metadata] = await Promise.all([
      this.client.resolveTarget({ qualityProfile: s.qualityProfile, rootFolder: s.rootFolder }, signal),
      this.metadataProfiles.get(() =>
        this.client.http.json({ path: '/metadataprofile', schema: namedIdsSchema, signal }),
      ),
    ]);
    const fallback = target.rootFolder.defaultMetadataProfileId;
    const profile = pickProfile(
      this.client.service,
      'metadata profile',
      metadata,
      s.metadataProfile,
      fallback,
    );
    return { ...target, metadataProfileId: profile.id };
  }

  private refused(detail: string): UpstreamError {
    return new UpstreamError(this.client.service, 'rejected', `${this.client.service}: ${detail}`, {
      detail,
    });
  }
}

function pick(value: string | null | undefined, allowed: ReadonlySet<string>): string | undefined {
  return value && allowed.has(value) ? value : undefined;
}
