/**
 * Where damaged data goes, so that nothing is lost and the rest keeps working:
 * - a record that is not valid is appended to `<file>.quarantine.jsonl` (with when, why and its
 *   id) before the file is rewritten without it;
 * - a whole file that cannot be read as it is (not JSON, wrong shape) is kept as
 *   `<file>.corrupt-<time>`, byte for byte, before what could be read from it is written back.
 * Each is one error line naming the file and the record, so the operator knows what to look at.
 */
import { rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import type { Logger } from '../../src/core/ports.js';
import { appendLines, syncDir, writeFileDurable } from './durable-file.js';

export interface Rejected {
  /** The record's id (request id, choice token), or where it was (`#3`, `line 12`). */
  id: string;
  reason: string;
  /** As read: the parsed value, or the text of a line that did not parse. */
  record: unknown;
}

export const quarantinePath = (file: string): string => `${file}.quarantine.jsonl`;

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** What zod found wrong, in one short line: `query: expected object; audit: expected array`. */
export function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 4).map((i) => `${i.path.join('.') || 'record'}: ${i.message}`);
  return issues.join('; ') + (error.issues.length > 4 ? ` (+${error.issues.length - 4} more)` : '');
}

/** The value of `record[key]` when it is a non-empty string (an id worth logging). */
export function idOf(record: unknown, key: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const id = (record as Record<string, unknown>)[key];
  return typeof id === 'string' && id ? id : undefined;
}

/** Log each rejected record of `file` (at load, when it leaves the working set). */
export function logRejected(file: string, rejected: Rejected[], logger: Logger | undefined): void {
  for (const r of rejected)
    logger?.error(
      { file, id: r.id, reason: r.reason, quarantine: quarantinePath(file) },
      'stored record is not valid; quarantined, the rest of the file loads',
    );
}

/** Append the rejected records to the quarantine file, flushed, before `file` loses them. */
export async function quarantine(file: string, rejected: Rejected[]): Promise<void> {
  if (rejected.length === 0) return;
  const at = new Date().toISOString();
  await appendLines(
    quarantinePath(file),
    rejected
      .map((r) => JSON.stringify({ at, file, id: r.id, reason: r.reason, record: r.record }))
      .join('\n'),
  );
}

/** Keep a copy of `text` (the file as it was) beside `file`; the original is then replaced. */
export async function copyAside(file: string, text: string): Promise<string> {
  const aside = `${file}.corrupt-${stamp()}`;
  await writeFileDurable(aside, text);
  return aside;
}

/** Move `file` aside (a one-record file: nothing of it is written back). */
export async function moveAside(file: string): Promise<string> {
  const aside = `${file}.corrupt-${stamp()}`;
  await rename(file, aside);
  await syncDir(dirname(file));
  return aside;
}
