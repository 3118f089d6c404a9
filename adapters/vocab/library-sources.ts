/**
 * The operator's own subtitles as ScriptSources of kind `library`, in the order to ask them:
 * Bazarr (when BAZARR_URL and BAZARR_API_KEY are set), then the files beside the media. Both find
 * the media through Radarr (films) and Sonarr (episodes), and both read the file from disk through
 * MEDIA_PATH_MAP, since Bazarr's API gives paths, not text. So without MEDIA_PATH_MAP, or with
 * neither Radarr nor Sonarr, there are none. MEDIA_PATH_MAP is required even where the bot sees
 * the library at the *arrs' own paths (write `/data/media:/data/media`): its folders are the only
 * ones the bot reads, which is what keeps a path an *arr reports from leading anywhere else.
 */
import type { ArrEnv } from '../../src/config/arr-env.js';
import type { VocabEnv } from '../../src/config/vocab-env.js';
import type { Logger } from '../../src/core/ports.js';
import type { ScriptSource } from '../../src/core/vocab/ports.js';
import { ServarrClient } from '../arr/servarr-client.js';
import { ArrMediaLocator } from './arr-media-locator.js';
import { BazarrSource } from './bazarr-source.js';
import { LibraryFilesSource } from './library-files-source.js';
import { MediaPathMap } from './media-path-map.js';

/** The Radarr and Sonarr the library sources ask where the media is. */
export type LibraryArrEnv = Pick<ArrEnv, 'RADARR_URL' | 'RADARR_API_KEY' | 'SONARR_URL' | 'SONARR_API_KEY'>;

export interface LibrarySourcesOptions {
  fetchImpl?: typeof fetch;
}

export function createLibrarySources(
  env: VocabEnv & LibraryArrEnv,
  logger: Logger,
  opts: LibrarySourcesOptions = {},
): ScriptSource[] {
  const log = logger.child({ module: 'library-subtitles' });
  const bazarr =
    env.BAZARR_URL && env.BAZARR_API_KEY ? { url: env.BAZARR_URL, apiKey: env.BAZARR_API_KEY } : undefined;
  if (env.MEDIA_PATH_MAP.length === 0) {
    if (bazarr)
      log.warn(
        'BAZARR_URL is set but MEDIA_PATH_MAP is not: Bazarr gives subtitle paths, not their text, so it is not used',
      );
    return [];
  }
  const client = (service: string, url: string | undefined, apiKey: string | undefined) =>
    url && apiKey
      ? new ServarrClient({
          service,
          url,
          apiKey,
          apiPath: '/api/v3',
          logger: log,
          timeoutMs: env.SCRIPT_TIMEOUT_MS,
          ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
        })
      : undefined;
  const radarr = client('radarr', env.RADARR_URL, env.RADARR_API_KEY);
  const sonarr = client('sonarr', env.SONARR_URL, env.SONARR_API_KEY);
  if (!radarr && !sonarr) {
    log.warn(
      'MEDIA_PATH_MAP is set but neither Radarr nor Sonarr is: nothing says where the media files are',
    );
    return [];
  }
  const common = {
    locator: new ArrMediaLocator({ radarr, sonarr }),
    paths: new MediaPathMap(env.MEDIA_PATH_MAP),
    maxBytes: env.SCRIPT_MAX_BYTES,
  };
  const sources: ScriptSource[] = [];
  if (bazarr)
    sources.push(
      new BazarrSource({
        ...common,
        ...bazarr,
        timeoutMs: env.SCRIPT_TIMEOUT_MS,
        logger: log.child({ source: 'bazarr' }),
        fetchImpl: opts.fetchImpl,
      }),
    );
  sources.push(new LibraryFilesSource({ ...common, logger: log.child({ source: 'library-files' }) }));
  log.info(
    { sources: sources.map((s) => s.name), folders: env.MEDIA_PATH_MAP.length },
    'library subtitle sources ready',
  );
  return sources;
}
