/**
 * Which script sources are asked, in which order, and what each said. The order is the library
 * first (subtitles the operator already has: nothing to pay, nothing to wait for), then a
 * screenplay site (a screenplay is richer than subtitles: action lines, every word of the
 * scene), then subtitle sites. "from script" keeps only the screenplay sources, "from subtitles"
 * only the others; a series' episodes skip screenplay sites unless asked (IMSDb has none). A
 * source that misses or is down is skipped and remembered, never a dead end. No I/O of its own.
 */
import { isUpstreamError, type UpstreamError } from '../errors.js';
import type { Logger } from '../ports.js';
import type { ScriptMiss, ScriptQuery, ScriptSource, ScriptSourceKind } from './ports.js';
import type { Script, VocabCommand } from './types.js';

/** Below this many characters a script cannot be graded meaningfully (IMSDb placeholders are shorter). */
export const MIN_SCRIPT_CHARS = 500;

const RANK: Record<ScriptSourceKind, number> = { library: 0, screenplay: 1, subtitles: 2 };

/** A source passed over, and why. */
export type Skip =
  { source: ScriptSource; miss: ScriptMiss; detail?: string } | { source: ScriptSource; down: UpstreamError };

export type ChainResult =
  | { found: true; script: Script; source: ScriptSource; skipped: Skip[] }
  /** `skipped` holds every source asked, the last one last; empty only when there was none to ask. */
  | { found: false; skipped: Skip[] };

export interface ChainOptions {
  /** A signal for one source's lookup: each gets its own time, so a slow one leaves the next its share. */
  signal: () => AbortSignal;
  /**
   * Sources not to ask again during one request (a season): a used-up quota, a source that is
   * down. Filled in as it happens; a benched source counts as skipped with its first reason.
   */
  benched?: Map<ScriptSource, Skip>;
  logger?: Logger;
}

/** The sources to ask for this request, in order. */
export function orderSources(
  sources: readonly ScriptSource[],
  want: { from?: VocabCommand['from']; series: boolean },
): ScriptSource[] {
  const kept = sources.filter((s) => {
    if (want.from === 'script') return s.kind === 'screenplay';
    if (want.from === 'subtitles') return s.kind !== 'screenplay';
    return !(want.series && s.kind === 'screenplay');
  });
  return kept
    .map((s, i) => ({ s, i }))
    .sort((a, b) => RANK[a.s.kind] - RANK[b.s.kind] || a.i - b.i)
    .map((x) => x.s);
}

/** Ask `sources` in turn until one has a usable script. Errors other than UpstreamError are thrown. */
export async function findScript(
  sources: readonly ScriptSource[],
  query: ScriptQuery,
  opts: ChainOptions,
): Promise<ChainResult> {
  const skipped: Skip[] = [];
  for (const source of sources) {
    const benched = opts.benched?.get(source);
    if (benched) {
      skipped.push(benched);
      continue;
    }
    const started = Date.now();
    let skip: Skip;
    try {
      const lookup = await source.find(query, opts.signal());
      const ms = Date.now() - started;
      if (lookup.found) {
        const chars = lookup.script.text.trim().length;
        opts.logger?.info(
          { source: source.name, episode: query.episode, found: true, chars, ms },
          'vocab: script lookup',
        );
        // Stored and shown under the name the skip lines use ("used OpenSubtitles").
        const script = { ...lookup.script, source: source.name };
        if (chars >= MIN_SCRIPT_CHARS) return { found: true, script, source, skipped };
        skip = { source, miss: 'too_short', detail: String(chars) };
      } else {
        opts.logger?.info(
          { source: source.name, episode: query.episode, found: false, miss: lookup.miss, ms },
          'vocab: script lookup',
        );
        skip =
          lookup.detail === undefined
            ? { source, miss: lookup.miss }
            : { source, miss: lookup.miss, detail: lookup.detail };
        if (lookup.miss === 'quota') opts.benched?.set(source, skip);
      }
    } catch (e) {
      if (!isUpstreamError(e)) throw e;
      opts.logger?.warn(
        {
          source: source.name,
          service: e.service,
          failure: e.failure,
          status: e.status,
          ms: Date.now() - started,
        },
        'vocab: script source failed; trying the next',
      );
      skip = { source, down: e };
      opts.benched?.set(source, skip);
    }
    skipped.push(skip);
  }
  return { found: false, skipped };
}
