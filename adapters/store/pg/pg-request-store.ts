/**
 * RequestStore on PostgreSQL: one row per request, the record whole (audit trail included) beside
 * the columns that lists filter and sort on. Several instances may share it. `update` reads the
 * row with SELECT … FOR UPDATE and writes it back in the same transaction, so two instances
 * changing one request take turns and neither change is lost; within one process, updates of one
 * request also run in call order (the port's "writes are applied in order", as lowdb's queue).
 */
import type { Logger, RequestFilter, RequestStore } from '../../../src/core/ports.js';
import { OneAtATime } from '../../../src/core/one-at-a-time.js';
import { userKey, type MediaRequest } from '../../../src/core/types.js';
import { storedRequest } from '../record-schemas.js';
import { inTransaction, type Pool } from './pool.js';
import { RowCheck } from './row-check.js';

interface Row {
  id: string;
  record: unknown;
}

const columns = (r: MediaRequest) => [r.id, r.status, userKey(r.user), r.createdAt, JSON.stringify(r)];

export class PgRequestStore implements RequestStore {
  private readonly rows: RowCheck<MediaRequest>;
  private readonly inOrder = new OneAtATime();

  constructor(
    private readonly pool: Pool,
    logger?: Logger,
  ) {
    this.rows = new RowCheck('requests', storedRequest, logger);
  }

  insert(request: MediaRequest): Promise<void> {
    return this.inOrder.run(request.id, async () => {
      if (!(await this.insertRow(request))) throw new Error(`request ${request.id} already exists`);
    });
  }

  /** Store `request` unless its id is there (import-files: a row is never overwritten); whether it was stored. */
  insertIfAbsent(request: MediaRequest): Promise<boolean> {
    return this.inOrder.run(request.id, () => this.insertRow(request));
  }

  private async insertRow(request: MediaRequest): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO requests (id, status, user_key, created_at, record) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      columns(request),
    );
    return rowCount === 1;
  }

  async get(id: string): Promise<MediaRequest | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT id, record FROM requests WHERE id = $1', [id]);
    const row = rows[0];
    return row && this.rows.parse(row.id, row.record);
  }

  update(id: string, change: (r: MediaRequest) => void): Promise<MediaRequest> {
    return this.inOrder.run(id, () =>
      inTransaction(this.pool, async (c) => {
        const { rows } = await c.query<Row>('SELECT id, record FROM requests WHERE id = $1 FOR UPDATE', [id]);
        const row = rows[0];
        const draft = row && this.rows.parse(row.id, row.record);
        if (!draft) throw new Error(`no request ${id}`);
        change(draft);
        const [, status, user, createdAt, record] = columns(draft);
        await c.query(
          'UPDATE requests SET status = $2, user_key = $3, created_at = $4, record = $5 WHERE id = $1',
          [id, status, user, createdAt, record],
        );
        return structuredClone(draft);
      }),
    );
  }

  async list(filter: RequestFilter = {}): Promise<MediaRequest[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) add('status = ANY(?)', filter.status);
    if (filter.user) add('user_key = ?', filter.user);
    if (filter.since) add('created_at > ?', filter.since);
    if (filter.owned) where.push("record->'owner' IS NOT NULL");
    const { rows } = await this.pool.query<Row>(
      `SELECT id, record FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, seq`,
      params,
    );
    return this.rows.parseAll(rows);
  }
}
