/**
 * JobStore as one JSON file per enrichment job under DATA_DIR/jobs/, written atomically and
 * durably. A file that does not parse or has the wrong shape is moved aside with an error line
 * (atomic-json.ts, readRecordFile): the job is simply started again when someone asks.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../src/core/ports.js';
import type { EnrichmentJob, JobStore } from '../../src/core/vocab/enrichment/types.js';
import { fileNameFor, readRecordFile, writeJsonAtomic } from './atomic-json.js';

const userRef = z.object({
  platform: z.enum(['telegram', 'discord', 'terminal', 'http']),
  userId: z.string(),
  chatId: z.string(),
  name: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

const job: z.ZodType<EnrichmentJob> = z.object({
  key: z.string(),
  movieKey: z.string(),
  title: z.string(),
  language: z.string(),
  status: z.enum(['queued', 'running', 'ready', 'failed', 'paused']),
  total: z.number().int(),
  done: z.number().int(),
  reason: z.string().optional(),
  retryAt: z.string().optional(),
  translator: z.string(),
  words: z.record(z.string(), z.string()),
  sentences: z.record(z.string(), z.string()),
  chars: z.object({ words: z.number(), sentences: z.number() }),
  requests: z.number().int(),
  askers: z.array(z.object({ user: userRef, at: z.string(), notified: z.boolean() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
  pauseNotified: z.boolean().optional(),
});

export class JsonJobStore implements JobStore {
  /** `dir` is DATA_DIR/jobs. */
  constructor(
    private readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  async get(key: string): Promise<EnrichmentJob | undefined> {
    const found = await readRecordFile(this.path(key), job, 'key', this.logger);
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
      const found = await readRecordFile(join(this.dir, name), job, 'key', this.logger);
      if (found) out.push(found);
    }
    return out;
  }

  private path(key: string): string {
    return join(this.dir, fileNameFor(key));
  }
}
