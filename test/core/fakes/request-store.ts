/**
 * The RequestStore port over a Map, with the lowdb store's semantics
 * (adapters/store/request-store.ts): every read and write is a copy, `update` applies the change
 * to the stored copy and returns a new copy, a duplicate insert or an update of an unknown id
 * throws, and `list` is newest first (ties keep insertion order, as Array.sort is stable).
 * test/core/fakes/stores.test.ts runs the same checks against both.
 */
import type { RequestFilter, RequestStore } from '../../../src/core/ports.js';
import { userKey, type MediaRequest } from '../../../src/core/types.js';

export class MemoryRequestStore implements RequestStore {
  private readonly byId = new Map<string, MediaRequest>();

  async insert(request: MediaRequest): Promise<void> {
    if (this.byId.has(request.id)) throw new Error(`request ${request.id} already exists`);
    this.byId.set(request.id, structuredClone(request));
  }

  async get(id: string): Promise<MediaRequest | undefined> {
    const r = this.byId.get(id);
    return r ? structuredClone(r) : undefined;
  }

  async update(id: string, change: (r: MediaRequest) => void): Promise<MediaRequest> {
    const current = this.byId.get(id);
    if (!current) throw new Error(`no request ${id}`);
    const draft = structuredClone(current);
    change(draft);
    this.byId.set(id, draft);
    return structuredClone(draft);
  }

  async list(filter: RequestFilter = {}): Promise<MediaRequest[]> {
    const out: MediaRequest[] = [];
    for (const r of this.byId.values()) {
      if (filter.status && !filter.status.includes(r.status)) continue;
      if (filter.user && userKey(r.user) !== filter.user) continue;
      if (filter.since && r.createdAt <= filter.since) continue;
      if (filter.owned && !r.owner) continue;
      out.push(structuredClone(r));
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }
}
