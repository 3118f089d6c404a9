/**
 * "add Dexter" → what is it? Every catalog is asked at once; whatever has answered by the
 * deadline is merged, scored and ranked, and the decision is made from that. A catalog that
 * failed or is late is left out and reported, never fatal: the answer comes from the others.
 */
import type { ErrorCounter } from '../admin/metrics.js';
import { isUpstreamError } from '../errors.js';
import type { Clock, Logger, MediaCatalog, SearchQuery } from '../ports.js';
import type { Candidate, CatalogHit, Classification, MediaKind, SourceReport } from '../types.js';
import type { ClassificationCache } from './classification-cache.js';
import { decide, type DecisionPolicy } from './decision-rules.js';
import { mergeHits } from './merge-hits.js';
import { kindMatchesHint, scoreCandidate } from './score.js';

export { decide, type DecisionPolicy } from './decision-rules.js';

export interface ClassifyDeps {
  catalogs: readonly MediaCatalog[];
  policy: DecisionPolicy;
  clock: Clock;
  logger: Logger;
  cache?: ClassificationCache;
  /** Counts catalogs that failed (for /metrics). */
  metrics?: ErrorCounter;
}

interface Outcome {
  report: SourceReport;
  hits: CatalogHit[];
}

/** Milliseconds since the epoch by the Clock port, so tests move time instead of waiting for it. */
const msNow = (clock: Clock) => clock.now().getTime();

async function ask(
  catalog: MediaCatalog,
  query: SearchQuery,
  deadline: number,
  started: number,
  clock: Clock,
): Promise<Outcome> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, deadline - msNow(clock)));
  });
  const search = catalog.search(query, controller.signal, deadline).then(
    (hits) => ({ ok: true as const, hits }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const result = await Promise.race([search, late]);
  clearTimeout(timer);
  const ms = msNow(clock) - started;
  if (result === 'late') {
    controller.abort();
    return { report: { source: catalog.name, status: 'late', ms, hits: 0 }, hits: [] };
  }
  if (!result.ok) {
    const e = result.error;
    const error = isUpstreamError(e) ? `${e.failure}: ${e.message}` : 'unexpected error';
    const status = isUpstreamError(e) && e.failure === 'rate_limited' && !e.status ? 'late' : 'failed';
    return { report: { source: catalog.name, status, ms, hits: 0, error }, hits: [] };
  }
  return { report: { source: catalog.name, status: 'ok', ms, hits: result.hits.length }, hits: result.hits };
}

export async function classify(query: SearchQuery, deps: ClassifyDeps): Promise<Classification> {
  const cached = deps.cache?.get(query, msNow(deps.clock));
  if (cached) return { ...cached, ms: 0 };
  const result = await classifyFresh(query, deps);
  deps.cache?.set(query, result, msNow(deps.clock));
  return result;
}

async function classifyFresh(query: SearchQuery, deps: ClassifyDeps): Promise<Classification> {
  const started = msNow(deps.clock);
  const deadline = started + deps.policy.deadlineMs;
  const wanted = deps.catalogs.filter((c) => c.kinds.some((k) => kindMatchesHint(k, query.hint)));
  const outcomes = await Promise.all(wanted.map((c) => ask(c, query, deadline, started, deps.clock)));
  const sources = outcomes.map((o) => o.report);
  for (const r of sources) {
    if (r.status !== 'ok')
      deps.logger.warn({ source: r.source, status: r.status, error: r.error }, 'catalog left out');
    if (r.status === 'failed') deps.metrics?.upstreamError(r.source);
  }

  const hits = outcomes.flatMap((o) => o.hits).filter((h) => kindMatchesHint(h.kind, query.hint));
  const resolvableKinds = new Set<MediaKind>(
    deps.catalogs.filter((c) => c.resolveIds).flatMap((c) => c.kinds.filter((k) => k === 'series')),
  );
  const ctx = { ...query, thisYear: deps.clock.now().getUTCFullYear(), resolvableKinds };
  const ranked: Candidate[] = mergeHits(hits)
    .map((m) => ({ ...m, ...scoreCandidate(m, ctx) }))
    .sort((a, b) => b.score - a.score || (b.popularity ?? 0) - (a.popularity ?? 0));

  const anyAnswered = sources.some((s) => s.status === 'ok');
  const decision = decide(ranked, anyAnswered, deps.policy, query);
  return { decision, ranked, sources, ms: msNow(deps.clock) - started };
}
