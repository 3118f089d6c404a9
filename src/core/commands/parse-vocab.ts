/**
 * A list request, the words after "vocab" → a VocabCommand, or the reason it is not one (with the
 * text to show); parse-vocab-command.ts tries the other subcommands first.
 * Accepts "Inception in French", "Inception fr", "The Matrix pt-br C1-C2", "Inception B2+ in
 * français", "\"Sleepless in Seattle\" in German", "Breaking Bad S01E01 fr", "show Fargo season 1
 * from subtitles" and, for the terminal, a file path. Reads the options from the end, so a title
 * may itself contain "in" ("Midnight in Paris") or a number ("Apollo 13"). Never throws.
 */
import { findLanguage, supportedLanguageList } from '../vocab/languages.js';
import { DEFAULT_RANGE, parseLevelRange } from '../vocab/levels.js';
import { sayVocab, type VocabCode } from '../vocab/messages.js';
import type { Language, LevelRange, SeriesPart, VocabCommand } from '../vocab/types.js';
import { fromAtEnd, kindAtStart, partAtEnd } from './parse-vocab-part.js';

export type VocabParse = { ok: true; command: VocabCommand } | { ok: false; code: VocabCode; text: string };

export const MAX_VOCAB_TITLE = 200;
const MAX_INPUT = 1000;

/** Words that introduce the language: "in French", "into German", "for Spanish speakers" is not supported. */
const LANGUAGE_LEAD = new Set(['in', 'into']);
/** Words that may stand before a level: "level B2", "at B2", "from B2". */
const LEVEL_LEAD = new Set(['level', 'at', 'from', 'niveau']);
/** A language code as typed: fr, FR, pt-br, zh-Hant. */
const CODE = /^[a-z]{2,3}(?:[-_][a-z]{2,4})?$/i;
/** Looks like a level but is not one: D1, B3, A0. */
const NEAR_LEVEL = /^[a-f][0-9][+-]?$/i;
/** Language names we cannot serve still get the supported list rather than a title search. */
const LANGUAGE_LIKE = /(?:ish|ese|ian|ic)$/i;
const OTHER_LANGUAGES = new Set([
  'klingon',
  'latin',
  'swahili',
  'zulu',
  'xhosa',
  'yoruba',
  'hausa',
  'amharic',
  'somali',
  'tamil',
  'telugu',
  'marathi',
  'gujarati',
  'punjabi',
  'nepali',
  'khmer',
  'lao',
  'burmese',
  'mongolian',
  'kazakh',
  'uzbek',
  'pashto',
  'kurdish',
  'welsh',
  'maori',
  'hawaiian',
  'sindarin',
  'quenya',
  'dothraki',
  'esperanto',
]);
const PATH = /^(?:\/|\.{1,2}\/|~\/|[a-z]:\\)|\.(?:txt|srt|vtt|html?|fountain)$/i;

