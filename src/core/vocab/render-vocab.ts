/**
 * A movie's vocabulary as text: the profile (words per level as a bar chart, coverage) and word
 * lines, each with its level, the level's source, a snippet of a line it appears in and, once
 * translated, the translation. Plain text that reads the same in Telegram, Discord and a terminal.
 * The browser's pages (browser/list-page.ts) are built from these parts; `renderVocab` is the
 * whole list in one text under `maxChars` (the profile benchmark prints it).
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
  const head = [...profileHead(v, opts.language), ''];
  const wanted = listedIn(v, opts.range);
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

/** The graded entries in `range`, most frequent first (unlisted words never are). */
function listedIn(v: MovieVocab, range: LevelRange): VocabEntry[] {
  return v.entries.filter((e) => e.level && e.source !== 'unlisted' && inRange(e.level, range));
}

/** "Inception (2010): vocabulary from the IMSDb script". */
export function titleLine(v: MovieVocab): string {
  return `${v.title}${v.year ? ` (${v.year})` : ''}: vocabulary from ${describeSource(v)}`;
}

/** The title, the counts, the language, words per level as a bar chart and the coverage line. */
export function profileHead(v: MovieVocab, language?: Language): string[] {
  const p = v.profile;
  const estByLevel = Object.fromEntries(CEFR_LEVELS.map((l) => [l, 0])) as Record<CefrLevel, number>;
  for (const e of v.entries) if (e.source === 'estimated' && e.level) estByLevel[e.level]++;
  return [
    titleLine(v),
    `${fmt(p.runningWords)} running words · ${fmt(p.distinctWords)} distinct words` +
      (p.estimated || p.unlisted
        ? ` (${fmt(p.estimated)} with estimated levels, ${fmt(p.unlisted)} unlisted)`
        : ''),
    ...(language ? [languageLine(language)] : []),
    '',
    'Distinct words by level:',
    ...levelChart(p, estByLevel),
    '',
    'Share of the running words a learner already knows, by level:',
    coverageLine(p),
  ];
}

/** "For a French speaker (fr)." */
export function languageLine(language: Language): string {
  return `For a ${language.english} speaker (${language.code}).`;
}

export interface WordLineOptions {
  /** A line of the script the word is in (default true). */
  snippet?: boolean;
  /** Shown beside the word: "abandon = abandonner". */
  translation?: string;
  /** "17." instead of the bullet (the terminal, where people type the number). */
  number?: number;
}

/**
 * "• abandon (verb) B1 CEFR-J ×3: “You abandoned the plan…”"; "B1? CEFR-J" when the class was a
 * guess; "• abandon = abandonner (verb) …" once translated.
 */
export function wordLine(e: VocabEntry, v: MovieVocab, opts: WordLineOptions = {}): string {
  const sure = e.uncertain ? '?' : '';
  const level = e.source === 'estimated' ? `~${e.level}${sure} estimated` : `${e.level}${sure} ${e.source}`;
  const pos = e.pos === 'phrase' || e.pos === 'other' ? 'phrase' : e.pos;
  const snippet = opts.snippet === false ? undefined : bestSnippet(e, v);
  const lead = opts.number === undefined ? '•' : `${opts.number}.`;
  const word = opts.translation ? `${e.lemma} = ${opts.translation}` : e.lemma;
  return `${lead} ${word} (${pos}) ${level} ×${e.count}${snippet ? `: “${snippet}”` : ''}`;
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
  // A transcript from a site or the library is subtitles, not a script ("the OpenSubtitles subtitles").
  return v.script.format === 'transcript'
    ? `the ${v.script.source} subtitles`
    : `the ${v.script.source} script`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
