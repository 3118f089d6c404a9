/**
 * RequestStore: open requests in DATA_DIR/requests.json (lowdb), finished ones appended to
 * requests-archive.jsonl. An in-memory index answers reads; every change is on disk before the
 * caller goes on. lowdb rewrites its whole file on each write, so keeping finished requests out of
 * it keeps a write proportional to the open requests (test/bench/requests-throughput.ts). Every
 * record is validated on load; what fails is quarantined and the rest loads (schema.ts).
 */
import { join } from 'node:path';
import type { Logger, RequestFilter, RequestStore } from '../../src/core/ports.js';
import { userKey, type MediaRequest } from '../../src/core/types.js';
import { FINAL_STATES } from '../../src/core/media/request-lifecycle.js';
import { LowdbFile } from './lowdb-file.js';
import { RequestArchive } from './request-archive.js';
import { loadRequests, type RequestsFile } from './schema.js';

export class LowdbRequestStore implements RequestStore {
  private readonly index = new Map<string, MediaRequest>();

  private constructor(
    private readonly file: LowdbFile<RequestsFile>,
    private readonly archive: RequestArchive,
  ) {
    for (const r of archive.requests.values()) this.index.set(r.id, r);
    // An open copy wins: a request reopened after it finished (an admin's retry), or one a crash
    // left in both places between the archive append and the open file's write.
    for (const r of file.data.requests) this.index.set(r.id, r);
  }

  static async open(dataDir: string, logger?: Logger): Promise<LowdbRequestStore> {
    const path = join(dataDir, 'requests.json');
    const file = await LowdbFile.open<RequestsFile>(path, (raw) => loadRequests(raw, path), logger);
    const archive = await RequestArchive.open(join(dataDir, 'requests-archive.jsonl'), logger);
    return new LowdbRequestStore(file, archive);
  }

  get path(): string {
    return this.file.path;
  }

  insert(request: MediaRequest): Promise<void> {
    const final = FINAL_STATES.includes(request.status);
    return this.file.mutate(async (data) => {
      if (this.index.has(request.id)) throw new Error(`request ${request.id} already exists`);
      const copy = structuredClone(request);
      if (final) await this.archive.append(copy);
      else data.requests.push(copy);
      this.index.set(copy.id, copy);
    }, !final);
  }

  async get(id: string): Promise<MediaRequest | undefined> {
    const r = this.index.get(id);
    return r ? structuredClone(r) : undefined;
  }

  update(id: string, change: (r: MediaRequest) => void): Promise<MediaRequest> {
    return this.file
      .mutate(
        async (data) => {
          const current = this.index.get(id);
          if (!current) throw new Error(`no request ${id}`);
          const draft = structuredClone(current);
          change(draft);
          const i = data.requests.findIndex((r) => r.id === id);
          this.index.set(id, draft);
          if (FINAL_STATES.includes(draft.status)) {
            // Archive first: a crash before the open file is rewritten leaves a copy in both, never none.
            await this.archive.append(draft);
            if (i !== -1) data.requests.splice(i, 1);
            // A finished request that stays finished touches only the archive.
            return { request: draft, openFileChanged: i !== -1 };
          }
          if (i === -1) data.requests.push(draft);
          else data.requests[i] = draft;
          return { request: draft, openFileChanged: true };
        },
        (out) => out.openFileChanged,
      )
      .then((out) => structuredClone(out.request));
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
