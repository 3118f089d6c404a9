/**
 * The lines around a list graded from a title: which sources were passed over and why ("IMSDb:
 * no script for Heat; used OpenSubtitles."), where the words came from and how to ask for the
 * other kind, and for a season the words per episode and the episodes missing. When every source
 * missed, the last one's answer, with the ones before it on a line above.
 */
import type { Reply } from '../types.js';
import { sayVocab, vocabReply, type VocabCode } from './messages.js';
import type { Skip } from './script-chain.js';
import type { EpisodeGap, MovieVocab, SeasonParts, VocabCommand } from './types.js';
import { missReply, why } from './vocab-replies.js';

const GAP_ORDER: readonly EpisodeGap[] = ['not_found', 'unusable', 'quota', 'down'];

/** "Bazarr: no subtitles for Heat; IMSDb: can’t reach it (…); used OpenSubtitles." */
export function skippedLine(skipped: readonly Skip[], used: string, title: string): string | undefined {
  if (skipped.length === 0) return undefined;
  return sayVocab('vocab.skipped', {
    skipped: skipped.map((s) => skipPhrase(s, title)).join('; '),
    source: used,
  });
}

/** The answer when no source had a usable script: the last one's, the others on a line above. */
export function chainMissReply(skipped: readonly Skip[], title: string): Reply {
  const last = skipped[skipped.length - 1];
  if (!last) return vocabReply('vocab.noSourceFor.subtitles', { title });
  const reply =
    'down' in last
      ? vocabReply('vocab.sourceDown', { source: last.source.name, why: why(last.down) })
      : missReply(
          last.detail === undefined
            ? { found: false, miss: last.miss }
            : { found: false, miss: last.miss, detail: last.detail },
          title,
          { site: last.source.name },
        );
  const before = skipped.slice(0, -1).map((s) => skipPhrase(s, title));
  return before.length > 0 ? { ...reply, text: `${before.join('; ')}.\n${reply.text}` } : reply;
}

/** "Source: OpenSubtitles (subtitles). Say “vocab Heat from script” for the screenplay." */
export function sourceLine(vocab: MovieVocab, command: string, offer?: VocabCommand['from']): string {
  const names = vocab.season
    ? [...new Set(vocab.season.episodes.map((e) => e.source))]
    : [vocab.script.source];
  return sayVocab('vocab.sourceUsed', {
    sources: names.join(' and '),
    thing: sayVocab(
      vocab.script.format === 'screenplay' ? 'vocab.thing.screenplay' : 'vocab.thing.subtitles',
    ),
    offer: offer
      ? sayVocab(offer === 'script' ? 'vocab.offer.script' : 'vocab.offer.subtitles', { command })
      : '',
  });
}

/** "Season 1 of Breaking Bad, 7 episodes as one list. Words per episode: E1 4,210 · …" and the gaps. */
export function seasonLines(parts: SeasonParts, series: string): string[] {
  const lines = [
    sayVocab('vocab.seasonHead', {
      season: parts.season,
      title: series,
      count: parts.episodes.length,
      perEpisode: parts.episodes.map((e) => `E${e.episode} ${e.words.toLocaleString('en-US')}`).join(' · '),
    }),
  ];
  const gaps = GAP_ORDER.map((gap) => {
    const eps = parts.missing.filter((m) => m.gap === gap).map((m) => m.episode);
    if (eps.length === 0) return undefined;
    const last = parts.missing[parts.missing.length - 1];
    const later = parts.openEnded && last?.gap === gap ? ' and any later ones' : '';
    return sayVocab(`vocab.gap.${gap}` as VocabCode, {
      episodes: `${episodeRanges(eps)}${later}`,
      resets: gap === 'quota' ? resetsAt(parts.quotaResetsAt) : '',
    });
  }).filter((g) => g !== undefined);
  if (gaps.length > 0) lines.push(sayVocab('vocab.seasonMissing', { gaps: gaps.join('; ') }));
  return lines;
}

function skipPhrase(skip: Skip, title: string): string {
  const source = skip.source.name;
  if ('down' in skip) return sayVocab('vocab.skip.down', { source, why: why(skip.down) });
  const thing = sayVocab(
    skip.source.kind === 'screenplay' ? 'vocab.thing.screenplay' : 'vocab.thing.subtitles',
  );
  if (skip.miss === 'quota') return sayVocab('vocab.skip.quota', { source, resets: resetsAt(skip.detail) });
  return sayVocab(`vocab.skip.${skip.miss}`, { source, thing, title });
}

/** " (it resets at 00:00 UTC)" from an ISO time; empty when the source did not say. */
function resetsAt(iso: string | undefined): string {
  const at = iso ? new Date(iso) : undefined;
  if (!at || Number.isNaN(at.getTime())) return '';
  return sayVocab('vocab.resetsAt', { time: at.toISOString().slice(11, 16) });
}

/** [1, 2, 3, 5] → "E1–E3, E5". */
function episodeRanges(eps: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < eps.length; i++) {
    const start = eps[i] ?? 0;
    let end = start;
    while (eps[i + 1] === end + 1) end = eps[++i] ?? end;
    out.push(end > start ? `E${start}–E${end}` : `E${start}`);
  }
  return out.join(', ');
}
