/**
 * lowdb files: exactly one Low instance per file per process (two instances on one file share
 * steno's temp name and lose writes), and a serial queue so read-modify-write steps never
 * interleave. steno writes atomically (temp file + rename) and coalesces writes that queue up.
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

  /** Run `work` after every earlier mutation, then write the file. */
  mutate<R>(work: (data: T) => R | Promise<R>, write = true): Promise<R> {
    const step = async () => {
      const out = await work(this.db.data);
      if (write) await this.db.write();
      return out;
    };
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
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
