/**
 * JobStore as one JSON file per enrichment job under DATA_DIR/jobs/, written atomically and
 * durably. A file that does not parse or has the wrong shape is moved aside with an error line
 * (atomic-json.ts, readRecordFile): the job is simply started again when someone asks.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../src/core/ports.js';
import type { EnrichmentJob, JobStore } from '../../src/core/vocab/enrichment/types.js';
import { fileNameFor, readRecordFile, writeJsonAtomic } from './atomic-json.js';
import { storedJob } from './vocab-schemas.js';

export class JsonJobStore implements JobStore {
  /** `dir` is DATA_DIR/jobs. */
  constructor(
    private readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  async get(key: string): Promise<EnrichmentJob | undefined> {
    const found = await readRecordFile(this.path(key), storedJob, 'key', this.logger);
    // Two keys can share a file name (fileNameFor); the file then belongs to the other one.
    return found?.key === key ? found : undefined;
  }

  async put(value: EnrichmentJob): Promise<void> {
    await writeJsonAtomic(this.path(value.key), value);
  }

  async list(): Promise<EnrichmentJob[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: EnrichmentJob[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const found = await readRecordFile(join(this.dir, name), storedJob, 'key', this.logger);
      if (found) out.push(found);
    }
    return out;
  }

  private path(key: string): string {
    return join(this.dir, fileNameFor(key));
  }
}
