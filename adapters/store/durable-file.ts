/**
 * File writes that survive a crash or a power cut, and reads that tell damage from a permission
 * problem. A replaced file goes to a temp file beside it (a unique name per write, `.<name>.<pid>.
 * <n>.tmp`, git-ignored), is flushed (fsync), renamed over the old one, and then the folder is
 * flushed so the rename itself is on disk. An append is flushed before it resolves. Hand-written
 * rather than write-file-atomic: that one flushes the file but not the folder, and its current
 * majors need a newer Node than this project's floor; lowdb's own writer (steno) flushes neither.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** A data file that cannot be used as it is; the message names the file and what to do. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DataFileError';
  }
}

function whoAmI(): string {
  try {
    const u = userInfo();
    return `user ${u.username} (uid ${u.uid})`;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** Thrown for EACCES/EPERM: not damage, so nothing may be moved aside or started empty. */
export function permissionError(path: string, e: unknown, doing: string): DataFileError | undefined {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== 'EACCES' && code !== 'EPERM') return undefined;
  return new DataFileError(
    path,
    `${path}: permission denied (${code}) ${doing} it as ${whoAmI()}. reelbot does not start without ` +
      `its data: give the data folder back to that user (chown -R <user>: ${dirname(path)}), then start again`,
    { cause: e },
  );
}

/** The file's text, or undefined when there is none. Any other failure names the file. */
export async function readIfExists(path: string): Promise<string | undefined> {
  return (await readBytesIfExists(path))?.toString('utf8');
}

/** The file's bytes, or undefined when there is none. Any other failure names the file. */
export async function readBytesIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw (
      permissionError(path, e, 'reading') ??
      new DataFileError(path, `${path}: cannot be read (${(e as Error).message})`, { cause: e })
    );
  }
}

let counter = 0;

/** Replace `path` with `text`: all of it or none of it, and on disk when this resolves. */
export async function writeFileDurable(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw permissionError(path, e, 'writing') ?? e;
  }
  await syncDir(dir);
}

/**
 * Append `text` (one or more lines, without the final newline) on lines of their own: when the
 * file does not end with a newline (an append cut short), one is written first, so the cut line
 * cannot swallow this one. Resolves to the byte offset at which `text` starts.
 */
export async function appendLines(path: string, text: string): Promise<number> {
  const fh = await open(path, 'a+');
  let created = false;
  let offset: number;
  try {
    const { size } = await fh.stat();
    created = size === 0;
    let sep = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) sep = '\n';
    }
    offset = size + sep.length;
    await fh.appendFile(`${sep}${text}\n`, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (created) await syncDir(dirname(path));
  return offset;
}

/** Flush a folder's entries (a rename or a new file in it). Windows cannot open a folder. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
