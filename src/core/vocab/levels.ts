/** Ordering and parsing of CEFR levels and ranges ("B2", "B2+", "C1-C2", "up to B1"). */
import { CEFR_LEVELS, type CefrLevel, type LevelRange } from './types.js';

/** 0 for A1 … 5 for C2. */
export function levelIndex(level: CefrLevel): number {
  return CEFR_LEVELS.indexOf(level);
}

export function isCefrLevel(s: string): s is CefrLevel {
  return (CEFR_LEVELS as readonly string[]).includes(s);
}

/** The level `steps` above (or below, when negative) `level`, clamped to A1..C2. */
export function shiftLevel(level: CefrLevel, steps: number): CefrLevel {
  const i = Math.min(CEFR_LEVELS.length - 1, Math.max(0, levelIndex(level) + steps));
  return CEFR_LEVELS[i] as CefrLevel;
}

export function inRange(level: CefrLevel, range: LevelRange): boolean {
  const i = levelIndex(level);
  return i >= levelIndex(range.min) && i <= levelIndex(range.max);
}

/** B1 and up: what a learner who can follow a film with help still needs to look up. */
export const DEFAULT_RANGE: LevelRange = { min: 'B1', max: 'C2' };

const ONE = '([abc][12])';
const RANGE = new RegExp(`^${ONE}(?:\\s*([-–—]|to|\\.\\.)\\s*${ONE}|(\\+|-))?$`, 'i');

/**
 * "B2" → B2 only; "B2+" → B2..C2; "B2-" → A1..B2; "C1-C2" / "C1–C2" / "C1 to C2" → C1..C2 (a
 * reversed range is turned round). Undefined when `s` is not a level expression at all.
 */
export function parseLevelRange(s: string): LevelRange | undefined {
  const m = RANGE.exec(s.trim());
  if (!m) return undefined;
  const a = (m[1] ?? '').toUpperCase() as CefrLevel;
  const b = m[3] ? (m[3].toUpperCase() as CefrLevel) : undefined;
  if (b) return levelIndex(a) <= levelIndex(b) ? { min: a, max: b } : { min: b, max: a };
  if (m[4] === '+') return { min: a, max: 'C2' };
  if (m[4] === '-') return { min: 'A1', max: a };
  return { min: a, max: a };
}

/** "B2", "B2+", "C1–C2", "up to B1": how a range is shown back to people. */
export function formatRange(range: LevelRange): string {
  if (range.min === range.max) return range.min;
  if (range.max === 'C2') return `${range.min}+`;
  if (range.min === 'A1') return `up to ${range.max}`;
  return `${range.min}–${range.max}`;
}