export function parseVocab(rest: string): VocabParse {
  let s = rest.replace(/\s+/g, ' ').trim();
  s = s.replace(/^\/?vocab(?:ulary)?(?:@\w+)?\b\s*/i, '');
  s = s.replace(/[\s.!?]+$/, '');
  if (!s) return fail('vocab.usage');
  if (s.length > MAX_INPUT) return fail('vocab.titleTooLong', { max: MAX_VOCAB_TITLE });

  const words = s.split(' ');
  const kind = kindAtStart(words);
  s = words.join(' ');
  let quoted: string | undefined;
  const q = /^["“”'‘’«]\s*(.+?)\s*["“”'’‘»](?:\s+(.*))?$/.exec(s);
  if (q) {
    quoted = q[1] ?? '';
    s = q[2] ?? '';
  }
  const tokens = s ? s.split(' ') : [];
  const keep = quoted === undefined ? 1 : 0;
  let range: LevelRange | undefined;
  let language: Language | undefined;
  let part: SeriesPart | undefined;
  let from: VocabCommand['from'];

  for (let guard = 0; guard < 8 && tokens.length > keep; guard++) {
    const last = clean(tokens[tokens.length - 1] ?? '');
    const before = clean(tokens[tokens.length - 2] ?? '').toLowerCase();
    const levelRange = range ? undefined : levelAtEnd(tokens, keep);
    if (levelRange) {
      range = levelRange;
      continue;
    }
    // Before the level check: "S1 E1" ends in what looks like a level.
    const atEnd = part || kind === 'movie' ? undefined : partAtEnd(tokens, keep);
    if (atEnd && 'zero' in atEnd) return fail('vocab.seasonZero', { part: atEnd.zero });
    if (atEnd) {
      part = atEnd.part;
      continue;
    }
    const hint = from ? undefined : fromAtEnd(tokens, keep);
    if (hint) {
      from = hint;
      continue;
    }
    if (!range && NEAR_LEVEL.test(last)) return fail('vocab.badLevel', { level: last });
    if (!language && tokens.length - 2 >= keep && LANGUAGE_LEAD.has(before)) {
      const found = findLanguage(last);
      if (found) {
        language = found;
        tokens.splice(-2);
        continue;
      }
      if (looksLikeLanguage(last)) {
        return fail('vocab.unknownLanguage', { language: last, list: supportedLanguageList() });
      }
    }
    if (
      !language &&
      tokens.length - 3 >= keep &&
      LANGUAGE_LEAD.has(clean(tokens[tokens.length - 3] ?? '').toLowerCase())
    ) {
      const found = findLanguage(`${clean(tokens[tokens.length - 2] ?? '')} ${last}`);
      if (found) {
        language = found;
        tokens.splice(-3);
        continue;
      }
    }
    if (!language && tokens.length - 1 >= keep && CODE.test(last)) {
      const found = findLanguage(last);
      if (found) {
        language = found;
        tokens.splice(-1);
        continue;
      }
    }
    break;
  }

  // "vocab in French" or "vocab B2+" (with a subtitle file attached): options only, no title.
  const lead = clean(tokens[0] ?? '').toLowerCase();
  if (!language && quoted === undefined && tokens.length === 2 && LANGUAGE_LEAD.has(lead)) {
    const found = findLanguage(clean(tokens[1] ?? ''));
    if (found) {
      language = found;
      tokens.length = 0;
    }
  }
  if (!range && quoted === undefined && tokens.length === 1) {
    const only = parseLevelRange(clean(tokens[0] ?? ''));
    if (only) {
      range = only;
      tokens.length = 0;
    }
  }
  const title = (quoted ?? tokens.join(' ')).replace(/^["“”'‘’«]+|["“”'’‘»,;:]+$/g, '').trim();
  if (!title && !language && !range) return fail('vocab.emptyTitle');
  if (title.length > MAX_VOCAB_TITLE) return fail('vocab.titleTooLong', { max: MAX_VOCAB_TITLE });

  // Without a title the service uses an attached file, or asks which movie.
  const command: VocabCommand = { range: range ?? DEFAULT_RANGE, rangeGiven: range !== undefined };
  if (PATH.test(title)) command.path = title;
  else if (title) command.title = title;
  if (language) command.language = language;
  if (part) command.part = part;
  if (part || kind) command.kind = part ? 'tv' : kind;
  if (from) command.from = from;
  return { ok: true, command };
}

/** A level expression at the end of `tokens` ("B2+", "C1-C2", "C1 - C2", "level B2"): removed and returned. */
function levelAtEnd(tokens: string[], keep: number): LevelRange | undefined {
  const n = tokens.length;
  const last = clean(tokens[n - 1] ?? '');
  if (n - 3 >= keep) {
    const joined = `${clean(tokens[n - 3] ?? '')} ${clean(tokens[n - 2] ?? '')} ${last}`;
    const r = /^[abc][12] (?:-|–|—|to) [abc][12]$/i.test(joined) ? parseLevelRange(joined) : undefined;
    if (r) {
      tokens.splice(-3);
      dropLead(tokens, keep);
      return r;
    }
  }
  const r = parseLevelRange(last);
  if (!r) return undefined;
  tokens.splice(-1);
  dropLead(tokens, keep);
  return r;
}

function dropLead(tokens: string[], keep: number): void {
  const lead = clean(tokens[tokens.length - 1] ?? '').toLowerCase();
  if (tokens.length - 1 >= keep && LEVEL_LEAD.has(lead)) tokens.splice(-1);
}

function looksLikeLanguage(word: string): boolean {
  const w = word.toLowerCase();
  // "in xx" typed in lower case is a code; "Two Days in LA" is a title.
  return (
    OTHER_LANGUAGES.has(w) || (LANGUAGE_LIKE.test(w) && /^[a-z]+$/.test(w)) || (CODE.test(word) && word === w)
  );
}

/** A token without the punctuation people put around options: "French," → "French". */
function clean(token: string): string {
  return token.replace(/^[("'“‘«]+|[)"'”’»,;:]+$/g, '');
}

function fail(code: VocabCode, values: Record<string, string | number> = {}): VocabParse {
  return { ok: false, code, text: sayVocab(code, values) };
}
