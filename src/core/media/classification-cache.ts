/**
 * Recent classifications by (title, year, hint), so the same question asked again within a few
 * minutes (a second person, autocomplete, a retry) is answered without a round trip. Only
 * answers every source contributed to are kept: a late or failing source gets another chance
 * next time instead of being left out for the cache's lifetime.
 */
import type { SearchQuery } from '../ports.js';
import type { Classification } from '../types.js';
import { normalizeTitle } from './title-similarity.js';

export class ClassificationCache {
  private readonly entries = new Map<string, { at: number; value: Classification }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 500,
  ) {}

  private key(q: SearchQuery): string {
    return `${normalizeTitle(q.title)}|${q.year ?? ''}|${q.hint ?? ''}`;
  }

  get(q: SearchQuery, now: number): Classification | undefined {
    const k = this.key(q);
    const e = this.entries.get(k);
    if (!e) return undefined;
    if (now - e.at > this.ttlMs) {
      this.entries.delete(k);
      return undefined;
    }
    return e.value;
  }

  set(q: SearchQuery, value: Classification, now: number): void {
    if (value.sources.some((s) => s.status !== 'ok')) return;
    const k = this.key(q);
    this.entries.delete(k);
    this.entries.set(k, { at: now, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}
