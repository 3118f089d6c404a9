/**
 * One album to Lidarr, the way Lidarr's own import lists add one
 * (src/NzbDrone.Core/ImportLists/ImportListSyncService.cs ProcessAlbumReport):
 * - in Lidarr's database already (every album of an artist in Lidarr is, most unmonitored):
 *   monitor the album and its artist, and search for it (AlbumSearch);
 * - not there: POST /album, bringing its artist when Lidarr lacks it, monitored for that album
 *   only (`addOptions.albumsToMonitor`); Lidarr searches for it once it has loaded the artist.
 * An artist whose add Lidarr has not finished (`addOptions` still set) is waited for: the scan
 * that applies them would unmonitor the album again (Music/Services/AlbumMonitoredService.cs).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamError } from '../../../src/core/errors.js';
import type { AddResult } from '../../../src/core/ports.js';
import type { Candidate } from '../../../src/core/types.js';
import { isAlreadyAdded } from '../already-added.js';
import type { ServarrClient } from '../servarr-client.js';
import { albumWanted } from './map.js';
import {
  albumListSchema,
  albumSchema,
  artistListSchema,
  artistSchema,
  commandSchema,
  type Album,
} from './schemas.js';

/** The new-artist part of POST /album: name, profiles, root folder. */
export type NewArtist = Record<string, unknown> & { foreignArtistId: string };

type LibraryAlbum = Album & { id: number };

/** How long an add waits for Lidarr to finish loading an artist before giving the request to the cron. */
const LOAD_WAIT_MS = 15_000;

export class LidarrAlbumAdder {
  constructor(
    private readonly client: ServarrClient,
    private readonly searchOnAdd: boolean,
    private readonly newArtist: (c: Candidate, mbArtist: string, signal: AbortSignal) => Promise<NewArtist>,
  ) {}

  /** `ids`: the MusicBrainz artist and release-group ids Lidarr knows the album by. */
  async add(
    c: Candidate,
    ids: { artist: string; releaseGroup: string },
    signal: AbortSignal,
  ): Promise<AddResult> {
    const rg = ids.releaseGroup;
    const existing = await this.inDatabase(rg, ids.artist, signal);
    if (existing) return this.monitor(existing, signal);
    try {
      const added = await this.client.http.json({
        method: 'POST',
        path: '/album',
        body: await this.body(c, ids, signal),
        schema: albumSchema,
        signal,
      });
      // An artist Lidarr had already keeps its own monitored flag (AddAlbumService.cs).
      if (added.artist?.monitored === false && added.artistId)
        await this.monitorArtist(added.artistId, signal);
      return { outcome: 'added', ...(added.id ? { itemId: added.id } : {}), searching: this.searchOnAdd };
    } catch (e) {
      if (!isAlreadyAdded(e)) throw e;
      // AlbumExistsValidator: it reached the database since we looked (someone added its artist).
      const raced = await this.inDatabase(rg, ids.artist, signal);
      if (!raced) throw e;
      return this.monitor(raced, signal);
    }
  }

  /**
   * ImportListSyncService.cs ProcessAlbumReportForExistingAlbum: an album that is unmonitored, or
   * whose artist is, gets both monitored and an AlbumSearch.
   */
  private async monitor(album: LibraryAlbum, signal: AbortSignal): Promise<AddResult> {
    if (albumWanted(album)) return { outcome: 'already_present', itemId: album.id, searching: false };
    const http = this.client.http;
    if (album.monitored !== true) {
      const body = { albumIds: [album.id], monitored: true };
      await http.json({ method: 'PUT', path: '/album/monitor', body, schema: albumListSchema, signal });
    }
    if (album.artist?.monitored !== true && album.artistId) await this.monitorArtist(album.artistId, signal);
    if (this.searchOnAdd) {
      const body = { name: 'AlbumSearch', albumIds: [album.id] };
      await http.json({ method: 'POST', path: '/command', body, schema: commandSchema, signal });
    }
    return { outcome: 'monitored', itemId: album.id, searching: this.searchOnAdd };
  }

  /** PUT /artist/editor changes only the fields sent (Lidarr.Api.V1/Artist/ArtistEditorController.cs). */
  private async monitorArtist(artistId: number, signal: AbortSignal): Promise<void> {
    const body = { artistIds: [artistId], monitored: true };
    await this.client.http.json({
      method: 'PUT',
      path: '/artist/editor',
      body,
      schema: artistListSchema,
      signal,
    });
  }

  /**
   * A new artist for this album only: monitored (monitor "none" would unmonitor the artist itself,
   * Music/Services/AddArtistService.cs), `albumsToMonitor` naming this album and `monitor: all`
   * as the import lists send it, no albums it releases later, and Lidarr's search for missing
   * albums, which then covers this one (the album's own search is turned off in that case,
   * AddAlbumService.cs; it serves when the artist is in Lidarr already).
   */
  private async body(c: Candidate, ids: { artist: string; releaseGroup: string }, signal: AbortSignal) {
    const rg = ids.releaseGroup;
    return {
      foreignAlbumId: rg,
      monitored: true,
      artist: {
        ...(await this.newArtist(c, ids.artist, signal)),
        monitored: true,
        monitorNewItems: 'none',
        addOptions: {
          monitor: 'all',
          albumsToMonitor: [rg],
          monitored: true,
          searchForMissingAlbums: this.searchOnAdd,
        },
      },
      addOptions: { searchForNewAlbum: this.searchOnAdd },
    };
  }

  /** The album in Lidarr's database, once any unfinished add of its artist is done. */
  private async inDatabase(
    rg: string,
    mbArtist: string,
    signal: AbortSignal,
  ): Promise<LibraryAlbum | undefined> {
    const album = await this.findAlbum(rg, signal);
    if (album && !album.artist?.addOptions) return album;
    const artistId = album ? album.artistId : await this.loadingArtist(mbArtist, signal);
    if (!artistId) return album;
    await this.loaded(artistId, signal);
    return this.findAlbum(rg, signal);
  }

  private async findAlbum(rg: string, signal: AbortSignal): Promise<LibraryAlbum | undefined> {
    const albums = await this.client.http.json({
      path: '/album',
      query: { foreignAlbumId: rg },
      schema: albumListSchema,
      signal,
    });
    return albums.find((a): a is LibraryAlbum => a.foreignAlbumId === rg && (a.id ?? 0) > 0);
  }

  /** The library id of the artist when Lidarr is still loading it; undefined otherwise. */
  private async loadingArtist(mbId: string, signal: AbortSignal): Promise<number | undefined> {
    const artists = await this.client.http.json({
      path: '/artist',
      query: { mbId },
      schema: artistListSchema,
      signal,
    });
    const artist = artists.find((a) => a.foreignArtistId === mbId && (a.id ?? 0) > 0);
    return artist?.addOptions ? artist.id : undefined;
  }

  /** Until the artist's `addOptions` are gone; a `busy` failure (kept, retried by the cron) after LOAD_WAIT_MS. */
  private async loaded(artistId: number, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
      const artist = await this.client.http.json({
        path: `/artist/${artistId}`,
        schema: artistSchema,
        signal,
      });
      if (!artist.addOptions) return;
      if (Date.now() - started + wait > LOAD_WAIT_MS) {
        const detail = 'Lidarr is still loading the albums of this artist';
        throw new UpstreamError(this.client.service, 'busy', `${this.client.service}: ${detail}`, { detail });
      }
      await sleep(wait, undefined, { signal });
    }
  }
}
