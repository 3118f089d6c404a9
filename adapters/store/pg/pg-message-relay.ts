/**
 * MessageRelay on PostgreSQL (../../chat/platform-notifier.ts): a later message for a chat this
 * instance does not run is a row of relayed_messages (migration 2), and each instance sends the
 * rows of the platforms it runs. PostgreSQL docs:
 * - "The Locking Clause" (sql-select.html#SQL-FOR-UPDATE-SHARE): FOR UPDATE SKIP LOCKED skips rows
 *   another transaction holds, so instances draining together each take different rows;
 * - "NOTIFY" (sql-notify.html): a notification is delivered when the transaction that sent it
 *   commits, to every session that LISTENs on the channel in the same database, so the row is
 *   visible by the time the listener hears of it. A session LISTENs for as long as it lives: the
 *   listener is a client of its own (pg's Client emits 'notification'), outside the pool.
 * The channel is the database's, not the schema's: instances on other schemas of the same
 * database wake up too, find nothing of theirs and go back to sleep.
 *
 * Delivery is at least once: a row is deleted in the transaction that claimed it, after the send,
 * so an instance that dies (or loses its connection) mid-batch leaves the batch's rows to be sent
 * again by the next instance to claim them. The interval drain is the safety net for a missed
 * notification (the listener reconnecting, or down); it also deletes rows nobody sent in time.
 */
import pg from 'pg';
import type { MessageRelay } from '../../chat/platform-notifier.js';
import type { Logger, Notifier } from '../../../src/core/ports.js';
import type { Platform, Reply, UserRef } from '../../../src/core/types.js';
import { inTransaction, openPool, type Pool } from './pool.js';
import { relayedMessage } from '../record-schemas.js';
import { RowCheck } from './row-check.js';

const CHANNEL = 'reelbot_relay';

export interface RelayTuning {
  /** How often the safety-net drain runs (and the listener is reconnected), ms. Default 2 s. */
  intervalMs?: number;
  /** Rows claimed per transaction. Default 10. */
  batch?: number;
  /** Sends tried per message before it is dropped with a warning. Default 5. */
  maxAttempts?: number;
  /** The wait after a failed send, doubling after each, ms. Default 2 s. */
  retryMs?: number;
  /** A message older than this is deleted unsent: nobody wants a day-old "ready". Default 24 h. */
  maxAgeMs?: number;
}

const DEFAULTS: Required<RelayTuning> = {
  intervalMs: 2000,
  batch: 10,
  maxAttempts: 5,
  retryMs: 2000,
  maxAgeMs: 24 * 3600_000,
};

interface Row {
  id: string;
  user_ref: unknown;
  reply: unknown;
  attempts: number;
}

interface Draining {
  platforms: () => readonly Platform[];
  deliver: Notifier;
}

export class PgMessageRelay implements MessageRelay {
  private readonly tuning: Required<RelayTuning>;
  private readonly rows: RowCheck<{ to: UserRef; reply: Reply }>;
  private draining: Draining | undefined;
  private listener: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed: Promise<void> | undefined;

  private constructor(
    private readonly url: string,
    private readonly pool: Pool,
    private readonly logger: Logger | undefined,
    tuning: RelayTuning,
  ) {
    this.tuning = { ...DEFAULTS, ...tuning };
    this.rows = new RowCheck('relayed_messages', relayedMessage, logger);
  }

  /** On `url`'s database, migrated already (openStores does it first). Connects when first used. */
  static open(url: string, logger?: Logger, tuning: RelayTuning = {}): PgMessageRelay {
    // A few connections: one drain at a time, the puts and the expiry; the listener is apart.
    const pool = openPool(
      url,
      logger,
      { max: 3, application_name: 'reelbot-relay' },
      { level: 'warn', message: 'PostgreSQL relay connection lost' },
    );
    return new PgMessageRelay(url, pool, logger, tuning);
  }

  async put(to: UserRef, reply: Reply): Promise<void> {
    // One statement, one transaction: the notification goes out with the row's commit.
    await this.pool.query(
      `WITH m AS (INSERT INTO relayed_messages (platform, user_ref, reply) VALUES ($1, $2, $3) RETURNING platform)
       SELECT pg_notify('${CHANNEL}', platform) FROM m`,
      [to.platform, JSON.stringify(to), JSON.stringify(reply)],
    );
  }

  drain(platforms: () => readonly Platform[], deliver: Notifier): void {
    if (this.closed || this.draining) return;
    this.draining = { platforms, deliver };
    this.timer = setInterval(() => this.tick(), this.tuning.intervalMs);
    this.timer.unref();
    this.listen();
    this.kick();
  }

