/**
 * "vocab Heat", "vocab Breaking Bad S01E01", "vocab Breaking Bad season 1 from subtitles": the
 * title resolved by the catalog, then the stored list or the source chain, and the reply with its
 * notes (sources skipped, the source used and how to ask for the other kind, a season's episodes).
 *
 * Keys: a film, an episode and a season each have their own (movie-key.ts), so their stored
 * lists, cached scripts and translation jobs stay apart. The plain key holds what the usual order
 * found. A "from script" or "from subtitles" ask is answered from it when it is of that kind, and
 * otherwise from a key of its own (`heat-1995--subtitles`), so it never replaces a list other
 * people are reading or translating. A season stored with episodes missing for a quota or an
 * outage is fetched again once the quota has reset (or after the miss time).
 */
import type { Logger } from '../ports.js';
import type { Reply, UserRef } from '../types.js';
import type { EnrichmentDesk } from './enrichment/enrichment-desk.js';
import { listReply } from './list-reply.js';
import { vocabReply } from './messages.js';
import { movieKey, partLabel, titleCase } from './movie-key.js';
import type { ResolvedTitle, ScriptQuery, ScriptSource, TitleResolver } from './ports.js';
import { findScript, orderSources, type Skip } from './script-chain.js';
import { fetchSeason } from './season-vocab.js';
import { SingleFlight } from './single-flight.js';
import { chainMissReply, seasonLines, skippedLine, sourceLine } from './source-notes.js';
import type { MovieVocab, SeasonParts, SeriesPart, VocabCommand } from './types.js';
import type { Movie, VocabGrader } from './vocab-grader.js';

/** Remembered misses, oldest dropped first. */
const MAX_MISSES = 500;

export interface TitleVocabDeps {
  /** Every configured source, in any order: the chain orders them. */
  sources: readonly ScriptSource[];
  grader: VocabGrader;
  titles?: TitleResolver;
  logger?: Logger;
  /** Milliseconds one source may take for one lookup. */
  findTimeoutMs: number;
  /** Milliseconds for the title resolver, all its requests together. */
  resolveTimeoutMs: number;
  missTtlMinutes: number;
  maxReplyChars: number;
  enrichment?: EnrichmentDesk;
}

type Outcome = { ok: true; vocab: MovieVocab; skipped: Skip[] } | { ok: false; reply: Reply };

export class TitleVocab {
  private readonly flights = new SingleFlight<Outcome>();
  private readonly misses = new Map<string, { reply: Reply; until: number }>();

  constructor(private readonly deps: TitleVocabDeps) {}

  async handle(cmd: VocabCommand, typed: string, user: UserRef): Promise<Reply> {
    const kind = cmd.part ? 'tv' : cmd.kind;
    if (kind === 'tv' && !cmd.part) return vocabReply('vocab.whichEpisode', { title: titleCase(typed) });
    const work = await this.resolve(titleCase(typed), kind);
    if (work.kind === 'tv' && !cmd.part) return vocabReply('vocab.whichEpisode', { title: work.title });
    const label = labelFor(work.title, cmd.part);
    const series = cmd.part !== undefined;
    const sources = orderSources(this.deps.sources, { from: cmd.from, series });
    if (sources.length === 0) {
      const which = cmd.from === 'script' ? 'script' : series ? 'episode' : 'subtitles';
      return vocabReply(`vocab.noSourceFor.${which}`, { title: label });
    }
    const base = movieKey(work.title, work.year, cmd.part);
    const key = cmd.from ? `${base}--${cmd.from}` : base;
    const now = this.deps.grader.now().getTime();
    const missed = this.misses.get(key);
    if (missed && missed.until > now) return missed.reply;

    const movie: Movie = work.year ? { key, title: label, year: work.year } : { key, title: label };
    const outcome = await this.flights.run(key, () => this.storedOr(base, movie, cmd, work, sources));
    if (!outcome.ok) {
      if (this.misses.size >= MAX_MISSES) this.misses.delete(this.misses.keys().next().value as string);
      this.misses.set(key, { reply: outcome.reply, until: now + this.deps.missTtlMinutes * 60_000 });
      return outcome.reply;
    }
    return this.reply(outcome.vocab, outcome.skipped, cmd, user, { series: work.title, label });
  }

