/**
 * The stores the app runs on: PostgreSQL when DATABASE_URL is set (pg/), else the files in
 * DATA_DIR, as before. Files belong to one process (instance-lock.ts); a database is shared.
 */
import type { ChoiceStore, Logger, RequestStore } from '../../src/core/ports.js';
import type { EnrichmentStores } from '../translate/create-enrichment.js';
import { LowdbChoiceStore } from './choice-store.js';
import { openPgStores } from './pg/pg-stores.js';
import { LowdbRequestStore } from './request-store.js';

export interface Stores {
  requests: RequestStore;
  choices: ChoiceStore;
  /** Vocabularies and enrichment jobs; undefined: the files under DATA_DIR (the vocab wiring's own). */
  vocab?: EnrichmentStores;
  /** Whether DATA_DIR must be this process's alone (holdLock) while it runs. */
  exclusive: boolean;
  close(): Promise<void>;
}

export async function openStores(
  where: { dataDir: string; databaseUrl?: string | undefined },
  logger?: Logger,
): Promise<Stores> {
  if (where.databaseUrl) {
    const pg = await openPgStores(where.databaseUrl, logger);
    return {
      requests: pg.requests,
      choices: pg.choices,
      vocab: { vocabs: pg.vocabs, jobs: pg.jobs, movies: () => pg.vocabs.keys() },
      exclusive: false,
      close: pg.close,
    };
  }
  return {
    requests: await LowdbRequestStore.open(where.dataDir, logger),
    choices: await LowdbChoiceStore.open(where.dataDir, logger),
    exclusive: true,
    close: async () => undefined,
  };
}
