/**
 * A movie's vocabulary → the reply text: the profile (words per level as a bar chart, coverage)
 * and the words in the asked range, most frequent first, each with its level, the level's source
 * and a snippet of a line it appears in. Plain text that reads the same in Telegram, Discord and
 * a terminal, kept under `maxChars` (Telegram allows 4096; Discord 2000 per message, which the
 * Discord adapter splits).
 */
import { formatRange, inRange } from './levels.js';
import { coverageLine, levelChart } from './profile.js';
import {
  CEFR_LEVELS,
  type CefrLevel,
  type Language,
  type LevelRange,
  type MovieVocab,
  type VocabEntry,
} from './types.js';

export interface RenderOptions {
  range: LevelRange;
  language?: Language;
  /** Default 3500 characters. */
  maxChars?: number;
  /** Most words listed, budget permitting. Default 40. */
  maxWords?: number;
}

const SNIPPET_CHARS = 80;

export function renderVocab(v: MovieVocab, opts: RenderOptions): string {
  const maxChars = opts.maxChars ?? 3500;
  const p = v.profile;
  const estByLevel = Object.fromEntries(CEFR_LEVELS.map((l) => [l, 0])) as Record<CefrLevel, number>;
  for (const e of v.entries) if (e.source === 'estimated' && e.level) estByLevel[e.level]++;

  const head = [
    `${v.title}${v.year ? ` (${v.year})` : ''}: vocabulary from ${describeSource(v)}`,
    `${fmt(p.runningWords)} running words · ${fmt(p.distinctWords)} distinct words` +
      (p.estimated || p.unlisted
        ? ` (${fmt(p.estimated)} with estimated levels, ${fmt(p.unlisted)} unlisted)`
        : ''),
    ...(opts.language ? [`For a ${opts.language.english} speaker (${opts.language.code}).`] : []),
    '',
    'Distinct words by level:',
    ...levelChart(p, estByLevel),
    '',
    'Share of the running words a learner already knows, by level:',
    coverageLine(p),
    '',
  ];

  const wanted = v.entries.filter((e) => e.level && e.source !== 'unlisted' && inRange(e.level, opts.range));
  const label = formatRange(opts.range);
  if (wanted.length === 0) return [...head, `No ${label} words in this script.`].join('\n');

  const lines: string[] = [];
  let used = head.join('\n').length + 120;
  for (const e of wanted.slice(0, opts.maxWords ?? 40)) {
    const line = wordLine(e, v);
    if (used + line.length + 1 > maxChars) break;
    lines.push(line);
    used += line.length + 1;
  }
  const more = wanted.length - lines.length;
  return [
    ...head,
    `${label} words, most frequent first (${lines.length} of ${fmt(wanted.length)}):`,
    ...lines,
    ...(more > 0 ? [`…and ${fmt(more)} more: the full list is saved for this movie.`] : []),
  ].join('\n');
}

/** "• abandon (verb) B1 CEFR-J ×3: “You abandoned the plan…”"; "B1? CEFR-J" when the class was a guess. */
function wordLine(e: VocabEntry, v: MovieVocab): string {
  const sure = e.uncertain ? '?' : '';
  const level = e.source === 'estimated' ? `~${e.level}${sure} estimated` : `${e.level}${sure} ${e.source}`;
  const pos = e.pos === 'phrase' || e.pos === 'other' ? 'phrase' : e.pos;
  const snippet = bestSnippet(e, v);
  return `• ${e.lemma} (${pos}) ${level} ×${e.count}${snippet ? `: “${snippet}”` : ''}`;
}

/** A line the word appears in, preferring spoken lines of 4–20 words, cut around the word. */
function bestSnippet(e: VocabEntry, v: MovieVocab): string | undefined {
  const candidates = e.sentences
    .slice(0, 30)
    .map((i) => v.sentences[i])
    .filter((s) => s !== undefined);
  const words = (t: string) => t.split(/\s+/).length;
  const pick =
    candidates.find((s) => s.kind === 'dialogue' && words(s.text) >= 4 && words(s.text) <= 20) ??
    candidates.find((s) => words(s.text) >= 4 && words(s.text) <= 20) ??
    candidates[0];
  return pick ? cutAround(pick.text, e.forms) : undefined;
}

/** At most SNIPPET_CHARS characters of `text`, centred on the first of `forms` found. */
export function cutAround(text: string, forms: readonly string[]): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= SNIPPET_CHARS) return t;
  const lower = t.toLowerCase();
  let at = -1;
  for (const f of forms) {
    const first = f.split(' ')[0] ?? f;
    const m = new RegExp(`\\b${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).exec(lower);
    if (m) {
      at = m.index;
      break;
    }
  }
  const start = Math.max(0, Math.min(at < 0 ? 0 : at - 30, t.length - SNIPPET_CHARS));
  let cut = t.slice(start, start + SNIPPET_CHARS);
  if (start > 0) cut = `…${cut.replace(/^\S*\s/, '')}`;
  if (start + SNIPPET_CHARS < t.length) cut = `${cut.replace(/\s\S*$/, '')}…`;
  return cut;
}

function describeSource(v: MovieVocab): string {
  if (v.script.source === 'subtitles') return 'your subtitle file';
  if (v.script.source === 'file') return `the file ${v.script.origin ?? ''}`.trim();
  return `the ${v.script.source} script`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
