/**
 * DATA_DIR/reelbot.pid: which process owns the data files. lowdb keeps each file in memory and
 * rewrites it whole, so two processes writing the same folder lose each other's changes; the
 * running bot holds this file, and `npm run retry` & co. check it before they write.
 */
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE = 'reelbot.pid';

export function lockPath(dataDir: string): string {
  return join(dataDir, FILE);
}

/** The pid of a live process holding `dataDir` (not this one), or undefined. */
export function lockHolder(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(lockPath(dataDir), 'utf8').trim(), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: alive, owned by another user. ESRCH: a stale file left by a crash.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

export interface InstanceLock {
  release(): Promise<void>;
}

/** Write this process's pid; release removes the file only while it is still ours. */
export async function holdLock(dataDir: string): Promise<InstanceLock> {
  const path = lockPath(dataDir);
  await writeFile(path, `${process.pid}\n`);
  return {
    async release() {
      try {
        if (readFileSync(path, 'utf8').trim() === String(process.pid)) await rm(path, { force: true });
      } catch {
        // already gone
      }
    },
  };
}