  async stop(): Promise<void> {
    this.draining = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
    const listener = this.listener;
    this.listener = undefined;
    // One still connecting ends itself once it sees it is no longer the listener.
    await this.connecting;
    await listener?.end().catch(() => undefined);
    await this.running;
  }

  close(): Promise<void> {
    return (this.closed ??= this.stop().then(() => this.pool.end()));
  }

  private tick(): void {
    if (!this.draining) return;
    if (!this.listener) this.listen();
    void this.expire();
    this.kick();
  }

  /** LISTEN on a client of its own; on failure, the next tick tries again. */
  private listen(): void {
    const connecting = this.connectListener().finally(() => {
      if (this.connecting === connecting) this.connecting = undefined;
    });
    this.connecting = connecting;
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'reelbot-relay-listen',
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    this.listener = client;
    const lost = (err: Error) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.logger?.warn({ reason: err.message }, 'relay listener lost; draining every interval meanwhile');
      void client.end().catch(() => undefined);
    };
    // An 'error' nobody listens to ends the process (pg/lib/client.js, _handleErrorEvent).
    client.on('error', lost);
    // The server ended the session (an operator's pg_terminate_backend, a restart).
    client.on('end', () => lost(new Error('the connection ended')));
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && this.draining?.platforms().some((p) => p === n.payload)) this.kick();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      lost(e as Error);
      return;
    }
    // Stopped while connecting: nobody ends this client otherwise.
    if (this.listener !== client) await client.end().catch(() => undefined);
    // Whatever was put while nobody here listened.
    else this.kick();
  }

  /** Drain now, or once more after the drain in flight. */
  private kick(): void {
    if (!this.draining) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while (this.draining && (await this.drainBatch(this.draining)) === this.tuning.batch);
        } catch (e) {
          this.logger?.warn(
            { reason: (e as Error).message },
            'relayed messages not drained; trying again soon',
          );
        }
      } while (this.again && this.draining);
    })().finally(() => (this.running = undefined));
  }

  /** Claim up to `batch` due rows of our platforms, send them, delete them; how many were claimed. */
  private async drainBatch(d: Draining): Promise<number> {
    const platforms = d.platforms();
    if (platforms.length === 0) return 0;
    const { batch, maxAttempts, retryMs, maxAgeMs } = this.tuning;
    return inTransaction(this.pool, async (c) => {
      const { rows } = await c.query<Row>(
        `SELECT id::text AS id, user_ref, reply, attempts FROM relayed_messages
         WHERE platform = ANY($1) AND not_before <= now() AND created_at > now() - $3 * interval '1 millisecond'
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [platforms, batch, maxAgeMs],
      );
      for (const row of rows) {
        // Stopping: the rest are left as they were, for whoever drains next.
        if (this.draining !== d) break;
        const failure = await this.send(d, row);
        const attempts = row.attempts + 1;
        if (failure === undefined || attempts >= maxAttempts) {
          await c.query('DELETE FROM relayed_messages WHERE id = $1', [row.id]);
          if (failure !== undefined)
            this.logger?.warn(
              { id: row.id, attempts, reason: failure },
              'relayed message dropped after failed sends',
            );
          continue;
        }
        await c.query(
          `UPDATE relayed_messages SET attempts = $2, not_before = now() + $3 * interval '1 millisecond' WHERE id = $1`,
          [row.id, attempts, retryMs * 2 ** (attempts - 1)],
        );
      }
      return rows.length;
    });
  }

  /** undefined once sent, else why not. */
  private async send(d: Draining, row: Row): Promise<string | undefined> {
    // Not one this release can read (a newer one's?): tried again, so another instance may.
    const message = this.rows.parse(row.id, { to: row.user_ref, reply: row.reply });
    if (!message) return 'not a valid relayed message';
    try {
      await d.deliver.send(message.to, message.reply);
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  private async expire(): Promise<void> {
    try {
      const { rowCount } = await this.pool.query(
        `DELETE FROM relayed_messages WHERE created_at <= now() - $1 * interval '1 millisecond'`,
        [this.tuning.maxAgeMs],
      );
      if (rowCount)
        this.logger?.warn(
          { count: rowCount, maxAgeMs: this.tuning.maxAgeMs },
          'relayed messages nobody sent in time deleted (no instance runs their chat?)',
        );
    } catch (e) {
      this.logger?.warn(
        { reason: (e as Error).message },
        'old relayed messages not deleted; trying again later',
      );
    }
  }
}
