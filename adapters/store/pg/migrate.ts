/**
 * Bring the database up to the newest migration (migrations.ts), at every start. Instances that
 * start together queue on one advisory lock, so exactly one runs each migration and the others
 * find it done; each migration is one transaction, so a failed one leaves the previous version
 * whole. A database a newer reelbot migrated is refused, as a newer file is (../schema.ts).
 */
import type { Logger } from '../../../src/core/ports.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import { withConnection, type Connection, type Pool } from './pool.js';

/** pg_advisory_lock's key for "migrating reelbot's tables": "reelbot" in ASCII, as a bigint. */
const MIGRATION_LOCK = '32199633629507444';

export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
}

export interface Migrated {
  from: number;
  to: number;
}

export function migrate(pool: Pool, logger?: Logger): Promise<Migrated> {
  return withConnection(pool, async (c) => {
    // A long data migration must not be cut off, nor the wait behind another instance's.
    await c.query('SET statement_timeout = 0');
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const from = await currentVersion(c);
      if (from > LATEST_VERSION) throw newer(from);
      for (const m of MIGRATIONS) {
        if (m.version <= from) continue;
        await c.query('BEGIN');
        try {
          await c.query(m.sql);
          await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw new Error(`database migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, {
            cause: e,
          });
        }
        logger?.info({ version: m.version, name: m.name }, 'database migrated');
      }
      return { from, to: Math.max(from, LATEST_VERSION) };
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await c.query('RESET statement_timeout').catch(() => undefined);
    }
  });
}

/** The newest migration applied, 0 for none; undefined when the table is not there (doctor: read only). */
export async function appliedVersion(c: Pick<Connection, 'query'>): Promise<number | undefined> {
  const { rows } = await c.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations') AS t`);
  return rows[0]?.t ? currentVersion(c) : undefined;
}

async function currentVersion(c: Pick<Connection, 'query'>): Promise<number> {
  const { rows } = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

function newer(version: number): NewerDatabaseError {
  return new NewerDatabaseError(
    `the database was migrated by a newer reelbot (schema ${version}; this one knows up to ${LATEST_VERSION}); upgrade reelbot`,
  );
}
