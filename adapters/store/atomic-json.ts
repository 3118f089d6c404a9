/**
 * JSON files written atomically and durably (adapters/store/durable-file.ts: a unique temp file
 * beside the target, fsync, rename, fsync of the folder), so a crash, a power cut or a concurrent
 * reader sees the old file or the new one, never half of one.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import type { Logger } from '../../src/core/ports.js';
import { readIfExists, writeFileDurable } from './durable-file.js';
import { describeIssues, idOf, moveAside } from './quarantine.js';

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileDurable(path, JSON.stringify(value));
}

/** The parsed file, or undefined when it does not exist or is not JSON (a cache: fetched again). */
export async function readJson(path: string): Promise<unknown> {
  const text = await readIfExists(path);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A one-record file through `schema`; undefined when there is none. A file that is not JSON or
 * not such a record is moved aside (`<file>.corrupt-<time>`, so the next write cannot overwrite
 * it), logged with the file and the record's `idKey` (else its file name), and reads as absent.
 * A permission problem throws (durable-file.ts): that is not damage.
 */
export async function readRecordFile<T>(
  path: string,
  schema: z.ZodType<T>,
  idKey: string,
  logger?: Logger,
): Promise<T | undefined> {
  const text = await readIfExists(path);
  if (text === undefined) return undefined;
  let raw: unknown;
  let reason: string;
  try {
    raw = JSON.parse(text) as unknown;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    reason = describeIssues(parsed.error);
  } catch (e) {
    reason = `not valid JSON (${(e as Error).message})`;
  }
  const movedTo = await moveAside(path);
  logger?.error(
    { file: path, id: idOf(raw, idKey) ?? basename(path, '.json'), reason, movedTo },
    'stored record is not valid; moved aside, it reads as absent',
  );
  return undefined;
}

/**
 * A file name for a key: the key itself when it is a plain lower-case slug (every Latin-script
 * movie and job key), else a safe version of it with a hash of the whole key, so two keys that
 * differ only in letters a file name cannot hold ("Брат", "千と千尋の神隠し") never share a file.
 */
export function fileNameFor(key: string): string {
  if (/^[a-z0-9][a-z0-9-]{0,119}$/.test(key)) return `${key}.json`;
  const safe = key
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  // `_` never occurs in a plain key's file name, so a hashed name cannot be mistaken for a key.
  return `${safe ? `${safe}_` : '_'}${hash}.json`;
}