  /** The stored list that answers this ask, or fetch the script(s) and grade them. */
  private async storedOr(
    base: string,
    movie: Movie,
    cmd: VocabCommand,
    work: ResolvedTitle,
    sources: ScriptSource[],
  ): Promise<Outcome> {
    const now = this.deps.grader.now().getTime();
    let stale: MovieVocab | undefined;
    for (const key of new Set([base, movie.key])) {
      const stored = await this.deps.grader.stored(key);
      if (!stored || !fits(stored, cmd.from)) continue;
      if (!dueForRetry(stored, now)) return { ok: true, vocab: stored, skipped: [] };
      stale ??= stored;
    }
    const query = toQuery(work, cmd);
    const signal = () => AbortSignal.timeout(this.deps.findTimeoutMs);
    const logger = this.deps.logger?.child({ key: movie.key });
    const part = cmd.part;
    if (part && part.episode === undefined) {
      const episodes = work.episodesPerSeason?.[part.season];
      const got = await fetchSeason({
        sources,
        query,
        season: part.season,
        signal,
        ...(episodes !== undefined ? { episodes } : {}),
        ...(logger ? { logger } : {}),
      });
      if (!got.found) {
        if (!stale) return { ok: false, reply: chainMissReply(got.first.skipped, movie.title) };
        return this.keepStale(stale, now, quotaReset(got.first.skipped));
      }
      const parts = withRetry(got.parts, now, this.deps.missTtlMinutes);
      // Tried again before the quota renewed: no better than the list stored, which stays.
      const had = stale?.season?.episodes.length ?? 0;
      if (stale && parts.missing.length > 0 && parts.episodes.length <= had)
        return this.keepStale(stale, now, parts.retryAfter);
      // A source that gave some episodes before it stopped is in the missing-episodes line instead.
      const used = new Set(parts.episodes.map((e) => e.source));
      const skipped = got.benched.filter((s) => !used.has(s.source.name));
      return { ok: true, vocab: await this.deps.grader.grade(movie, got.script, parts), skipped };
    }
    const found = await findScript(sources, query, { signal, ...(logger ? { logger } : {}) });
    if (!found.found) return { ok: false, reply: chainMissReply(found.skipped, movie.title) };
    return { ok: true, vocab: await this.deps.grader.grade(movie, found.script), skipped: found.skipped };
  }

  /** The season list already stored, kept with its next try moved on. */
  private async keepStale(stale: MovieVocab, now: number, retryAfter?: string): Promise<Outcome> {
    const next = retryAfter ?? new Date(now + this.deps.missTtlMinutes * 60_000).toISOString();
    const season = stale.season && { ...stale.season, retryAfter: next };
    return {
      ok: true,
      vocab: await this.deps.grader.keep(season ? { ...stale, season } : stale),
      skipped: [],
    };
  }

  private async reply(
    vocab: MovieVocab,
    skipped: Skip[],
    cmd: VocabCommand,
    user: UserRef,
    names: { series: string; label: string },
  ): Promise<Reply> {
    const top = [
      skippedLine(skipped, vocab.script.source, names.label),
      ...(vocab.season ? seasonLines(vocab.season, names.series) : []),
    ].filter((l) => l !== undefined);
    const bottom = sourceLine(vocab, names.label, this.offer(vocab, skipped, cmd));
    const notes = top.join('\n').length + bottom.length + 4;
    const list = await listReply(vocab, cmd, user, {
      maxReplyChars: Math.max(500, this.deps.maxReplyChars - notes),
      ...(this.deps.enrichment ? { enrichment: this.deps.enrichment } : {}),
    });
    return { ...list, text: [top.join('\n'), list.text, bottom].filter((t) => t).join('\n\n') };
  }

