/**
 * A movie's profile: distinct words per level, and coverage, the share of the script's running
 * words a learner at each level already knows. Coverage is the usual measure of how readable a
 * text is (about 95% is "comprehensible with help", 98% "comfortable"). Names, numbers-as-words
 * and function words count as known, as in coverage research; unlisted words never do.
 */
import { levelIndex } from './levels.js';
import { CEFR_LEVELS, type CefrLevel, type VocabEntry, type VocabProfile } from './types.js';

/** Running words by how a learner would know them, counted while the script is read. */
export class TokenTally {
  running = 0;
  /** Known at every level: names, function words with no listed level. */
  always = 0;
  /** Never known: unlisted words. */
  never = 0;
  readonly byLevel: number[] = CEFR_LEVELS.map(() => 0);

  addKnown(): void {
    this.running++;
    this.always++;
  }

  addAt(level: CefrLevel | undefined): void {
    this.running++;
    if (level === undefined) this.never++;
    else this.byLevel[levelIndex(level)]! += 1;
  }
}

export function computeProfile(entries: readonly VocabEntry[], tally: TokenTally): VocabProfile {
  const perLevel = Object.fromEntries(CEFR_LEVELS.map((l) => [l, 0])) as Record<CefrLevel, number>;
  let estimated = 0;
  let unlisted = 0;
  for (const e of entries) {
    if (e.level) perLevel[e.level]++;
    if (e.source === 'estimated') estimated++;
    if (e.source === 'unlisted') unlisted++;
  }
  const coverage = {} as Record<CefrLevel, number>;
  let known = tally.always;
  CEFR_LEVELS.forEach((level, i) => {
    known += tally.byLevel[i] ?? 0;
    coverage[level] = tally.running === 0 ? 0 : known / tally.running;
  });
  return {
    runningWords: tally.running,
    distinctWords: entries.length,
    perLevel,
    estimated,
    unlisted,
    coverage,
  };
}

/** "█████" bars scaled so the longest is `width` characters; a non-zero count gets at least one. */
export function bar(count: number, max: number, width = 16): string {
  if (count <= 0 || max <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((count / max) * width)));
}

/** One line per level: "B2 ██████ 220 (12 est.)". */
export function levelChart(profile: VocabProfile, estimatedByLevel: Record<CefrLevel, number>): string[] {
  const max = Math.max(...CEFR_LEVELS.map((l) => profile.perLevel[l]));
  const width = String(max).length;
  return CEFR_LEVELS.map((l) => {
    const n = profile.perLevel[l];
    const est = estimatedByLevel[l] ? ` (${estimatedByLevel[l]} est.)` : '';
    return `${l} ${String(n).padStart(width)} ${bar(n, max)}${est}`.trimEnd();
  });
}

/** "A1 81% · A2 88% · …" */
export function coverageLine(profile: VocabProfile): string {
  return CEFR_LEVELS.map((l) => `${l} ${formatPercent(profile.coverage[l])}`).join(' · ');
}

export function formatPercent(share: number): string {
  const p = share * 100;
  return p >= 99.5 && p < 100 ? '99%' : `${Math.round(p)}%`;
}
