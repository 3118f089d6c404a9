/**
 * Every row read back goes through the same zod schema as the files' records. A row that fails
 * is skipped and logged (once per process, not on every list), never a crash, and stays in its
 * table for the operator: unlike a file's quarantine, nothing is moved, since the row may be a
 * newer release's record that another instance on the same database reads fine.
 */
import type { z } from 'zod';
import type { Logger } from '../../../src/core/ports.js';
import { describeIssues } from '../quarantine.js';

export class RowCheck<T> {
  private readonly reported = new Set<string>();

  constructor(
    private readonly table: string,
    private readonly schema: z.ZodType<T>,
    private readonly logger?: Logger,
  ) {}

  /** The record of the row `id`, or undefined (logged) when it is not a valid one. */
  parse(id: string, record: unknown): T | undefined {
    const parsed = this.schema.safeParse(record);
    if (parsed.success) return parsed.data;
    if (!this.reported.has(id)) {
      this.reported.add(id);
      this.logger?.error(
        { table: this.table, id, reason: describeIssues(parsed.error) },
        'stored row is not valid; skipped (left in the table), the rest loads',
      );
    }
    return undefined;
  }

  /** Each row's record, the invalid ones left out. */
  parseAll(rows: readonly { id: string; record: unknown }[]): T[] {
    return rows.flatMap((r) => this.parse(r.id, r.record) ?? []);
  }
}
