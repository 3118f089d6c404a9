/**
 * A chat message → a command, or the reason it is not one. Tolerant of how people type ("@bot
 * Add  movie Dune (1984)!", "/add@reelbot Dexter", "request show fargo"), strict about what can
 * hurt (empty, over-long, control characters). Never throws.
 */
import type { KindHint } from '../types.js';

export type Command =
  | { type: 'add'; title: string; year?: number; hint?: KindHint }
  | { type: 'help' }
  | { type: 'requests' }
  | { type: 'cancel'; id: string }
  | { type: 'vocab'; args: string };

export type ParseResult =
  { ok: true; command: Command } | { ok: false; code: string; values?: Record<string, string | number> };

export const MAX_TITLE_LENGTH = 200;
/** Anything longer is not a command anybody typed; answered without looking further. */
const MAX_MESSAGE_LENGTH = 1000;

const KIND_WORDS: Record<string, KindHint> = {
  movie: 'movie',
  film: 'movie',
  show: 'series',
  tv: 'series',
  series: 'series',
  serie: 'series',
  artist: 'artist',
  band: 'artist',
  album: 'album',
  record: 'album',
  music: 'music',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/;

/** Strip what addresses the bot rather than says something: mentions, a "/cmd@bot" suffix. */
export function stripAddress(text: string, botName?: string): string {
  let t = text.trim();
  t = t.replace(/^<@!?\d+>[\s,:]*/, '');
  t = t.replace(/^@[\w.]+[\s,:]+/, '');
  if (botName) {
    const escaped = botName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    t = t.replace(new RegExp(`^@?${escaped}[\\s,:]+`, 'i'), '');
  }
  t = t.replace(/^\/(\w+)@\w+/, '/$1');
  return t.trim();
}

export function parseCommand(input: string, opts: { botName?: string; thisYear: number }): ParseResult {
  if (input.length > MAX_MESSAGE_LENGTH)
    return { ok: false, code: 'parse.tooLong', values: { max: MAX_TITLE_LENGTH } };
  if (CONTROL.test(input.replace(/[\n\r\t]/g, ' '))) return { ok: false, code: 'parse.controlChars' };
  const text = stripAddress(input.replace(/\s+/g, ' '), opts.botName).replace(/[\s.!?]+$/, '');
  const match = /^\/?(\S+)\s*(.*)$/.exec(text);
  if (!match) return { ok: false, code: 'parse.empty' };
  const verb = (match[1] ?? '').toLowerCase();
  const rest = (match[2] ?? '').trim();

  switch (verb) {
    case 'add':
    case 'request':
    case 'get':
      return parseAdd(rest, opts.thisYear);
    case 'help':
    case 'start':
    case '?':
      return { ok: true, command: { type: 'help' } };
    case 'requests':
    case 'status':
    case 'mine':
      return { ok: true, command: { type: 'requests' } };
    case 'my':
      return /^requests?$/i.test(rest) ? { ok: true, command: { type: 'requests' } } : unknown(verb);
    case 'cancel':
      return /^[a-z0-9]{4,12}$/i.test(rest)
        ? { ok: true, command: { type: 'cancel', id: rest.toLowerCase() } }
        : { ok: false, code: 'parse.cancelUsage' };
    case 'vocab':
    case 'vocabulary':
      return { ok: true, command: { type: 'vocab', args: rest } };
    default:
      return unknown(verb);
  }
}

function unknown(verb: string): ParseResult {
  return { ok: false, code: 'parse.unknown', values: { verb: verb.slice(0, 30) } };
}

function parseAdd(rest: string, thisYear: number): ParseResult {
  let title = rest;
  let hint: KindHint | undefined;
  const first = /^(\S+)\s+(.*)$/.exec(title);
  const kind = first ? KIND_WORDS[(first[1] ?? '').toLowerCase()] : undefined;
  if (first && kind) {
    hint = kind;
    title = (first[2] ?? '').trim();
  }
  let year: number | undefined;
  const y = /^(.*?)[\s,]*[([]?((?:18|19|20)\d\d)[)\]]?$/.exec(title);
  if (y) {
    const candidate = Number(y[2]);
    const before = (y[1] ?? '').trim();
    // "add 1917" is a title; "Blade Runner 2049" is not a year either.
    if (before && candidate >= 1870 && candidate <= thisYear + 3) {
      year = candidate;
      title = before;
    }
  }
  title = title.replace(/^["'“”]+|["'“”]+$/g, '').trim();
  if (!title) return { ok: false, code: 'parse.emptyTitle' };
  if (title.length > MAX_TITLE_LENGTH)
    return { ok: false, code: 'parse.tooLong', values: { max: MAX_TITLE_LENGTH } };
  const command: Command = { type: 'add', title };
  if (year !== undefined) command.year = year;
  if (hint) command.hint = hint;
  return { ok: true, command };
}
