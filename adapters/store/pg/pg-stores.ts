/**
 * Every store on one PostgreSQL database (DATABASE_URL): one pool, the schema migrated before
 * anything is read, and the pool closed with the app.
 */
import type { Logger } from '../../../src/core/ports.js';
import { migrate, type Migrated } from './migrate.js';
import { PgChoiceStore } from './pg-choice-store.js';
import { PgJobStore } from './pg-job-store.js';
import { PgRequestStore } from './pg-request-store.js';
import { PgVocabStore } from './pg-vocab-store.js';
import { openPool, whereIs } from './pool.js';

export interface PgStores {
  requests: PgRequestStore;
  choices: PgChoiceStore;
  vocabs: PgVocabStore;
  jobs: PgJobStore;
  migrated: Migrated;
  close(): Promise<void>;
}

export async function openPgStores(url: string, logger?: Logger): Promise<PgStores> {
  const pool = openPool(url, logger);
  let migrated: Migrated;
  try {
    migrated = await migrate(pool, logger);
  } catch (e) {
    await pool.end();
    // pg's messages name neither the URL nor the password; say where, without who.
    throw new Error(`PostgreSQL at ${whereIs(url)}: ${(e as Error).message}`, { cause: e });
  }
  logger?.info({ database: whereIs(url), schema: migrated.to }, 'stores on PostgreSQL');
  const log = logger?.child({ module: 'postgres' });
  let closed: Promise<void> | undefined;
  return {
    requests: new PgRequestStore(pool, log),
    choices: new PgChoiceStore(pool, log),
    vocabs: new PgVocabStore(pool, log),
    jobs: new PgJobStore(pool, log),
    migrated,
    // Once: an app may be stopped twice (a lost lock, then the caller).
    close: () => (closed ??= pool.end()),
  };
}
