/**
 * A whole season as one script: each episode is looked up through the source chain, two at a
 * time, and the transcripts are joined in episode order. With the catalog's episode count every
 * episode is asked for and the ones not found are listed as missing; without it, episodes are
 * asked for until the first one that is missing (at most MAX_EPISODES). A source whose quota runs
 * out or that goes down is not asked again for the rest of the season, so later episodes come
 * from the others or are listed as missing with the reason.
 */
import type { Logger } from '../ports.js';
import type { ScriptQuery, ScriptSource } from './ports.js';
import { findScript, type ChainResult, type Skip } from './script-chain.js';
import type { EpisodeGap, Script, SeasonParts } from './types.js';

/** When the catalog gives no count: no season of a series in TMDb's top lists runs longer. */
export const MAX_EPISODES = 40;
const CONCURRENCY = 2;

export interface SeasonRequest {
  sources: readonly ScriptSource[];
  /** The series; the episode is filled in for each lookup. */
  query: ScriptQuery;
  season: number;
  /** From the catalog; absent when it did not say. */
  episodes?: number;
  signal: () => AbortSignal;
  logger?: Logger;
}

export type SeasonResult =
  | {
      found: true;
      script: Script;
      parts: SeasonParts;
      /** Sources benched during the season (quota, down), for the reply's "skipped" line. */
      benched: Skip[];
    }
  /** Nothing fetched: the first episode's lookup, for the usual miss answer. */
  | { found: false; first: ChainResult & { found: false } };

export async function fetchSeason(req: SeasonRequest): Promise<SeasonResult> {
  const known = req.episodes !== undefined;
  const last = Math.min(req.episodes ?? MAX_EPISODES, MAX_EPISODES);
  const benched = new Map<ScriptSource, Skip>();
  const results = new Map<number, ChainResult>();
  let next = 1;
  let stopAt = Number.POSITIVE_INFINITY;

  const worker = async (): Promise<void> => {
    for (let ep = next++; ep <= last && ep <= stopAt; ep = next++) {
      const episode = { season: req.season, episode: ep };
      const r = await findScript(
        req.sources,
        { ...req.query, episode },
        {
          signal: req.signal,
          benched,
          ...(req.logger ? { logger: req.logger } : {}),
        },
      );
      results.set(ep, r);
      if (!known && !r.found) stopAt = Math.min(stopAt, ep);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const got: { episode: number; script: Script; source: ScriptSource }[] = [];
  const missing: SeasonParts['missing'] = [];
  for (let ep = 1; ep <= Math.min(last, stopAt); ep++) {
    const r = results.get(ep);
    if (!r) continue;
    if (r.found) got.push({ episode: ep, script: r.script, source: r.source });
    // Without a count, the first episode not found is where the season ends, not a gap.
    else if (known || gapOf(r) !== 'not_found') missing.push({ episode: ep, gap: gapOf(r) });
  }
  const first = results.get(1);
  if (got.length === 0)
    return { found: false, first: first && !first.found ? first : { found: false, skipped: [] } };

  const parts: SeasonParts = {
    season: req.season,
    episodes: got.map((g) => ({
      episode: g.episode,
      words: wordCount(g.script.text),
      source: g.source.name,
    })),
    missing,
  };
  const resets = [...benched.values()]
    .map((s) => ('miss' in s && s.miss === 'quota' ? s.detail : undefined))
    .filter((d): d is string => d !== undefined && !Number.isNaN(Date.parse(d)))
    .sort();
  const latest = resets[resets.length - 1];
  if (latest && missing.some((m) => m.gap === 'quota')) parts.quotaResetsAt = latest;
  if (!known && missing.length > 0) parts.openEnded = true;
  const names = [...new Set(got.map((g) => g.source.name))];
  const script: Script = {
    format: got[0]?.script.format ?? 'transcript',
    text: got.map((g) => g.script.text.trim()).join('\n\n'),
    source: names.join(' and '),
  };
  return { found: true, script, parts, benched: [...benched.values()] };
}

/** Why an episode is missing: a used-up quota or an outage may hide it, so they come first. */
function gapOf(r: ChainResult & { found: false }): EpisodeGap {
  const said = (miss: string) => r.skipped.some((s) => 'miss' in s && s.miss === miss);
  if (said('quota')) return 'quota';
  if (r.skipped.some((s) => 'down' in s)) return 'down';
  if (r.skipped.some((s) => 'miss' in s && s.miss !== 'not_found')) return 'unusable';
  return 'not_found';
}

/** Spoken words of an episode: letter runs, with apostrophes inside ("don't" is one word). */
export function wordCount(text: string): number {
  return text.match(/\p{L}+(?:['’]\p{L}+)*/gu)?.length ?? 0;
}
