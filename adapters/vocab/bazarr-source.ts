/**
 * ScriptSource over Bazarr: the English subtitle Bazarr already holds for a film (by Radarr id,
 * `GET /api/movies?radarrid[]=`) or an episode (by Sonarr episode id, `GET
 * /api/episodes?episodeid[]=`), the ids found through Radarr or Sonarr (arr-media-locator.ts).
 *
 * Bazarr's API gives each subtitle's language, flags and path, never its text: no route serves a
 * subtitle file (morpheus65535/bazarr bazarr/api/movies/movies.py, episodes/episodes.py,
 * api/utils.py postprocess; app/ui.py sends only logs and backups). So the file is read from
 * disk through MEDIA_PATH_MAP, like the files beside the media. Embedded tracks (path null) cannot
 * be read. The paths are Bazarr's own view (postprocess applies its path mappings): when its
 * video path differs from the *arr's, a subtitle in the video's folder is re-based onto the
 * *arr's folder, so a MEDIA_PATH_MAP written for the *arrs serves Bazarr too.
 *
 * The key goes in `X-API-KEY` (api/utils.py authenticate: header, `apikey` query or form); a
 * wrong one is a 401. A Bazarr that fails throws UpstreamError, for the chain to skip it.
 */
import { z } from 'zod';
import { HttpClient } from '../http-client/http-client.js';
import type { Logger } from '../../src/core/ports.js';
import type { ScriptLookup, ScriptQuery, ScriptSource } from '../../src/core/vocab/ports.js';
import type { ArrMediaLocator, MediaFile } from './arr-media-locator.js';
import { readSubtitleFile } from './library-subtitle-file.js';
import { arrParts, refusalDetail, type MediaPathMap } from './media-path-map.js';
import { byPreference, type SubtitleRank } from './subtitle-names.js';

/** bazarr/api/swaggerui.py subtitles_model; `code2` is ISO 639-1 (`en`). */
const subtitleSchema = z.object({
  code2: z.string().nullish(),
  path: z.string().nullish(),
  forced: z.boolean().nullish(),
  hi: z.boolean().nullish(),
});
const itemFields = { path: z.string().nullish(), subtitles: z.array(subtitleSchema).nullish() };
const moviesSchema = z.object({ data: z.array(z.object({ radarrId: z.number().int(), ...itemFields })) });
const episodesSchema = z.object({
  data: z.array(z.object({ sonarrEpisodeId: z.number().int(), ...itemFields })),
});
/** bazarr/api/system/status.py: `{data: {bazarr_version, …}}`. */
export const bazarrStatusSchema = z.object({ data: z.object({ bazarr_version: z.string().nullish() }) });

type Item = {
  path?: string | null | undefined;
  subtitles?: z.infer<typeof subtitleSchema>[] | null | undefined;
};

export interface BazarrHttpOptions {
  /** The root users open in the browser, with any URL base. */
  url: string;
  apiKey: string;
  timeoutMs?: number;
  logger?: Logger | undefined;
  fetchImpl?: typeof fetch | undefined;
}

/** The HTTP client for Bazarr's API, shared with the doctor. */
export function bazarrHttp(opts: BazarrHttpOptions): HttpClient {
  return new HttpClient({
    service: 'bazarr',
    baseUrl: `${opts.url.replace(/\/+$/, '')}/api`,
    headers: { 'X-API-KEY': opts.apiKey },
    secrets: [opts.apiKey],
    timeoutMs: opts.timeoutMs ?? 15_000,
    retries: 1,
    ...(opts.logger ? { logger: opts.logger } : {}),
    fetchImpl: opts.fetchImpl,
  });
}

export interface BazarrSourceOptions extends BazarrHttpOptions {
  locator: ArrMediaLocator;
  paths: MediaPathMap;
  maxBytes: number;
}

export class BazarrSource implements ScriptSource {
  readonly name = 'Bazarr';
  readonly kind = 'library' as const;
  private readonly http: HttpClient;

  constructor(private readonly opts: BazarrSourceOptions) {
    this.http = bazarrHttp(opts);
  }

  async find(query: ScriptQuery, signal: AbortSignal): Promise<ScriptLookup> {
    const located = await this.opts.locator.locate(query, signal);
    if (!located.found) return { found: false, miss: 'not_found', detail: located.detail };
    const item = await this.item(located.file, signal);
    if (!item) return { found: false, miss: 'not_found', detail: 'Bazarr does not list it yet' };
    const english = (item.subtitles ?? [])
      .flatMap((s): SubtitleRank[] =>
        s.code2 === 'en' && !s.forced && s.path ? [{ name: s.path, hi: Boolean(s.hi), tagged: true }] : [],
      )
      .sort(byPreference);
    let last: ScriptLookup = {
      found: false,
      miss: 'not_found',
      detail: 'Bazarr holds no English subtitle file for it',
    };
    for (const sub of english) {
      const arrPath = rebase(sub.name, item.path, located.file.path);
      const real = await this.opts.paths.resolve(arrPath);
      if (!real.ok) {
        this.opts.logger?.warn({ path: arrPath, why: real.why }, 'bazarr: subtitle path refused');
        last = { found: false, miss: 'not_found', detail: refusalDetail(real.why) };
        continue;
      }
      const lookup = await readSubtitleFile(real.path, { maxBytes: this.opts.maxBytes, source: 'Bazarr' });
      if (lookup.found) return lookup;
      last = lookup;
    }
    return last;
  }

  private async item(file: MediaFile, signal: AbortSignal): Promise<Item | undefined> {
    if (file.kind === 'movie') {
      const { data } = await this.http.json({
        path: '/movies',
        query: { 'radarrid[]': file.radarrId },
        schema: moviesSchema,
        signal,
      });
      return data.find((m) => m.radarrId === file.radarrId);
    }
    const { data } = await this.http.json({
      path: '/episodes',
      query: { 'episodeid[]': file.sonarrEpisodeId },
      schema: episodesSchema,
      signal,
    });
    return data.find((e) => e.sonarrEpisodeId === file.sonarrEpisodeId);
  }
}

/** `sub` in the *arr's view: moved from Bazarr's video folder to the *arr's when the two differ. */
function rebase(sub: string, bazarrVideo: string | null | undefined, arrVideo: string): string {
  if (!bazarrVideo) return sub;
  const from = arrParts(bazarrVideo).dir;
  const to = arrParts(arrVideo).dir;
  const unified = sub.replace(/\\/g, '/');
  return from !== to && unified.startsWith(`${from}/`) ? `${to}${unified.slice(from.length)}` : sub;
}
