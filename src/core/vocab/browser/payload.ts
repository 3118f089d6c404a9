/**
 * What a button of the vocabulary browser carries back: the whole view, so a click works after a
 * restart with nothing kept on our side (the list and its job are on disk by key):
 *
 *   v1:<owner>:<language>:<home>:<view>:<movie>
 *
 * - owner: the asker's id, in base 36 when it is a number (Telegram, Discord), else `_` and a
 *   fingerprint (the terminal's user name). A click from anyone whose id gives another tag is refused.
 * - language: our language code, or nothing.
 * - home: the levels the person asked for, as two level indexes (`25` is B1–C2).
 * - view: `l<tab><page>` a page of a tab; `w<tab><page>.<index><check>` a word, by its index in
 *   the list, with a check of its lemma so that a list analysed again since is noticed; `x<tab>` the
 *   Anki export; `g<tab><page>` the language menu; `a` ask for `language`. A tab is `h` (the
 *   levels asked for) or a level index; numbers are base 36.
 * - movie: the list's key when it fits, else `#` and a 64-bit hash of the key.
 *
 * Telegram takes 1–64 bytes of callback_data, Discord 1–100 characters of custom_id: `encodeBrowse`
 * keeps within the bytes it is given, which the longest owner, language and view leave room for.
 */
import { z } from 'zod';
import { levelIndex } from '../levels.js';
import { fingerprint } from '../movie-key.js';
import { CEFR_LEVELS, type CefrLevel, type LevelRange } from '../types.js';

/** `home`: the levels the person asked for ("B1+"); else one level. */
export type Tab = 'home' | CefrLevel;

export type BrowserView =
  | { kind: 'list'; tab: Tab; page: number }
  | { kind: 'word'; tab: Tab; page: number; index: number; check: string }
  | { kind: 'export'; tab: Tab }
  | { kind: 'languages'; tab: Tab; page: number }
  | { kind: 'ask' };

export interface BrowserState {
  /** `ownerTag` of the person the list was made for. */
  owner: string;
  /** Our language code. */
  language?: string;
  home: LevelRange;
  view: BrowserView;
}

/** The movie as the button names it: its key, or the hash of a key too long to carry. */
export type MovieRef = { key: string } | { hash: string };

export type DecodedState = BrowserState & { movie: MovieRef };

const PREFIX = 'v1:';

/** Button data of the browser (rather than of a media choice, or of nothing we know). */
export function isBrowseData(data: unknown): data is string {
  return typeof data === 'string' && data.startsWith(PREFIX);
}

/** The owner field for a platform user id. */
export function ownerTag(userId: string): string {
  return /^\d{1,20}$/.test(userId) ? BigInt(userId).toString(36) : `_${fingerprint(userId)}`;
}

/** Two FNV-1a passes (the key, then the key salted): 64 bits, so stored movies never share one. */
export function movieHash(key: string): string {
  return ((BigInt(`0x${fingerprint(key)}`) << 32n) | BigInt(`0x${fingerprint(`#${key}`)}`)).toString(36);
}

/** Two base-36 characters from the word's lemma and class. */
export function wordCheck(entry: { lemma: string; pos: string }): string {
  return (parseInt(fingerprint(`${entry.lemma}|${entry.pos}`), 16) % 1296).toString(36).padStart(2, '0');
}

/** The data for `state` of the movie `key`, within `maxBytes`; `hashed` when the key did not fit. */
export function encodeBrowse(
  state: BrowserState,
  key: string,
  maxBytes: number,
): { data: string; hashed: boolean } {
  const { home } = state;
  const head = `${PREFIX}${state.owner}:${state.language ?? ''}:${levelIndex(home.min)}${levelIndex(home.max)}:${viewCode(state.view)}:`;
  if (bytes(head + key) <= maxBytes) return { data: head + key, hashed: false };
  const data = `${head}#${movieHash(key)}`;
  if (bytes(data) > maxBytes) throw new Error(`browser button data over ${maxBytes} bytes: ${data}`);
  return { data, hashed: true };
}

const DATA = z
  .string()
  .max(400)
  .regex(
    /^v1:([0-9a-z]{1,13}|_[0-9a-f]{8}):([a-z]{2,3}(?:-[a-z]{2,4})?)?:([0-5])([0-5]):([a-z][0-9a-z.]{0,14}):(#[0-9a-z]{1,13}|[^:#]+)$/u,
  );

/** The state a button carries; null for anything malformed or of another version. */
export function decodeBrowse(data: unknown): DecodedState | null {
  const parsed = DATA.safeParse(data);
  if (!parsed.success) return null;
  const [, owner = '', language, min = '', max = '', view = '', movie = ''] =
    /^v1:([^:]+):([^:]*):(\d)(\d):([^:]+):(.+)$/u.exec(parsed.data) ?? [];
  const home = { min: CEFR_LEVELS[Number(min)], max: CEFR_LEVELS[Number(max)] };
  const decodedView = parseView(view);
  if (!home.min || !home.max || Number(min) > Number(max) || !decodedView) return null;
  const state: DecodedState = {
    owner,
    home: { min: home.min, max: home.max },
    view: decodedView,
    movie: movie.startsWith('#') ? { hash: movie.slice(1) } : { key: movie },
  };
  if (language) state.language = language;
  return state;
}

function viewCode(v: BrowserView): string {
  const n = (x: number) => x.toString(36);
  switch (v.kind) {
    case 'list':
      return `l${tabCode(v.tab)}${n(v.page)}`;
    case 'word':
      return `w${tabCode(v.tab)}${n(v.page)}.${n(v.index)}${v.check}`;
    case 'export':
      return `x${tabCode(v.tab)}`;
    case 'languages':
      return `g${tabCode(v.tab)}${n(v.page)}`;
    case 'ask':
      return 'a';
  }
}

function parseView(code: string): BrowserView | undefined {
  const page = /^([lg])([h0-5])([0-9a-z]{1,4})$/.exec(code);
  if (page) {
    const [, kind, tab = '', at = ''] = page;
    return { kind: kind === 'l' ? 'list' : 'languages', tab: tabOf(tab), page: parseInt(at, 36) };
  }
  const word = /^w([h0-5])([0-9a-z]{1,4})\.([0-9a-z]{1,6})([0-9a-z]{2})$/.exec(code);
  if (word) {
    const [, tab = '', at = '', index = '', check = ''] = word;
    return { kind: 'word', tab: tabOf(tab), page: parseInt(at, 36), index: parseInt(index, 36), check };
  }
  const exp = /^x([h0-5])$/.exec(code);
  if (exp) return { kind: 'export', tab: tabOf(exp[1] ?? 'h') };
  return code === 'a' ? { kind: 'ask' } : undefined;
}

function tabCode(tab: Tab): string {
  return tab === 'home' ? 'h' : String(levelIndex(tab));
}

function tabOf(code: string): Tab {
  return code === 'h' ? 'home' : (CEFR_LEVELS[Number(code)] as CefrLevel);
}

function bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}
