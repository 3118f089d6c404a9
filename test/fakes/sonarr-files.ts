/**
 * What a fake Sonarr answers about a series' episodes and their files on disk (API v3, served by
 * v3 and v4), each rule from Sonarr's source (branches main = v4, v3):
 * - `GET /episode?seriesId=[&seasonNumber=]` or `?episodeIds=`; neither is a 400 "seriesId or
 *   episodeIds must be provided"; an unknown series has no episodes (an empty list, not a 404)
 *   (src/Sonarr.Api.V3/Episodes/EpisodeController.cs; v3 EpisodeModule.cs). The episode carries
 *   `episodeFileId` and `hasFile`, not the file (`episodeFile` only with includeEpisodeFile, v4);
 * - `GET /episodefile/{id}`: the file with `path` = the series' path + `relativePath` (both
 *   versions; EpisodeFileResource.cs), v4 `languages`, v3 `language`; an unknown id is a 404;
 * - files are named by the default StandardEpisodeFormat "{Series Title} - S{season:00}E{episode:00}
 *   - {Episode Title} {Quality Full}" in "Season {season}" folders when the series uses season
 *   folders (src/NzbDrone.Core/Organizer/NamingConfig.cs).
 */
import type { FakeRequest, FakeResponse } from './fake-http.js';
import type { Episode, Episodes } from './sonarr-episodes.js';

type Json = Record<string, unknown>;

/** A series as the fake keeps it: its resource and, once refreshed, its episodes. */
export interface SeriesOnDisk {
  resource: Json;
  episodes: Episodes | undefined;
}

interface FileRecord {
  id: number;
  seriesId: number;
  seasonNumber: number;
  relativePath: string;
  dateAdded: string;
}

const QUALITY = {
  quality: { id: 7, name: 'Bluray-1080p', source: 'bluray', resolution: 1080 },
  revision: { version: 1, real: 0, isRepack: false },
};
const ENGLISH = { id: 1, name: 'English' };

const pad = (n: number) => String(n).padStart(2, '0');

export class SonarrFiles {
  private readonly files = new Map<number, FileRecord>();
  private episodeIds = 0;
  private fileIds = 0;

  /** The next episode id (Sonarr numbers episodes across every series). */
  readonly nextEpisodeId = (): number => ++this.episodeIds;

  constructor(
    private readonly major: 3 | 4,
    private readonly library: ReadonlyMap<number, SeriesOnDisk>,
  ) {}

  /** The disk scan imports a file for this episode (`number` counts from 1). */
  import(series: Json, seasonNumber: number, number: number, e: Episode): void {
    if (e.fileId !== undefined) return;
    const title = String(series.title)
      .replace(/: /g, ' - ')
      .replace(/[\\/:*?"<>|]/g, '');
    const name = `${title} - S${pad(seasonNumber)}E${pad(number)} - Episode ${number} Bluray-1080p.mkv`;
    const id = ++this.fileIds;
    this.files.set(id, {
      id,
      seriesId: Number(series.id),
      seasonNumber,
      relativePath: series.seasonFolder ? `Season ${seasonNumber}/${name}` : name,
      dateAdded: new Date().toISOString(),
    });
    e.fileId = id;
  }

  episodes(req: FakeRequest): FakeResponse {
    const { seriesId, seasonNumber, episodeIds } = req.query;
    if (seriesId !== undefined) {
      const s = this.library.get(Number(seriesId));
      const all = [...(s?.episodes ?? [])].flatMap(([n, list]) =>
        seasonNumber === undefined || Number(seasonNumber) === n
          ? list.map((e, i) => this.episode(s!.resource, n, i + 1, e))
          : [],
      );
      return { status: 200, body: all };
    }
    if (episodeIds !== undefined) {
      const wanted = new Set(episodeIds.split(',').map(Number));
      return { status: 200, body: this.allEpisodes().filter((e) => wanted.has(Number(e.id))) };
    }
    return { status: 400, body: { message: 'seriesId or episodeIds must be provided' } };
  }

  file(id: number): FakeResponse {
    const f = this.files.get(id);
    const series = f && this.library.get(f.seriesId)?.resource;
    if (!f || !series)
      return {
        status: 404,
        body: {
          message: `EpisodeFile with ID ${id} does not exist`,
          description: `NzbDrone.Core.Datastore.ModelNotFoundException: EpisodeFile with ID ${id} does not exist`,
        },
      };
    return { status: 200, body: this.fileResource(f, series) };
  }

  /** The file of one episode as `GET /episodefile/{id}` shows it, if it has one. */
  fileOf(seriesId: number, seasonNumber: number, number: number): Json | undefined {
    const s = this.library.get(seriesId);
    const fileId = s?.episodes?.get(seasonNumber)?.[number - 1]?.fileId;
    const f = fileId === undefined ? undefined : this.files.get(fileId);
    return f && s ? this.fileResource(f, s.resource) : undefined;
  }

  private allEpisodes(): Json[] {
    return [...this.library.values()].flatMap((s) =>
      [...(s.episodes ?? [])].flatMap(([n, list]) =>
        list.map((e, i) => this.episode(s.resource, n, i + 1, e)),
      ),
    );
  }

  /** EpisodeResourceMapper.ToResource. */
  private episode(series: Json, seasonNumber: number, number: number, e: Episode): Json {
    const first = Date.parse(String(series.firstAired ?? '2000-01-01T00:00:00Z'));
    const aired = new Date(first + ((seasonNumber - 1) * 52 + (number - 1)) * 7 * 86_400_000);
    return {
      id: e.id,
      seriesId: series.id,
      tvdbId: 9_000_000 + e.id,
      episodeFileId: e.fileId ?? 0,
      seasonNumber,
      episodeNumber: number,
      title: `Episode ${number}`,
      airDate: aired.toISOString().slice(0, 10),
      airDateUtc: aired.toISOString(),
      runtime: series.runtime ?? 45,
      overview: '',
      // Episode.HasFile is EpisodeFileId > 0 (src/NzbDrone.Core/Tv/Episode.cs).
      hasFile: (e.fileId ?? 0) > 0,
      monitored: e.monitored,
      unverifiedSceneNumbering: false,
    };
  }

  /** EpisodeFileResourceMapper.ToResource(model, series, …). */
  private fileResource(f: FileRecord, series: Json): Json {
    return {
      id: f.id,
      seriesId: f.seriesId,
      seasonNumber: f.seasonNumber,
      relativePath: f.relativePath,
      path: `${String(series.path)}/${f.relativePath}`,
      size: 1_500_000_000,
      dateAdded: f.dateAdded,
      releaseGroup: '',
      ...(this.major === 4
        ? { languages: [ENGLISH], customFormats: [], customFormatScore: 0 }
        : { language: ENGLISH }),
      quality: QUALITY,
      qualityCutoffNotMet: false,
    };
  }
}
