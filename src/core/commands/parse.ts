/**
 * A chat message → a command, or the reason it is not one. Tolerant of how people type ("@bot
 * Add  movie Dune (1984)!", "/add@reelbot Dexter", "request show fargo"), strict about what can
 * hurt (empty, over-long, control characters). Never throws.
 */
import type { KindHint } from '../types.js';
import type { MediaCode } from '../messages.js';
import { hasUnprintable } from './input-text.js';

export type Command =
  | { type: 'add'; title: string; year?: number; hint?: KindHint; season?: number }
  | { type: 'help' }
  | { type: 'requests' }
  | { type: 'cancel'; id: string }
  | { type: 'why'; id: string }
  | { type: 'vocab'; args: string }
  | { type: 'admin'; action: AdminAction };

/** What admins type in a chat, or run on the host with `npm run <name>` (scripts/admin.ts). */
export type AdminAction =
  | { name: 'doctor' }
  | { name: 'process' }
  | { name: 'retry'; id?: string }
  | { name: 'reclassify'; id: string; target: string }
  | { name: 'backfill-ids' }
  | { name: 'report'; days: number }
  | { name: 'approve'; id: string }
  | { name: 'decline'; id: string };

/** `report` with no `--days`: the last 30 days. */
export const REPORT_DEFAULT_DAYS = 30;
const REQUEST_ID = /^[a-z0-9]{4,12}$/i;

export type ParseResult =
  { ok: true; command: Command } | { ok: false; code: MediaCode; values?: Record<string, string | number> };

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
  if (hasUnprintable(input)) return { ok: false, code: 'parse.controlChars' };
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
      return REQUEST_ID.test(rest)
        ? { ok: true, command: { type: 'cancel', id: rest.toLowerCase() } }
        : { ok: false, code: 'parse.cancelUsage' };
    case 'why':
      return REQUEST_ID.test(rest)
        ? { ok: true, command: { type: 'why', id: rest.toLowerCase() } }
        : { ok: false, code: 'parse.whyUsage' };
    case 'vocab':
    case 'vocabulary':
      return { ok: true, command: { type: 'vocab', args: rest } };
    case 'doctor':
    case 'process':
    case 'backfill-ids':
    case 'backfill':
    case 'retry':
    case 'reclassify':
    case 'report':
    case 'approve':
    case 'decline':
      return parseAdmin(verb, rest);
    default:
      return unknown(verb);
  }
}

/** The admin verbs on their own, for the host script (`npm run retry -- abc123`). */
export function parseAdmin(verb: string, rest: string): ParseResult {
  // The host's scripts call this directly: the same input rule as a chat message.
  if (hasUnprintable(verb) || hasUnprintable(rest)) return { ok: false, code: 'parse.controlChars' };
  const args = rest.split(' ').filter(Boolean);
  const admin = (action: AdminAction): ParseResult => ({ ok: true, command: { type: 'admin', action } });
  const id = args[0]?.toLowerCase();
  switch (verb.toLowerCase()) {
    case 'doctor':
      return admin({ name: 'doctor' });
    case 'process':
      return admin({ name: 'process' });
    case 'backfill':
    case 'backfill-ids':
      return admin({ name: 'backfill-ids' });
    case 'retry':
      if (args.length === 0) return admin({ name: 'retry' });
      return args.length === 1 && id && REQUEST_ID.test(id)
        ? admin({ name: 'retry', id })
        : { ok: false, code: 'parse.retryUsage' };
    case 'reclassify': {
      const target = args[1]?.toLowerCase();
      return args.length === 2 && id && REQUEST_ID.test(id) && target && /^[a-z0-9-]{2,40}$/.test(target)
        ? admin({ name: 'reclassify', id, target })
        : { ok: false, code: 'parse.reclassifyUsage' };
    }
    case 'report': {
      const days = parseDays(args);
      return days === undefined ? { ok: false, code: 'parse.reportUsage' } : admin({ name: 'report', days });
    }
    case 'approve':
    case 'decline':
      return args.length === 1 && id && REQUEST_ID.test(id)
        ? admin({ name: verb.toLowerCase() as 'approve' | 'decline', id })
        : { ok: false, code: 'parse.approveUsage', values: { verb: verb.toLowerCase() } };
    default:
      return unknown(verb);
  }
}

/**
 * `[]` → the default; `--days 7`, `--days=7`, `days 7` or `7` → 7 (phones turn `--` into `—`, so
 * that works too); 0 means every request ever stored.
 */
function parseDays(args: string[]): number | undefined {
  if (args.length === 0) return REPORT_DEFAULT_DAYS;
  const joined = args.join(' ').toLowerCase();
  const m = /^(?:(?:--?|\u2014)?days?[ =])?(\d{1,5})$/.exec(joined);
  return m ? Number(m[1]) : undefined;
}

function unknown(verb: string): ParseResult {
  return { ok: false, code: 'parse.unknown', values: { verb: verb.slice(0, 30) } };
}

function parseAdd(rest: string, thisYear: number): ParseResult {
  let title = rest;
  let hint: KindHint | undefined;
  const first = /^(\S+)\s+(.*)$/.exec(title);
  const kind = first ? KIND_WORDS[(first[1] ?? '').toLowerCase()] : undefined;
  // "Band of Brothers", "Music of the Heart", "Series of Unfortunate Events": a kind word
  // followed by "of" starts the title rather than naming a kind.
  if (first && kind && !/^of\b/i.test(first[2] ?? '')) {
    hint = kind;
    title = (first[2] ?? '').trim();
  }
  // "season 9", "s09", ", season 2" at the end: that season of a series.
  let season: number | undefined;
  const sm = /^(.*?)[\s,]+(?:season\s*|s)0*(\d{1,3})$/i.exec(title);
  if (sm && (sm[1] ?? '').trim()) {
    season = Number(sm[2]);
    // Season 0 is where Sonarr and TMDb keep specials: nobody asks for it by that number.
    if (season === 0) return { ok: false, code: 'parse.seasonZero', values: { title: (sm[1] ?? '').trim() } };
    title = (sm[1] ?? '').trim();
    hint = 'series';
  }
  let year: number | undefined;
  // A year stands apart: "Dune 2021", "Dune, 2021", "Dune (2021)"; "Dune -2021" is not one.
  const y = /^(.*?)(?:[\s,]+[([]?|[([])((?:18|19|20)\d\d)[)\]]?$/.exec(title);
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
  if (season !== undefined) command.season = season;
  return { ok: true, command };
}
