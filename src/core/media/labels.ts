/** How candidates and left-out sources read in a prompt. */
import { say } from '../messages.js';
import type { Candidate, SourceReport } from '../types.js';

/**
 * "Dexter (2006) · series", "Blade Runner — Vangelis (1994) · album", "Heat — Swedish hard rock
 * band · artist": enough to tell same-titled works apart; at most 80 characters (Discord's limit).
 */
export function choiceLabel(c: Candidate): string {
  const detail =
    c.kind === 'album' && c.artistName
      ? ` — ${c.artistName}`
      : c.kind === 'artist' && c.overview
        ? ` — ${c.overview}`
        : '';
  const tail = `${c.year ? ` (${c.year})` : ''} · ${c.kind}`;
  const room = 80 - tail.length;
  const head = `${c.title}${detail}`;
  return `${head.length > room ? `${head.slice(0, room - 1)}…` : head}${tail}`;
}

/** Labels of one prompt, made unique ("… · artist (2)") when two works still read the same. */
export function choiceLabels(cs: readonly Candidate[]): string[] {
  const seen = new Map<string, number>();
  return cs.map((c) => {
    const label = choiceLabel(c);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label.slice(0, 75)} (${n})`;
  });
}

/** " — left out: musicbrainz (too slow)" when a source did not contribute; '' when all answered. */
export function sourcesNote(sources: readonly SourceReport[]): string {
  const missing = sources.filter((s) => s.status !== 'ok');
  if (missing.length === 0) return '';
  const parts = missing.map((s) =>
    say(s.status === 'late' ? 'media.sourceLate' : 'media.sourceDown', { source: s.source }),
  );
  return say('media.leftOut', { sources: parts.join(', ') });
}
