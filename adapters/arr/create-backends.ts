/**
 * The *arr side of the composition root: a backend (and, for the first instance of each app, a
 * lookup catalog) for every instance whose URL and key are both set.
 *
 * Order matters to the core's registry, which takes the first backend without a dash in its name
 * for a kind: Overseerr, when configured, comes first, because someone who gives the bot an
 * Overseerr key wants requests to go through its approval and quotas; Sonarr and Radarr then
 * serve as lookup catalogs (and as backends when a request names them).
 */
import type { ArrEnv } from '../../src/config/arr-env.js';
import type { Logger, MediaBackend, MediaCatalog } from '../../src/core/ports.js';
import { LidarrBackend } from './lidarr/lidarr-backend.js';
import { LidarrCatalog } from './lidarr/lidarr-catalog.js';
import { OverseerrBackend } from './overseerr/overseerr-backend.js';
import { RadarrBackend } from './radarr/radarr-backend.js';
import { RadarrCatalog } from './radarr/radarr-catalog.js';
import { ServarrClient } from './servarr-client.js';
import { SonarrBackend, type SonarrSettings } from './sonarr/sonarr-backend.js';
import { SonarrCatalog } from './sonarr/sonarr-catalog.js';

export interface ArrWiring {
  backends: MediaBackend[];
  catalogs: MediaCatalog[];
}

/** For tests: a fetch to inject and a shorter timeout. */
export interface ArrWiringOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

interface Instance {
  name: string;
  label: string;
  url: string | undefined;
  apiKey: string | undefined;
}

export function createBackends(env: ArrEnv, logger: Logger, opts: ArrWiringOptions = {}): ArrWiring {
  const backends: MediaBackend[] = [];
  const catalogs: MediaCatalog[] = [];
  const client = (i: Instance & { url: string; apiKey: string }, apiPath: '/api/v3' | '/api/v1') =>
    new ServarrClient({
      service: i.name,
      url: i.url,
      apiKey: i.apiKey,
      apiPath,
      logger: logger.child({ module: i.name }),
      timeoutMs: opts.timeoutMs,
      fetchImpl: opts.fetchImpl,
    });

  if (env.OVERSEERR_URL && env.OVERSEERR_API_KEY) {
    backends.push(
      new OverseerrBackend({
        url: env.OVERSEERR_URL,
        apiKey: env.OVERSEERR_API_KEY,
        userMap: env.OVERSEERR_USER_MAP,
        logger: logger.child({ module: 'overseerr' }),
        timeoutMs: opts.timeoutMs,
        fetchImpl: opts.fetchImpl,
      }),
    );
  }

  const separateAnime = Boolean(env.SONARR_ANIME_URL && env.SONARR_ANIME_API_KEY);
  const common = { monitor: env.SONARR_MONITOR, searchOnAdd: env.SONARR_SEARCH_ON_ADD };
  const sonarrs: [Instance, SonarrSettings][] = [
    [
      { name: 'sonarr', label: 'Sonarr', url: env.SONARR_URL, apiKey: env.SONARR_API_KEY },
      {
        ...common,
        qualityProfile: env.SONARR_QUALITY_PROFILE,
        rootFolder: env.SONARR_ROOT_FOLDER,
        ...(separateAnime
          ? {}
          : {
              animeQualityProfile: env.SONARR_ANIME_QUALITY_PROFILE,
              animeRootFolder: env.SONARR_ANIME_ROOT_FOLDER,
            }),
      },
    ],
    [
      { name: 'sonarr-4k', label: 'Sonarr 4K', url: env.SONARR_4K_URL, apiKey: env.SONARR_4K_API_KEY },
      { ...common, qualityProfile: env.SONARR_4K_QUALITY_PROFILE, rootFolder: env.SONARR_4K_ROOT_FOLDER },
    ],
    [
      {
        name: 'sonarr-anime',
        label: 'Sonarr Anime',
        url: env.SONARR_ANIME_URL,
        apiKey: env.SONARR_ANIME_API_KEY,
      },
      {
        ...common,
        qualityProfile: env.SONARR_ANIME_QUALITY_PROFILE,
        rootFolder: env.SONARR_ANIME_ROOT_FOLDER,
      },
    ],
  ];
  for (const [instance, settings] of sonarrs) {
    if (!configured(instance)) continue;
    const c = client(instance, '/api/v3');
    backends.push(
      new SonarrBackend({
        ...instance,
        client: c,
        settings,
        logger: logger.child({ module: instance.name }),
      }),
    );
    if (!catalogs.some((x) => x.name === 'sonarr')) catalogs.push(new SonarrCatalog(c));
  }

  const radarrs: [Instance, { qualityProfile: string | undefined; rootFolder: string | undefined }][] = [
    [
      { name: 'radarr', label: 'Radarr', url: env.RADARR_URL, apiKey: env.RADARR_API_KEY },
      { qualityProfile: env.RADARR_QUALITY_PROFILE, rootFolder: env.RADARR_ROOT_FOLDER },
    ],
    [
      { name: 'radarr-4k', label: 'Radarr 4K', url: env.RADARR_4K_URL, apiKey: env.RADARR_4K_API_KEY },
      { qualityProfile: env.RADARR_4K_QUALITY_PROFILE, rootFolder: env.RADARR_4K_ROOT_FOLDER },
    ],
  ];
  for (const [instance, target] of radarrs) {
    if (!configured(instance)) continue;
    const c = client(instance, '/api/v3');
    const settings = {
      ...target,
      minimumAvailability: env.RADARR_MINIMUM_AVAILABILITY,
      searchOnAdd: env.RADARR_SEARCH_ON_ADD,
    };
    backends.push(new RadarrBackend({ ...instance, client: c, settings }));
    if (!catalogs.some((x) => x.name === 'radarr')) catalogs.push(new RadarrCatalog(c));
  }

  const lidarr: Instance = {
    name: 'lidarr',
    label: 'Lidarr',
    url: env.LIDARR_URL,
    apiKey: env.LIDARR_API_KEY,
  };
  if (configured(lidarr)) {
    const c = client(lidarr, '/api/v1');
    const settings = {
      qualityProfile: env.LIDARR_QUALITY_PROFILE,
      metadataProfile: env.LIDARR_METADATA_PROFILE,
      rootFolder: env.LIDARR_ROOT_FOLDER,
      monitor: env.LIDARR_MONITOR,
      searchOnAdd: env.LIDARR_SEARCH_ON_ADD,
    };
    backends.push(new LidarrBackend({ ...lidarr, client: c, settings }));
    catalogs.push(new LidarrCatalog(c));
  }

  logger.info(
    { backends: backends.map((b) => b.name), catalogs: catalogs.map((c) => c.name) },
    'media backends ready',
  );
  return { backends, catalogs };
}

function configured(i: Instance): i is Instance & { url: string; apiKey: string } {
  return Boolean(i.url && i.apiKey);
}