  /**
   * The other kind of source, when there is one to ask that was not just passed over: subtitles
   * after a screenplay; a screenplay after subtitles, for films only (screenplay sites hold no episodes).
   */
  private offer(vocab: MovieVocab, skipped: Skip[], cmd: VocabCommand): VocabCommand['from'] {
    const other = vocab.script.format === 'screenplay' ? 'subtitles' : 'script';
    if (other === 'script' && cmd.part) return undefined;
    const passedOver = new Set(skipped.map((s) => s.source));
    const left = orderSources(this.deps.sources, { from: other, series: cmd.part !== undefined });
    return left.some((s) => !passedOver.has(s)) ? other : undefined;
  }

  private async resolve(title: string, kind: 'movie' | 'tv' | undefined): Promise<ResolvedTitle> {
    if (this.deps.titles) {
      try {
        const signal = AbortSignal.timeout(this.deps.resolveTimeoutMs);
        const found = await this.deps.titles.resolve(title, signal, kind);
        if (found) return found;
        // No such film, but a series ("vocab Breaking Bad"): the reply asks which episode.
        const series = kind ? undefined : await this.deps.titles.resolve(title, signal, 'tv');
        if (series) return { ...series, kind: 'tv' };
      } catch (e) {
        this.deps.logger?.warn({ err: e, title }, 'vocab: title lookup failed; using the title as typed');
      }
    }
    return kind ? { title, kind } : { title };
  }
}

/** "Breaking Bad S01E01", "Breaking Bad season 1", or the title alone. */
export function labelFor(title: string, part: SeriesPart | undefined): string {
  if (!part) return title;
  return part.episode === undefined ? `${title} season ${part.season}` : `${title} ${partLabel(part)}`;
}

/** A stored list answers a "from …" ask only when it is of that kind. */
function fits(v: MovieVocab, from: VocabCommand['from']): boolean {
  if (from === 'script') return v.script.format === 'screenplay';
  if (from === 'subtitles') return v.script.format === 'transcript';
  return true;
}

/** When a source that said 'quota' renews, if it said. */
function quotaReset(skipped: readonly Skip[]): string | undefined {
  return skipped
    .map((s) => ('miss' in s && s.miss === 'quota' ? s.detail : undefined))
    .find((d) => d !== undefined && !Number.isNaN(Date.parse(d)));
}

function dueForRetry(v: MovieVocab, now: number): boolean {
  const at = v.season?.retryAfter;
  return at !== undefined && Date.parse(at) <= now;
}

/** When a season with episodes missing for a quota or an outage is worth fetching again. */
function withRetry(parts: SeasonParts, now: number, missTtlMinutes: number): SeasonParts {
  const gaps = new Set(parts.missing.map((m) => m.gap));
  const times: number[] = [];
  if (gaps.has('quota'))
    times.push(parts.quotaResetsAt ? Date.parse(parts.quotaResetsAt) : now + missTtlMinutes * 60_000);
  if (gaps.has('down')) times.push(now + missTtlMinutes * 60_000);
  return times.length > 0 ? { ...parts, retryAfter: new Date(Math.min(...times)).toISOString() } : parts;
}

function toQuery(work: ResolvedTitle, cmd: VocabCommand): ScriptQuery {
  const query: ScriptQuery = { title: work.title };
  if (work.year) query.year = work.year;
  const kind = work.kind ?? (cmd.part ? 'tv' : cmd.kind);
  if (kind) query.kind = kind;
  if (work.tmdbId !== undefined) query.tmdbId = work.tmdbId;
  if (work.imdbId) query.imdbId = work.imdbId;
  if (work.tvdbId !== undefined) query.tvdbId = work.tvdbId;
  if (cmd.part?.episode !== undefined) query.episode = { season: cmd.part.season, episode: cmd.part.episode };
  return query;
}
