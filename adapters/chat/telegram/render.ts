/**
 * A core Reply → what Telegram is sent: plain text (no parse_mode, so nothing the core says can
 * break Markdown/HTML parsing), a poster via sendPhoto with the text as its caption, and choices
 * as an inline keyboard whose buttons carry only the short choice data (see choice-data.ts); the
 * vocabulary browser's buttons (`Reply.buttons`) carry their own data, which the core keeps short.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { encodeChoice } from '../../../src/core/choice-data.js';
import type {
  ActionButton,
  ChoiceOption,
  ChoicePrompt,
  MediaCard,
  MediaKind,
  Reply,
} from '../../../src/core/types.js';
import { CAPTION_LIMIT, MESSAGE_LIMIT, splitText, takeHead } from './split-text.js';

export const KIND_ICON: Record<MediaKind, string> = { movie: '🎬', series: '📺', artist: '🎵', album: '🎵' };

/** Telegram's hard limit for callback_data, in UTF-8 bytes. */
export const CALLBACK_DATA_BYTES = 64;
/** Longer labels are cut off by the clients anyway; a shorter one keeps the ellipsis ours. */
const LABEL_MAX = 60;
/** A card's overview is a teaser, not the synopsis. */
const OVERVIEW_MAX = 300;

export interface Rendered {
  /** Poster URL for sendPhoto; `head` is then its caption. */
  photo?: string;
  /** Poster URL shown as a link preview, for a text message that cannot become a photo. */
  preview?: string;
  /** The first message's text (≤ 4096), or the caption (≤ 1024) when there is a photo. */
  head: string;
  /** What did not fit in `head`: follow-up messages of ≤ 4096 each. */
  rest: string[];
  /** Goes on the last message sent, so the buttons sit under all the text. */
  keyboard?: InlineKeyboardMarkup;
  document?: NonNullable<Reply['document']>;
}

/**
 * `auto` sends a photo when the card has a poster; `text` and `caption` render for editing an
 * existing message of that kind (a text message can't gain a photo, so the poster becomes a
 * link preview; a photo keeps its picture and only the caption changes).
 */
export type Shape = 'auto' | 'text' | 'caption';

export function renderReply(reply: Reply, shape: Shape = 'auto'): Rendered {
  const written = [reply.text.trim(), reply.card ? cardBlock(reply.card) : ''].filter(Boolean).join('\n\n');
  // Telegram refuses an empty message; a bare document needs no text at all.
  const body = written || (reply.document ? '' : '…');
  const poster = reply.card?.posterUrl;
  const asCaption = shape === 'caption' || (shape === 'auto' && poster !== undefined);
  const [head, tail] = takeHead(body, asCaption ? CAPTION_LIMIT : MESSAGE_LIMIT);
  const out: Rendered = { head, rest: splitText(tail, MESSAGE_LIMIT) };
  if (poster !== undefined && shape === 'auto') out.photo = poster;
  if (poster !== undefined && shape === 'text') out.preview = poster;
  if (reply.choices && reply.choices.options.length + (reply.choices.noneLabel ? 1 : 0) > 0) {
    out.keyboard = keyboardFor(reply.choices);
  }
  if (reply.buttons?.length) out.keyboard = buttonKeyboard(reply.buttons);
  if (reply.document) out.document = reply.document;
  return out;
}

/** One button per candidate, one per row so long titles stay readable, then "None of these". */
export function keyboardFor(prompt: ChoicePrompt): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = prompt.options.map((o, i) => [
    button(buttonLabel(o), encodeChoice(prompt.token, i)),
  ]);
  if (prompt.noneLabel) rows.push([button(prompt.noneLabel, encodeChoice(prompt.token, 'none'))]);
  return { inline_keyboard: rows };
}

/** The browser's rows as they are; the tab shown now is marked, as buttons have no selected state. */
function buttonKeyboard(rows: readonly ActionButton[][]): InlineKeyboardMarkup {
  return {
    inline_keyboard: rows.map((row) =>
      row.map((b) => button(truncate(b.current ? `· ${b.label} ·` : b.label, LABEL_MAX), b.data)),
    ),
  };
}

/** "📺 Dexter (2006) · series": the icon says the kind at a glance, before any words. */
export function buttonLabel(option: ChoiceOption): string {
  const icon = option.kind ? KIND_ICON[option.kind] : undefined;
  const label = option.label.trim();
  const full = icon && !label.startsWith(icon) ? `${icon} ${label}` : label;
  return truncate(full, LABEL_MAX);
}

function button(text: string, data: string): InlineKeyboardButton.CallbackButton {
  // encodeChoice keeps data tiny; this guards the day it doesn't, before Telegram says BUTTON_DATA_INVALID.
  if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_BYTES)
    throw new Error(`callback_data over 64 bytes: ${data}`);
  return { text, callback_data: data };
}

function cardBlock(card: MediaCard): string {
  let line = `${KIND_ICON[card.kind]} ${card.title}${card.year ? ` (${card.year})` : ''}`;
  if (card.destination) line += ` → ${card.destination}`;
  if (card.confidence !== undefined) line += ` · ${Math.round(card.confidence * 100)}% sure`;
  return card.overview ? `${line}\n${truncate(card.overview.trim(), OVERVIEW_MAX)}` : line;
}

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const [head] = takeHead(s, max - 1);
  return `${head}…`;
}
