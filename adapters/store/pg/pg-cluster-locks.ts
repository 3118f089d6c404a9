/**
 * ClusterLocks on PostgreSQL advisory locks, for instances sharing one database. PostgreSQL docs,
 * "Explicit Locking" §13.3.5 Advisory Locks and "Advisory Lock Functions" (functions-admin.html
 * #FUNCTIONS-ADVISORY-LOCKS): a lock belongs to the session (or transaction) that took it, other
 * sessions wait or are refused, and it goes when the session ends, so an instance that dies holding
 * one frees it. The locks have a pool of their own: a send holds its connection through the
 * backend's HTTP calls while the stores use theirs, so waiting senders can never starve the
 * holder's queries. Within this process, ProcessLocks comes first: a second tick here is skipped
 * without asking the database, and waiters for one item queue here rather than each holding a
 * connection.
 */
import { createHash } from 'node:crypto';
import type { ClusterLocks, Logger, TryRunResult } from '../../../src/core/ports.js';
import { ProcessLocks } from '../../../src/core/process-locks.js';
import { openPool, type Connection, type Pool } from './pool.js';

/**
 * The longest one item is held. A send's own budget is 30 s (send-request.ts); should the holder
 * hang anyway, the server ends its idle transaction after this, which releases the lock.
 */
const ITEM_HOLD_MS = 120_000;
/** How long a sender waits for the lock (and a connection for it): a holder of ITEM_HOLD_MS. */
const ITEM_WAIT_MS = ITEM_HOLD_MS + 10_000;

/**
 * The bigint key of a name: the first 8 bytes of its SHA-256, prefixed so reelbot's keys keep
 * clear of other applications' on the same database. The migration lock (migrate.ts) is a fixed
 * number; a collision with it would only make one wait for the other.
 */
function lockKey(name: string): string {
  return createHash('sha256').update(`reelbot:${name}`).digest().readBigInt64BE(0).toString();
}

export class PgClusterLocks implements ClusterLocks {
  private readonly local = new ProcessLocks();
  private closed: Promise<void> | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly logger: Logger | undefined,
  ) {}

  static open(url: string, logger?: Logger): PgClusterLocks {
    // A connection the server ended (the hold limit) or lost; the next lock opens another.
    const pool = openPool(
      url,
      logger,
      {
        connectionTimeoutMillis: ITEM_WAIT_MS,
        statement_timeout: ITEM_WAIT_MS,
        idle_in_transaction_session_timeout: ITEM_HOLD_MS,
        application_name: 'reelbot-locks',
      },
      { level: 'warn', message: 'PostgreSQL lock connection lost' },
    );
    return new PgClusterLocks(pool, logger);
  }

  tryRun<T>(name: string, work: () => Promise<T>): Promise<TryRunResult<T>> {
    const key = lockKey(`run:${name}`);
    return this.local
      .tryRun(name, () =>
        this.onConnection(async (c, drop) => {
          const { rows } = await c.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [key]);
          if (!rows[0]?.got) return { ran: false } as const;
          try {
            return { ran: true, value: await work() } as const;
          } finally {
            await c.query('SELECT pg_advisory_unlock($1)', [key]).catch(drop);
          }
        }),
      )
      .then((r) => (r.ran ? r.value : r));
  }

  withItemLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.local.withItemLock(key, () =>
      this.onConnection(async (c, drop) => {
        // Transaction-level: COMMIT or ROLLBACK releases it, so none is left on a pooled connection.
        await c.query('BEGIN');
        let out: T;
        try {
          await c.query('SELECT pg_advisory_xact_lock($1)', [lockKey(`item:${key}`)]);
          out = await work();
        } catch (e) {
          await c.query('ROLLBACK').catch(drop);
          throw e;
        }
        // The work is done: a failed COMMIT (the hold limit, a lost connection) only drops the lock.
        await c.query('COMMIT').catch(drop);
        return out;
      }),
    );
  }

  /**
   * `work` on a connection of its own. `drop` marks it for closing instead of reuse: the server
   * then ends the session, which frees whatever lock an unlock that failed left on it.
   */
  private async onConnection<T>(work: (c: Connection, drop: (err: Error) => void) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    let broken: Error | undefined;
    const drop = (err: Error) => {
      broken ??= err;
      this.logger?.warn({ reason: err.message }, 'PostgreSQL lock connection dropped; its locks go with it');
    };
    c.on('error', drop);
    try {
      return await work(c, drop);
    } finally {
      c.removeListener('error', drop);
      c.release(broken);
    }
  }

  close(): Promise<void> {
    return (this.closed ??= this.pool.end());
  }
}
