/** VocabStore on PostgreSQL: one row per movie key, replaced whole by `put` (one statement: atomic). */
import type { Logger } from '../../../src/core/ports.js';
import type { VocabStore } from '../../../src/core/vocab/ports.js';
import type { MovieVocab } from '../../../src/core/vocab/types.js';
import { storedVocab } from '../vocab-schemas.js';
import type { Pool } from './pool.js';
import { RowCheck } from './row-check.js';

export class PgVocabStore implements VocabStore {
  private readonly rows: RowCheck<MovieVocab>;

  constructor(
    private readonly pool: Pool,
    logger?: Logger,
  ) {
    this.rows = new RowCheck('vocabularies', storedVocab, logger);
  }

  async get(key: string): Promise<MovieVocab | undefined> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM vocabularies WHERE key = $1',
      [key],
    );
    const found = rows[0] && this.rows.parse(key, rows[0].record);
    // A row written (or edited) with another key inside is not this movie's vocabulary.
    return found?.key === key ? found : undefined;
  }

  async put(vocab: MovieVocab): Promise<void> {
    await this.pool.query(
      `INSERT INTO vocabularies (key, record) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record, stored_at = now()`,
      [vocab.key, JSON.stringify(vocab)],
    );
  }

  /** Store `vocab` unless its key is there (import-files: never overwrites); whether it was stored. */
  async insertIfAbsent(vocab: MovieVocab): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO vocabularies (key, record) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
      [vocab.key, JSON.stringify(vocab)],
    );
    return rowCount === 1;
  }

  /** Every stored movie key, for the enrichment backfill and the vocabulary API. */
  async keys(): Promise<string[]> {
    const { rows } = await this.pool.query<{ key: string }>('SELECT key FROM vocabularies ORDER BY key');
    return rows.map((r) => r.key);
  }
}
