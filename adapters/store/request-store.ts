/**
 * RequestStore on DATA_DIR/requests.json. An in-memory index answers reads; every change is
 * written before the caller goes on. One write rewrites the whole file, so its cost grows with
 * the number of stored requests: see test/bench/requests.bench.ts for the figures.
 */
import { join } from 'node:path';
import type { Logger, RequestFilter, RequestStore } from '../../src/core/ports.js';
import { userKey, type MediaRequest } from '../../src/core/types.js';
import { LowdbFile } from './lowdb-file.js';
import { migrateRequests, SCHEMA_VERSION, type RequestsFile } from './schema.js';

export class LowdbRequestStore implements RequestStore {
  private readonly index = new Map<string, MediaRequest>();

  private constructor(private readonly file: LowdbFile<RequestsFile>) {
    for (const r of file.data.requests) this.index.set(r.id, r);
  }

  static async open(dataDir: string, logger?: Logger): Promise<LowdbRequestStore> {
    const file = await LowdbFile.open<RequestsFile>(
      join(dataDir, 'requests.json'),
      { version: SCHEMA_VERSION, requests: [] },
      logger,
    );
    migrateRequests(file.data);
    return new LowdbRequestStore(file);
  }

  get path(): string {
    return this.file.path;
  }

  insert(request: MediaRequest): Promise<void> {
    return this.file.mutate((data) => {
      if (this.index.has(request.id)) throw new Error(`request ${request.id} already exists`);
      const copy = structuredClone(request);
      data.requests.push(copy);
      this.index.set(copy.id, copy);
    });
  }

  async get(id: string): Promise<MediaRequest | undefined> {
    const r = this.index.get(id);
    return r ? structuredClone(r) : undefined;
  }

  update(id: string, change: (r: MediaRequest) => void): Promise<MediaRequest> {
    return this.file.mutate((data) => {
      const i = data.requests.findIndex((r) => r.id === id);
      const current = data.requests[i];
      if (!current) throw new Error(`no request ${id}`);
      const draft = structuredClone(current);
      change(draft);
      data.requests[i] = draft;
      this.index.set(id, draft);
      return structuredClone(draft);
    });
  }

  async list(filter: RequestFilter = {}): Promise<MediaRequest[]> {
    const out: MediaRequest[] = [];
    for (const r of this.index.values()) {
      if (filter.status && !filter.status.includes(r.status)) continue;
      if (filter.user && userKey(r.user) !== filter.user) continue;
      out.push(structuredClone(r));
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }
}
