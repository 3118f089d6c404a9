/**
 * lowdb files: exactly one Low instance per file per process (two instances on one file lose
 * each other's writes), a serial queue so read-modify-write steps never interleave, and shared
 * writes (see mutate). Writes are durable (durable-file.ts: fsync, rename, fsync of the folder).
 * Loading validates: a damaged file or record is kept aside or quarantined and the rest loads
 * (quarantine.ts); an unreadable file (permission) stops start-up instead.
 */
import { resolve } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { Logger } from '../../src/core/ports.js';
import { readIfExists, writeFileDurable } from './durable-file.js';
import type { Loaded } from './load-records.js';
import { copyAside, logRejected, quarantine } from './quarantine.js';

/** lowdb's JSONFile, with durable writes. */
class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly path: string) {}
  async read(): Promise<T | null> {
    const text = await readIfExists(this.path);
    return text === undefined ? null : (JSON.parse(text) as T);
  }
  write(data: T): Promise<void> {
    return writeFileDurable(this.path, JSON.stringify(data, null, 2));
  }
}

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

  /** By resolved path; a promise, so two opens at once still share one instance. */
  private static readonly instances = new Map<string, Promise<LowdbFile<unknown>>>();

  /**
   * The one instance for `path`. `load` turns what the file holds (undefined: no file, or not
   * JSON) into the data, saying what it could not use. A file that is not JSON or has the wrong
   * shape is copied aside first; rejected records go to the quarantine file; then what could be
   * read is written back at once, so a second start finds a clean file.
   */
  static open<T>(path: string, load: (raw: unknown) => Loaded<T>, logger?: Logger): Promise<LowdbFile<T>> {
    const key = resolve(path);
    const existing = LowdbFile.instances.get(key);
    if (existing) return existing as Promise<LowdbFile<T>>;
    const opening = LowdbFile.load(key, load, logger);
    LowdbFile.instances.set(key, opening as Promise<LowdbFile<unknown>>);
    // A failed open (permission, newer schema) is not kept: the next try reads the file again.
    opening.catch(() => {
      if (LowdbFile.instances.get(key) === opening) LowdbFile.instances.delete(key);
    });
    return opening;
  }

  private static async load<T>(
    key: string,
    load: (raw: unknown) => Loaded<T>,
    logger?: Logger,
  ): Promise<LowdbFile<T>> {
    const text = await readIfExists(key);
    let raw: unknown;
    let notJson: string | undefined;
    try {
      raw = text === undefined ? undefined : (JSON.parse(text) as unknown);
    } catch (e) {
      notJson = `not valid JSON (${(e as Error).message})`;
    }
    const loaded = load(raw);
    const problem = notJson ?? loaded.problem;
    if (problem !== undefined && text !== undefined) {
      const aside = await copyAside(key, text);
      logger?.error(
        { file: key, problem, movedTo: aside },
        'data file damaged: the original is kept aside, starting with the records that could be read',
      );
    }
    logRejected(key, loaded.rejected, logger);
    await quarantine(key, loaded.rejected);
    const file = new LowdbFile(key, new Low<T>(new DurableJsonFile<T>(key), loaded.data));
    if (problem !== undefined || loaded.rejected.length > 0) await file.nextWrite();
    return file;
  }

  /** Forget the instance (tests that reopen a folder to simulate a restart). */
  static forget(path: string): void {
    LowdbFile.instances.delete(resolve(path));
  }
}
