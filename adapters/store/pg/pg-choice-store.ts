/**
 * ChoiceStore on PostgreSQL. `take` is one DELETE … RETURNING: of two clicks on one button,
 * whichever instance they reach, exactly one finds it.
 */
import type { ChoiceStore, Logger, StoredChoice } from '../../../src/core/ports.js';
import { storedChoice } from '../record-schemas.js';
import type { Pool } from './pool.js';
import { RowCheck } from './row-check.js';

export class PgChoiceStore implements ChoiceStore {
  private readonly rows: RowCheck<StoredChoice>;

  constructor(
    private readonly pool: Pool,
    logger?: Logger,
  ) {
    this.rows = new RowCheck('choices', storedChoice, logger);
  }

  async put(choice: StoredChoice): Promise<void> {
    await this.pool.query(
      `INSERT INTO choices (token, owner, expires_at, record) VALUES ($1, $2, $3, $4)
       ON CONFLICT (token) DO UPDATE
         SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at, record = EXCLUDED.record`,
      [choice.token, choice.owner, choice.expiresAt, JSON.stringify(choice)],
    );
  }

  /** Store `choice` unless its token is there (import-files: never overwrites); whether it was stored. */
  async insertIfAbsent(choice: StoredChoice): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO choices (token, owner, expires_at, record) VALUES ($1, $2, $3, $4)
       ON CONFLICT (token) DO NOTHING`,
      [choice.token, choice.owner, choice.expiresAt, JSON.stringify(choice)],
    );
    return rowCount === 1;
  }

  async get(token: string): Promise<StoredChoice | undefined> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM choices WHERE token = $1',
      [token],
    );
    const row = rows[0];
    return row && this.rows.parse(token, row.record);
  }

  async take(token: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM choices WHERE token = $1 RETURNING token', [
      token,
    ]);
    return rowCount === 1;
  }

  async purgeExpired(now: Date): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM choices WHERE expires_at <= $1', [now]);
    return rowCount ?? 0;
  }
}
