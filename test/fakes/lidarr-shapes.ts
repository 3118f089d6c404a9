/**
 * The fake Lidarr's resources. No real artist or album lookup with a known licence was found (the
 * saved ones are placeholders), so lookups follow the spec's ArtistResource/AlbumResource with the
 * placeholders' key set. Lidarr serialises without nulls (NzbDrone.Common STJson:
 * WhenWritingNull), so absent values are left out.
 */
import { artists as worldArtists, type WorldAlbum, type WorldArtist } from '../fixtures/world.js';
import { releaseDate } from './lidarr-music.js';

type Json = Record<string, unknown>;

export function worldArtist(mbid: string): WorldArtist {
  const w = worldArtists.find((a) => a.mbid === mbid);
  if (!w) throw new Error(`no world artist ${mbid}`);
  return w;
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
    releaseDate: releaseDate(w),
    releases: [],
    genres: [],
    media: [],
    artist: artistShape(worldArtist(w.artistMbid)),
    images: [{ url: cover, coverType: 'cover', extension: '.jpg', remoteUrl: cover }],
    links: [],
    remoteCover: cover,
  };
}

/** Lidarr.Api.V1/Albums/AlbumStatisticsResource.cs: ten tracks per album in the fake. */
export function albumStatistics(trackFiles: number): Json {
  const trackCount = 10;
  return {
    trackFileCount: trackFiles,
    trackCount,
    totalTrackCount: trackCount,
    sizeOnDisk: trackFiles * 30_000_000,
    percentOfTracks: (trackFiles / trackCount) * 100,
  };
}

/** Lidarr.Api.V1/Commands/CommandController.cs StartCommand: 201 with the queued command. */
export function commandShape(id: number, name: string, body: Json): Json {
  const now = new Date().toISOString();
  return {
    id,
    name,
    commandName: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
    body: {
      ...body,
      sendUpdatesToClient: true,
      updateScheduledTask: true,
      requiresDiskAccess: false,
      isExclusive: false,
      isLongRunning: false,
      trigger: 'manual',
      suppressMessages: false,
    },
    priority: 'normal',
    status: 'queued',
    result: 'unknown',
    queued: now,
    trigger: 'manual',
    sendUpdatesToClient: true,
    updateScheduledTask: true,
  };
}

/** Lidarr.Http ErrorManagement/LidarrErrorPipeline.cs: any other exception is a 500 ErrorModel. */
export function serverError(exception: string, message: string): { status: number; body: Json } {
  return { status: 500, body: { message, description: `${exception}: ${message}` } };
}
