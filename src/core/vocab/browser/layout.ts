/**
 * How the vocabulary browser is laid out on each chat, from what the platform allows:
 * - Telegram (Bot API 10.1, sendMessage and InlineKeyboardButton): a message is 1–4096 characters,
 *   callback_data 1–64 bytes. The API states no limit on buttons per row or in all; we keep to
 *   seven a row and 26 at most.
 * - Discord (discord.js packages/builders/src/Assertions.ts and components/Assertions.ts): content
 *   of at most 2000 characters, at most 5 action rows of 1–5 buttons, labels of 1–80 characters,
 *   custom_id of 1–100 characters (counted here in bytes, which is stricter), unique in the message.
 * - The terminal has no limits; people type a word's number, so lines are numbered.
 * - The HTTP API has no buttons: the page is text only.
 * Pages hold a fixed number of words, so a page is the same words however long its lines get
 * once translated; the text is kept under `maxChars` by dropping detail instead (list-page.ts).
 */
import type { Platform } from '../../types.js';

export interface BrowserLayout {
  wordsPerPage: number;
  wordsPerRow: number;
  tabsPerRow: number;
  /** Prev, Next, Export and Language share one row (Discord's five), rather than two. */
  navWithActions: boolean;
  languagesPerRow: number;
  /** Most languages in the menu. */
  maxLanguages: number;
  /** Most characters of a page's text. */
  maxChars: number;
  /** Most bytes of a button's data. */
  maxDataBytes: number;
  /** Each word with a line of the script it is in. */
  snippets: boolean;
  /** Words numbered (people type the number) rather than bulleted (they press a button). */
  numbered: boolean;
  buttons: boolean;
}

const TELEGRAM: BrowserLayout = {
  // 5 rows of 3 words, a row of 7 tabs, Prev/Next, Export/Language: 8 rows, 26 buttons.
  wordsPerPage: 15,
  wordsPerRow: 3,
  tabsPerRow: 7,
  navWithActions: false,
  languagesPerRow: 3,
  maxLanguages: 18,
  // Room under 4096 for the lines the vocabulary service puts around the first page.
  maxChars: 3500,
  maxDataBytes: 64,
  snippets: true,
  numbered: false,
  buttons: true,
};

const DISCORD: BrowserLayout = {
  // 2 rows of 5 words, tabs in rows of 4 and 3, then Prev/Next/Export/Language: 5 rows.
  wordsPerPage: 10,
  wordsPerRow: 5,
  tabsPerRow: 4,
  navWithActions: true,
  languagesPerRow: 5,
  maxLanguages: 20,
  // Room under 2000 for the mention a notification in a shared channel starts with.
  maxChars: 1900,
  maxDataBytes: 100,
  snippets: false,
  numbered: false,
  buttons: true,
};

const TERMINAL: BrowserLayout = {
  wordsPerPage: 20,
  wordsPerRow: 20,
  tabsPerRow: 7,
  navWithActions: false,
  languagesPerRow: 1,
  maxLanguages: 30,
  maxChars: 6000,
  maxDataBytes: 400,
  snippets: true,
  numbered: true,
  buttons: true,
};

const TEXT_ONLY: BrowserLayout = { ...TERMINAL, wordsPerPage: 40, numbered: false, buttons: false };

export function layoutFor(platform: Platform): BrowserLayout {
  switch (platform) {
    case 'telegram':
      return TELEGRAM;
    case 'discord':
      return DISCORD;
    case 'terminal':
      return TERMINAL;
    case 'http':
      return TEXT_ONLY;
  }
}
