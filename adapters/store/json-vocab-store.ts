/**
 * VocabStore as one JSON file per movie under DATA_DIR/vocab/, written atomically and durably. A
 * file that does not parse or has the wrong shape is moved aside with an error line and reads as
 * absent, so the movie is analysed again (atomic-json.ts, readRecordFile).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../src/core/ports.js';
import type { VocabStore } from '../../src/core/vocab/ports.js';
import type { MovieVocab } from '../../src/core/vocab/types.js';
import { fileNameFor, readRecordFile, writeJsonAtomic } from './atomic-json.js';
import { storedVocab } from './vocab-schemas.js';

export class JsonVocabStore implements VocabStore {
  /** `dir` is DATA_DIR/vocab. */
  constructor(
    private readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  async get(key: string): Promise<MovieVocab | undefined> {
    const found = await readRecordFile(this.path(key), storedVocab, 'key', this.logger);
    // A file renamed by hand, or one written for another key, is not this movie's vocabulary.
    return found?.key === key ? found : undefined;
  }

  async put(vocab: MovieVocab): Promise<void> {
    await writeJsonAtomic(this.path(vocab.key), vocab);
  }

  /**
   * The keys stored. A plain slug's file is named after its key; any other key's file name is a
   * hash (fileNameFor), so its key is read from the file.
   */
  async keys(): Promise<string[]> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const keys = await Promise.all(
      files.map(async (f) => {
        const name = f.slice(0, -'.json'.length);
        if (fileNameFor(name) === f) return name;
        try {
          const key = (JSON.parse(await readFile(join(this.dir, f), 'utf8')) as { key?: unknown }).key;
          return typeof key === 'string' && fileNameFor(key) === f ? key : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    return keys.filter((k): k is string => k !== undefined);
  }

  private path(key: string): string {
    return join(this.dir, fileNameFor(key));
  }
}
