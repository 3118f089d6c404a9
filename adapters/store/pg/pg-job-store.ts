/** JobStore on PostgreSQL: one row per enrichment job, replaced whole by `put` (one statement: atomic). */
import type { Logger } from '../../../src/core/ports.js';
import type { EnrichmentJob, JobStore } from '../../../src/core/vocab/enrichment/types.js';
import { storedJob } from '../vocab-schemas.js';
import type { Pool } from './pool.js';
import { RowCheck } from './row-check.js';

export class PgJobStore implements JobStore {
  private readonly rows: RowCheck<EnrichmentJob>;

  constructor(
    private readonly pool: Pool,
    logger?: Logger,
  ) {
    this.rows = new RowCheck('enrichment_jobs', storedJob, logger);
  }

  async get(key: string): Promise<EnrichmentJob | undefined> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM enrichment_jobs WHERE key = $1',
      [key],
    );
    const found = rows[0] && this.rows.parse(key, rows[0].record);
    return found?.key === key ? found : undefined;
  }

  async put(job: EnrichmentJob): Promise<void> {
    await this.pool.query(
      `INSERT INTO enrichment_jobs (key, status, record) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET status = EXCLUDED.status, record = EXCLUDED.record, updated_at = now()`,
      [job.key, job.status, JSON.stringify(job)],
    );
  }

  /** Store `job` unless its key is there (import-files: never overwrites); whether it was stored. */
  async insertIfAbsent(job: EnrichmentJob): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO enrichment_jobs (key, status, record) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
      [job.key, job.status, JSON.stringify(job)],
    );
    return rowCount === 1;
  }

  async list(): Promise<EnrichmentJob[]> {
    const { rows } = await this.pool.query<{ id: string; record: unknown }>(
      'SELECT key AS id, record FROM enrichment_jobs ORDER BY key',
    );
    return rows.flatMap((r) => {
      const found = this.rows.parse(r.id, r.record);
      return found?.key === r.id ? [found] : [];
    });
  }
}
