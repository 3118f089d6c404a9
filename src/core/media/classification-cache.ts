/**
 * Recent classifications by (title, year, hint), so the same question asked again within a few
 * minutes (a second person, autocomplete, a retry) is answered without a round trip. An answer a
 * source was left out of is kept only briefly (PARTIAL_TTL_MS), so that source soon gets another
 * chance; an answer no source gave ("try again later") is never kept.
 */
const PARTIAL_TTL_MS = 60_000;

import type { SearchQuery } from '../ports.js';
import type { Classification } from '../types.js';
import { normalizeTitle } from './title-similarity.js';

export class ClassificationCache {
  private readonly entries = new Map<string, { expires: number; value: Classification }>();

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
    if (now > e.expires) {
      this.entries.delete(k);
      return undefined;
    }
    return e.value;
  }

  set(q: SearchQuery, value: Classification, now: number): void {
    if (value.decision.type === 'unavailable') return;
    const partial = value.sources.some((s) => s.status !== 'ok');
    const k = this.key(q);
    this.entries.delete(k);
    this.entries.set(k, {
      expires: now + (partial ? Math.min(this.ttlMs, PARTIAL_TTL_MS) : this.ttlMs),
      value,
    });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}
