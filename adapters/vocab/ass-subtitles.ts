/**
 * Advanced SubStation Alpha (.ass) and SubStation Alpha (.ssa) → the lines each event shows, as
 * libass reads them (libass/libass libass/ass.c, libass/ass_parse.c, libass/ass_render.c):
 * `Dialogue:` lines of the [Events] section, split by that section's `Format:` line where the
 * last field, Text, keeps every comma; `Comment:` lines are not shown. In Text, `{…}` blocks are
 * override tags (karaoke \k, \pos, colours …), `\N` breaks the line, `\n` and `\h` are spaces,
 * and from `\p1` to `\p0` the text is a vector drawing, not words. Subtitle cleaning (sound notes,
 * speakers) is the caller's: this returns the text as displayed.
 */

/** libass's fallback when [Events] has no Format line (ass_event_format / ssa_event_format). */
const FALLBACK_FORMAT = [
  'layer',
  'start',
  'end',
  'style',
  'name',
  'marginl',
  'marginr',
  'marginv',
  'effect',
  'text',
];

/** True when the text is an .ass/.ssa script: a section header libass knows, or Dialogue lines. */
export function looksLikeAss(text: string): boolean {
  return /^\s*\[(?:Script Info|Events|V4\+? Styles)\]\s*$/im.test(text) || /^Dialogue:/m.test(text);
}

interface AssEvent {
  start: number;
  order: number;
  lines: string[];
}

/**
 * Each shown event's lines (split at `\N`), in order of start time (files are not always
 * sorted), with the same text shown twice at once (stacked layers of one line) kept once.
 */
export function assEventLines(text: string): string[][] {
  let section = '';
  let format = FALLBACK_FORMAT;
  const events: AssEvent[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n?|\n/)) {
    const line = raw.trim();
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = (header[1] as string).toLowerCase();
      continue;
    }
    // libass reads Format and Dialogue lines in [Events] only (ass.c process_line).
    if (section !== '' && section !== 'events') continue;
    if (line.startsWith('Format:')) format = fields(line.slice(7));
    else if (line.startsWith('Dialogue:')) {
      const event = parseDialogue(line.slice(9), format, events.length);
      if (event) events.push(event);
    }
  }
  events.sort((a, b) => a.start - b.start || a.order - b.order);
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const e of events) {
    const key = `${e.start}\u0000${e.lines.join('\n')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e.lines);
  }
  return out;
}

function fields(spec: string): string[] {
  return spec.split(',').map((f) => f.trim().toLowerCase());
}

/** Fields before Text are split at commas; Text is the rest of the line (ass.c process_event_tail). */
function parseDialogue(value: string, format: string[], order: number): AssEvent | undefined {
  const textAt = format.indexOf('text');
  if (textAt < 0) return undefined;
  const parts: string[] = [];
  let rest = value.trimStart();
  for (let i = 0; i < textAt; i++) {
    const comma = rest.indexOf(',');
    if (comma < 0) return undefined;
    parts.push(rest.slice(0, comma).trim());
    rest = rest.slice(comma + 1);
  }
  const startAt = format.indexOf('start');
  const start = startAt >= 0 && startAt < textAt ? timestamp(parts[startAt] ?? '') : 0;
  const lines = shownText(rest)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 0 ? { start, order, lines } : undefined;
}

/** `H:MM:SS.cc` → centiseconds; unreadable times sort first, as libass reads them as 0. */
function timestamp(t: string): number {
  const m = /^(\d+):(\d{1,2}):(\d{1,2})[.:](\d{1,3})/.exec(t);
  if (!m) return 0;
  const [, h, mi, s, frac] = m as unknown as [string, string, string, string, string];
  return ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

/**
 * The Text field as displayed, one item per `\N` line. An unclosed `{` is a literal character,
 * as in libass; `\p<n>` with n > 0 inside a block starts a drawing until a block sets `\p0`.
 */
function shownText(text: string): string[] {
  let shown = '';
  let drawing = false;
  let last = 0;
  // `\{` is a literal brace (ass_parse.c ass_get_next_char), not the start of a block.
  for (const block of text.matchAll(/(?<!\\)\{([^}]*)\}/g)) {
    if (!drawing) shown += text.slice(last, block.index);
    for (const p of (block[1] as string).matchAll(/\\p(\d+)/g)) drawing = Number(p[1]) > 0;
    last = block.index + block[0].length;
  }
  if (!drawing) shown += text.slice(last);
  return shown.split('\\N').map((l) =>
    l
      .replace(/\\[nh]/g, ' ')
      .replace(/\\([{}])/g, '$1')
      .replace(/\t/g, ' '),
  );
}
