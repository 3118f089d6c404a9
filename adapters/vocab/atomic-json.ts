/**
 * JSON files written atomically: to a temp file beside the target, then renamed over it, so a
 * crash or a concurrent reader sees the old file or the new one, never half of one. Temp names
 * are unique per write (`.<name>.<pid>.<n>.tmp`, git-ignored), so two writers never share one.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

let counter = 0;

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  try {
    await writeFile(tmp, JSON.stringify(value), 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The parsed file, or undefined when it does not exist. Other read errors are thrown. */
export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A file name for a key: the key itself when it is a plain slug, else a safe version of it. */
export function fileNameFor(key: string): string {
  const safe = key
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return `${safe || 'untitled'}.json`;
}
