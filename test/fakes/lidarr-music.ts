/**
 * What a real Lidarr does to an artist's albums: its metadata server lists the artist's whole
 * discography, a refresh puts every release group the metadata profile allows into the library
 * (monitored or not by `monitorNewItems`), and the scan after it applies the artist's
 * `addOptions` (which albums are monitored) and queues the searches they ask for. Every rule is
 * taken from Lidarr/Lidarr (develop), file named beside it. The paths are under
 * src/NzbDrone.Core/.
 */
import { albums as worldAlbums, type WorldAlbum } from '../fixtures/world.js';

const RADIOHEAD = 'a74b1b7f-71a5-4011-9441-d0b5e4122711';
const VANGELIS = '1ca2f7c4-8a1b-4c8d-9a63-2f1f3f5e0a11';

/**
 * Release groups Lidarr's metadata server lists besides world.ts's one album per artist, so that
 * an artist in the library has albums nobody asked for. Synthetic ids; kept out of world.ts so
 * that the MusicBrainz and Spotify fakes' searches stay as they are.
 */
export const MORE_RELEASE_GROUPS: WorldAlbum[] = [
  {
    mbid: '0c5e7d2a-4b1f-4e8a-9d3c-6f2b1a0e9d41',
    title: 'The Bends',
    artistMbid: RADIOHEAD,
    primaryType: 'Album',
    secondaryTypes: [],
    firstReleaseDate: '1995-03-13',
    releases: 30,
    synthetic: true,
  },
  {
    mbid: '5d8f1e3b-7a2c-4c9d-8e1f-2a3b4c5d6e72',
    title: 'Kid A',
    artistMbid: RADIOHEAD,
    primaryType: 'Album',
    secondaryTypes: [],
    firstReleaseDate: '2000-10-02',
    releases: 35,
    synthetic: true,
  },
  {
    // An EP: the Standard metadata profile leaves it out of the library.
    mbid: '8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c83',
    title: 'My Iron Lung',
    artistMbid: RADIOHEAD,
    primaryType: 'EP',
    secondaryTypes: [],
    firstReleaseDate: '1994-09-26',
    releases: 6,
    synthetic: true,
  },
  {
    mbid: '2f4e6d8c-1b3a-4d5e-8f7a-9b0c1d2e3f94',
    title: 'Albedo 0.39',
    artistMbid: VANGELIS,
    primaryType: 'Album',
    secondaryTypes: [],
    firstReleaseDate: '1976',
    releases: 12,
    synthetic: true,
  },
];

export const ALL_RELEASE_GROUPS: readonly WorldAlbum[] = [...worldAlbums, ...MORE_RELEASE_GROUPS];

export function discography(artistMbid: string): WorldAlbum[] {
  return ALL_RELEASE_GROUPS.filter((a) => a.artistMbid === artistMbid);
}

interface Allowed {
  allowed: boolean;
}
export interface MetadataProfile {
  id: number;
  name: string;
  primaryAlbumTypes: (Allowed & { albumType: { name: string } })[];
  secondaryAlbumTypes: (Allowed & { albumType: { name: string } })[];
}

/**
 * MetadataSource/SkyHook/SkyHookProxy.cs FilterAlbums: the primary type is allowed, and a
 * secondary type is (none counts as "Studio"). Every world release group is "Official".
 */
export function inProfile(a: WorldAlbum, p: MetadataProfile): boolean {
  const allowed = (list: MetadataProfile['primaryAlbumTypes']) =>
    new Set(list.filter((t) => t.allowed).map((t) => t.albumType.name));
  const secondary = allowed(p.secondaryAlbumTypes);
  return (
    allowed(p.primaryAlbumTypes).has(a.primaryType) &&
    (a.secondaryTypes.length === 0 ? secondary.has('Studio') : a.secondaryTypes.some((t) => secondary.has(t)))
  );
}

/** `1979` → `1979-01-01T00:00:00Z`, as Lidarr stores partial MusicBrainz dates. */
export function releaseDate(w: WorldAlbum): string {
  const date = w.firstReleaseDate.length === 4 ? `${w.firstReleaseDate}-01-01` : w.firstReleaseDate;
  return `${date}T00:00:00Z`;
}

/** An album as the monitoring rules see it. */
export interface AlbumState {
  id: number;
  foreignAlbumId: string;
  releaseDate: string;
  monitored: boolean;
  trackFiles: number;
}

/**
 * Music/Services/MonitorNewAlbumService.cs: whether a release group the refresh adds is
 * monitored, by the artist's `monitorNewItems`, against the albums already there.
 */
export function monitorNew(
  added: string,
  existing: readonly AlbumState[],
  monitorNewItems: unknown,
): boolean {
  if (monitorNewItems === 'none') return false;
  if (monitorNewItems !== 'new') return true;
  const newest = existing
    .map((a) => a.releaseDate)
    .sort()
    .at(-1);
  return newest === undefined || added >= newest;
}

export interface MonitoringOptions {
  monitor?: unknown;
  albumsToMonitor?: unknown;
  searchForMissingAlbums?: unknown;
}

/**
 * Music/Services/AlbumMonitoredService.cs SetAlbumMonitoredStatus: `albumsToMonitor`, when it
 * names any, wins over `monitor` (those monitored, every other album not); an absent monitor
 * ("unknown") with no list changes nothing. "Missing" albums have no files and are out already.
 */
export function applyMonitoring(albums: AlbumState[], options: MonitoringOptions, now = new Date()): void {
  const list = Array.isArray(options.albumsToMonitor) ? (options.albumsToMonitor as string[]) : [];
  if (list.length > 0) {
    for (const a of albums) a.monitored = list.includes(a.foreignAlbumId);
    return;
  }
  const monitor = options.monitor ?? 'unknown';
  const missing = (a: AlbumState) => a.trackFiles === 0 && a.releaseDate <= now.toISOString();
  const set = (which: (a: AlbumState) => boolean, monitored: boolean) => {
    for (const a of albums) if (which(a)) a.monitored = monitored;
  };
  const byDate = [...albums].sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));
  switch (monitor) {
    case 'unknown':
      return;
    case 'all':
      return set(() => true, true);
    case 'future':
      return set((a) => a.trackFiles > 0 || missing(a), false);
    case 'missing':
      set((a) => a.trackFiles > 0, false);
      return set(missing, true);
    case 'existing':
      set((a) => a.trackFiles > 0, true);
      return set(missing, false);
    case 'latest':
    case 'first': {
      set(() => true, false);
      const pick = monitor === 'latest' ? byDate.at(-1) : byDate[0];
      if (pick) pick.monitored = true;
      return;
    }
    case 'none':
      return set(() => true, false);
    default:
      throw new Error(`ArgumentOutOfRangeException: monitor ${String(monitor)}`);
  }
}

/**
 * IndexerSearch/AlbumSearchService.cs Execute(MissingAlbumSearchCommand): the artist's monitored
 * albums without files, and only when the artist is monitored.
 */
export function missingAlbums(albums: readonly AlbumState[], artistMonitored: boolean): number[] {
  return artistMonitored ? albums.filter((a) => a.monitored && a.trackFiles === 0).map((a) => a.id) : [];
}
