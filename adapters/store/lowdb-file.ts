/**
 * lowdb files: exactly one Low instance per file per process (two instances on one file share
 * steno's temp name and lose writes), a serial queue so read-modify-write steps never
 * interleave, and shared writes (see mutate). steno writes atomically (temp file + rename).
 */
import { rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Logger } from '../../src/core/ports.js';

export class LowdbFile<T> {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly db: Low<T>,
  ) {}

  get data(): T {
    return this.db.data;
  }

  /**
   * Run `work` after every earlier mutation, then resolve once a write that includes its change
   * has finished. Changes apply in memory one at a time, in call order; writes are shared (group
   * commit): while one write runs, every change that arrives joins the single next write, so 50
   * concurrent updates cost a handful of file writes instead of 50 in a row.
   */
  mutate<R>(work: (data: T) => R | Promise<R>, write: boolean | ((out: R) => boolean) = true): Promise<R> {
    const step = async () => work(this.db.data);
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next.then(async (out) => {
      if (typeof write === 'function' ? write(out) : write) await this.nextWrite();
      return out;
    });
  }

  /** A write not yet started, which every change made before it starts will be part of. */
  private pending: Promise<void> | undefined;
  private lastWrite: Promise<void> = Promise.resolve();

  private nextWrite(): Promise<void> {
    if (this.pending) return this.pending;
    const write = this.lastWrite.then(() => {
      this.pending = undefined;
      return this.db.write();
    });
    this.pending = write;
    this.lastWrite = write.catch(() => undefined);
    return write;
  }

  private static readonly instances = new Map<string, LowdbFile<unknown>>();

  /** The one instance for `path`; a file that is not valid JSON is moved aside, never overwritten. */
  static async open<T>(path: string, empty: T, logger?: Logger): Promise<LowdbFile<T>> {
    const key = resolve(path);
    const existing = LowdbFile.instances.get(key);
    if (existing) return existing as LowdbFile<T>;
    const db = new Low<T>(new JSONFile<T>(key), empty);
    try {
      await db.read();
    } catch (err) {
      const aside = `${key}.corrupt-${Date.now()}`;
      await rename(key, aside);
      logger?.error(
        { err, file: key, movedTo: aside },
        'data file was not valid JSON; moved aside, starting empty',
      );
      db.data = empty;
    }
    const file = new LowdbFile(key, db);
    LowdbFile.instances.set(key, file as LowdbFile<unknown>);
    return file;
  }

  /** Forget the instance (tests that reopen a folder to simulate a restart). */
  static forget(path: string): void {
    LowdbFile.instances.delete(resolve(path));
  }
}
