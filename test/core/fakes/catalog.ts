/**
 * The MediaCatalog port, scripted: hits per query title, a latency, failures. It keeps the
 * adapters' contract (adapters/catalog/tmdb/tmdb-catalog.ts and the HTTP client under it):
 * nothing found is `[]`, a failure is an UpstreamError, and a search whose signal is aborted
 * rejects as `timeout` (adapters/http-client/http-client.ts networkError).
 */
import { UpstreamError } from '../../../src/core/errors.js';
import type { MediaCatalog, SearchQuery } from '../../../src/core/ports.js';
import type { Candidate, CatalogHit, ExternalIds, MediaKind } from '../../../src/core/types.js';

export interface FakeCatalogOptions {
  name: string;
  kinds: readonly MediaKind[];
  /** Hits by query title (case and surrounding space ignored); an unknown title finds `[]`. */
  hits?: Record<string, CatalogHit[]>;
  /** Real milliseconds every search takes. */
  latencyMs?: number;
  /** Ids the catalog fills in on request (TMDb `tv/{id}/external_ids`), by candidate key. */
  resolveIds?: Record<string, ExternalIds>;
}

const keyOf = (title: string) => title.trim().toLowerCase();

export class FakeCatalog implements MediaCatalog {
  readonly name: string;
  readonly kinds: readonly MediaKind[];
  readonly searches: { query: SearchQuery; deadline: number | undefined }[] = [];
  readonly latencyMs: number;
  readonly resolveIds?: (candidate: Candidate, signal: AbortSignal) => Promise<ExternalIds>;
  private readonly hits = new Map<string, CatalogHit[]>();
  private readonly failures: UpstreamError[] = [];
  private down: UpstreamError | undefined;

  constructor(opts: FakeCatalogOptions) {
    this.name = opts.name;
    this.kinds = opts.kinds;
    this.latencyMs = opts.latencyMs ?? 0;
    for (const [title, hits] of Object.entries(opts.hits ?? {})) this.hits.set(keyOf(title), hits);
    const ids = opts.resolveIds;
    if (ids) this.resolveIds = async (c) => structuredClone(ids[c.key] ?? {});
  }

  /** The next `times` searches fail with `error`. */
  failNext(error: UpstreamError, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(error);
  }

  /** Every search fails with `error` until called with undefined. */
  failAlways(error: UpstreamError | undefined): void {
    this.down = error;
  }

  async search(query: SearchQuery, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]> {
    this.searches.push({ query: structuredClone(query), deadline });
    if (this.latencyMs > 0) await this.wait(signal);
    if (signal.aborted) throw this.gaveUp();
    const failure = this.failures.shift() ?? this.down;
    if (failure) throw failure;
    return structuredClone(this.hits.get(keyOf(query.title)) ?? []);
  }

  private wait(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, this.latencyMs);
      const onAbort = () => {
        clearTimeout(timer);
        reject(this.gaveUp());
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private gaveUp(): UpstreamError {
    return new UpstreamError(this.name, 'timeout', `${this.name}: search did not answer in time`);
  }
}
