/**
 * RequestStore: open requests in DATA_DIR/requests.json (lowdb), finished ones appended to
 * requests-archive.jsonl. Open requests are held in memory; finished ones are summarised there
 * and read back from the archive when asked for (request-archive.ts). Every change is on disk
 * before the caller goes on. lowdb rewrites its whole file on each write, so keeping finished
 * requests out of it keeps a write proportional to the open requests
 * (test/bench/requests-throughput.ts). Every record is validated on load; what fails is
 * quarantined and the rest loads (schema.ts).
 */
import { join } from 'node:path';
import type { Logger, RequestFilter, RequestStore } from '../../src/core/ports.js';
import { userKey, type MediaRequest, type RequestStatus } from '../../src/core/types.js';
import { FINAL_STATES } from '../../src/core/media/request-lifecycle.js';
import { LowdbFile } from './lowdb-file.js';
import { RequestArchive } from './request-archive.js';
import { loadRequests, type RequestsFile } from './schema.js';

export class LowdbRequestStore implements RequestStore {
  /** The open requests by id: the same objects as in the lowdb file's data. */
  private readonly open = new Map<string, MediaRequest>();

  private constructor(
    private readonly file: LowdbFile<RequestsFile>,
    private readonly archive: RequestArchive,
  ) {
    // An open copy wins over an archived one: a request reopened after it finished (an admin's
    // retry), or one a crash left in both places between the archive append and the file's write.
    for (const r of file.data.requests) this.open.set(r.id, r);
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
      if (this.open.has(request.id) || this.archive.has(request.id))
        throw new Error(`request ${request.id} already exists`);
      const copy = structuredClone(request);
      if (final) await this.archive.append(copy);
      else {
        data.requests.push(copy);
        this.open.set(copy.id, copy);
      }
    }, !final);
  }

  async get(id: string): Promise<MediaRequest | undefined> {
    const r = this.open.get(id);
    if (r) return structuredClone(r);
    return this.archive.get(id);
  }

  update(id: string, change: (r: MediaRequest) => void): Promise<MediaRequest> {
    return this.file
      .mutate(
        async (data) => {
          const current = this.open.get(id) ?? (await this.archive.get(id));
          if (!current) throw new Error(`no request ${id}`);
          const draft = structuredClone(current);
          change(draft);
          const i = data.requests.findIndex((r) => r.id === id);
          if (FINAL_STATES.includes(draft.status)) {
            // Archive first: a crash before the open file is rewritten leaves a copy in both, never none.
            await this.archive.append(draft);
            if (i !== -1) data.requests.splice(i, 1);
            this.open.delete(id);
            // A finished request that stays finished touches only the archive.
            return { request: draft, openFileChanged: i !== -1 };
          }
          if (i === -1) data.requests.push(draft);
          else data.requests[i] = draft;
          this.open.set(id, draft);
          return { request: draft, openFileChanged: true };
        },
        (out) => out.openFileChanged,
      )
      .then((out) => structuredClone(out.request));
  }

  async list(filter: RequestFilter = {}): Promise<MediaRequest[]> {
    const matches = (status: RequestStatus, user: string, createdAt: string) =>
      (!filter.status || filter.status.includes(status)) &&
      (!filter.user || user === filter.user) &&
      (!filter.since || createdAt > filter.since);
    const out: MediaRequest[] = [];
    for (const r of this.open.values())
      if (matches(r.status, userKey(r.user), r.createdAt)) out.push(structuredClone(r));
    const archived: string[] = [];
    for (const [id, s] of this.archive.summaries())
      if (!this.open.has(id) && matches(s.status, s.user, s.createdAt)) archived.push(id);
    if (archived.length > 0) out.push(...(await this.archive.getMany(archived)));
    // `owned` is not in the archive's summaries: it is read from the records (with `since`, few).
    const kept = filter.owned ? out.filter((r) => r.owner) : out;
    return kept.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }
}
