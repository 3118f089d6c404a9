/**
 * The connection pool the PostgreSQL stores share, and work on one of its connections. A
 * connection that drops emits 'error' on its client; pg-pool listens only while the client is
 * idle in the pool (and re-emits on the pool), and an 'error' nobody listens to ends the process
 * (node_modules/pg-pool/index.js, makeIdleListener; pg/lib/client.js, _handleErrorEvent). So the
 * pool has a listener, and so has every connection while it is checked out.
 */
import pg from 'pg';
import type { Logger } from '../../../src/core/ports.js';

export type Pool = pg.Pool;
export type Connection = pg.PoolClient;

/** How long one statement may run before the server cancels it (migrations lift it: migrate.ts). */
export const STATEMENT_TIMEOUT_MS = 30_000;

/** What a pool logs when one of its idle connections drops. */
export interface ConnectionLost {
  level: 'warn' | 'error';
  message: string;
}

/**
 * A pool on `url`: the stores' own by default; the locks and the relay have pools of their own
 * with `settings` over these (their size, timeouts and application_name).
 */
export function openPool(
  url: string,
  logger?: Logger,
  settings: pg.PoolConfig = {},
  lost: ConnectionLost = { level: 'error', message: 'PostgreSQL connection lost; the next query reconnects' },
): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 10_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: 'reelbot',
    ...settings,
  });
  // Never the error object itself: pg-pool hangs the client (and its connection settings) on it.
  pool.on('error', (err: Error & { code?: string }) =>
    logger?.[lost.level]({ code: err.code, reason: err.message }, lost.message),
  );
  return pool;
}

/** `work` on one connection of its own; a connection that broke meanwhile is closed, not reused. */
export async function withConnection<T>(pool: Pool, work: (c: Connection) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => (broken = err);
  c.on('error', onError);
  try {
    return await work(c);
  } finally {
    c.removeListener('error', onError);
    c.release(broken);
  }
}

/** `work` in one transaction: committed when it resolves, rolled back when it throws. */
export function inTransaction<T>(pool: Pool, work: (c: Connection) => Promise<T>): Promise<T> {
  return withConnection(pool, async (c) => {
    await c.query('BEGIN');
    try {
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
}

/** `host:port/database` of a URL: where, never who or with what password. */
export function whereIs(url: string): string {
  try {
    const u = new URL(url);
    const host = u.searchParams.get('host') ?? (u.hostname || 'localhost');
    return `${host}:${u.port || 5432}${u.pathname || '/'}`;
  } catch {
    return '(not a URL)';
  }
}
