/**
 * DATA_DIR belongs to one reelbot process at a time: lowdb keeps each file in memory and rewrites
 * it whole, so two processes on one folder lose each other's changes. The lock is proper-lockfile's:
 * DATA_DIR/reelbot.lock, a folder made with mkdir (atomic, on NFS too) whose mtime the holder
 * refreshes every few seconds. It does not say who holds it, so DATA_DIR/reelbot.pid does (pid,
 * host, since). A lock not refreshed for STALE_MS, or one whose holder on this host is no longer
 * running (SIGKILL, a power cut), is taken over with a warning; any other is refused, naming it.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rm, rmdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import type { Logger } from '../../src/core/ports.js';
import { DataFileError, permissionError, writeFileDurable } from './durable-file.js';

const LOCK = 'reelbot.lock';
const PID = 'reelbot.pid';
/** How long a lock may go unrefreshed before it counts as left behind (refreshed every STALE_MS / 2). */
const STALE_MS = 20_000;

export interface LockHolder {
  pid: number | undefined;
  host: string | undefined;
  since?: string;
}

const holderFile = z.object({ pid: z.number().int().positive(), host: z.string(), since: z.string() });

/** The folders this process holds, so lockHolder never reports the caller itself. */
const held = new Set<string>();

function readHolder(dir: string): LockHolder {
  try {
    const parsed = holderFile.safeParse(JSON.parse(readFileSync(join(dir, PID), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // none yet (the holder writes it right after taking the lock), or unreadable
  }
  return { pid: undefined, host: undefined };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, owned by another user. ESRCH: gone.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type LockState =
  | { state: 'free' }
  | { state: 'held'; holder: LockHolder }
  | { state: 'left'; holder: LockHolder; why: string };

function inspect(dir: string): LockState {
  let mtime: number;
  try {
    mtime = statSync(join(dir, LOCK)).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'free' };
    throw permissionError(join(dir, LOCK), e, 'checking') ?? e;
  }
  const holder = readHolder(dir);
  const age = Date.now() - mtime;
  if (age > STALE_MS) return { state: 'left', holder, why: `not refreshed for ${Math.round(age / 1000)} s` };
  if (holder.pid !== undefined && holder.host === hostname()) {
    // Our own pid without our own lock: an earlier process that had this pid (a container restart).
    const ours = holder.pid === process.pid;
    if (ours ? !held.has(dir) : !alive(holder.pid))
      return { state: 'left', holder, why: 'its process is no longer running' };
  }
  return { state: 'held', holder };
}

/** Who holds `dataDir` when it is another process, else undefined (free, left behind, or us). */
export function lockHolder(dataDir: string): LockHolder | undefined {
  const dir = resolve(dataDir);
  if (held.has(dir)) return undefined;
  const s = inspect(dir);
  return s.state === 'held' ? s.holder : undefined;
}

function inUse(dir: string, h: LockHolder): DataFileError {
  const who = `pid ${h.pid ?? 'unknown'}${h.host ? ` on ${h.host}` : ''}${h.since ? `, since ${h.since}` : ''}`;
  return new DataFileError(
    dir,
    `${dir} is in use by reelbot (${who}); two processes on one data folder lose each other's writes. ` +
      'Stop that one first (systemctl stop reelbot) or give this one its own DATA_DIR. If no reelbot ' +
      `runs there any more, its lock (${join(dir, LOCK)}) frees itself ${STALE_MS / 1000} s after it stopped.`,
  );
}

export interface InstanceLock {
  release(): Promise<void>;
}

export interface HoldOptions {
  logger?: Logger;
  /** The lock was taken from us (someone removed it, or took it over while we were frozen). */
  onLost?: (err: Error) => void;
}

/** Take `dataDir`, or throw a DataFileError naming its holder. */
export async function holdLock(dataDir: string, opts: HoldOptions = {}): Promise<InstanceLock> {
  const dir = resolve(dataDir);
  const lockDir = join(dir, LOCK);
  await mkdir(dir, { recursive: true }).catch((e: unknown) => {
    throw permissionError(dir, e, 'creating') ?? e;
  });
  const found = inspect(dir);
  if (found.state === 'held') throw inUse(dir, found.holder);
  if (found.state === 'left') {
    opts.logger?.warn(
      { dataDir: dir, holderPid: found.holder.pid, holderHost: found.holder.host, why: found.why },
      'taking over the data folder lock of a reelbot that is no longer running',
    );
    await rmdir(lockDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(dir, {
      lockfilePath: lockDir,
      realpath: false,
      stale: STALE_MS,
      onCompromised: (err) => {
        held.delete(dir);
        opts.logger?.error({ err, dataDir: dir }, 'lost the lock on the data folder');
        opts.onLost?.(err);
      },
    });
  } catch (e) {
    // Another process took it between our look and our mkdir.
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw inUse(dir, readHolder(dir));
    throw permissionError(lockDir, e, 'creating') ?? e;
  }
  held.add(dir);
  const pidFile = join(dir, PID);
  const me = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    await writeFileDurable(pidFile, `${JSON.stringify(me)}\n`);
  } catch (e) {
    held.delete(dir);
    await unlock();
    throw e;
  }
  return {
    async release() {
      if (!held.delete(dir)) return;
      if (readHolder(dir).pid === process.pid) await rm(pidFile, { force: true });
      await unlock().catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ERELEASED') throw e;
      });
    },
  };
}
