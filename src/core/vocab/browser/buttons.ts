/**
 * The browser's buttons for each view, as rows the chats draw as they are (Telegram's inline
 * keyboard, Discord's action rows) and keys the terminal types. Every button of a view leads to a
 * different view, so Discord's custom_ids are unique within the message: the tab shown now
 * leads to the page shown now, Prev and Next to the pages either side, the other tabs to their first page.
 */
import type { ActionButton } from '../../types.js';
import { formatRange } from '../levels.js';
import { sayVocab } from '../messages.js';
import { CEFR_LEVELS, type LevelRange, type VocabEntry } from '../types.js';
import type { BrowserLayout } from './layout.js';
import { wordCheck, type BrowserView, type Tab } from './payload.js';

/** The button data for a view (in the browser's language, or in `language`). */
export type Encode = (view: BrowserView, language?: string) => string;

export interface PageButtons {
  tab: Tab;
  page: number;
  pages: number;
  home: LevelRange;
  /** The page's words with their index in the list. */
  words: readonly { entry: VocabEntry; index: number }[];
  /** Number of the page's first word in the tab, from 1. */
  first: number;
}

const LABEL_MAX = 32;

/** The tab of the levels asked for: one level is that level's own tab. */
export function homeTab(home: LevelRange): Tab {
  return home.min === home.max ? home.min : 'home';
}

export function listButtons(p: PageButtons, layout: BrowserLayout, encode: Encode): ActionButton[][] {
  const words = p.words.map(({ entry, index }, i): ActionButton => {
    const twin = p.words.some((w) => w.entry !== entry && w.entry.lemma === entry.lemma);
    const label = twin ? `${entry.lemma} (${entry.pos})` : entry.lemma;
    return {
      label: cut(layout.numbered ? `${p.first + i}. ${label}` : label),
      data: encode({ kind: 'word', tab: p.tab, page: p.page, index, check: wordCheck(entry) }),
      key: String(p.first + i),
    };
  });
  const tabs = tabsOf(p.home).map((tab): ActionButton => {
    const current = tab === p.tab;
    const button: ActionButton = {
      label: tabLabel(tab, p.home),
      data: encode({ kind: 'list', tab, page: current ? p.page : 0 }),
      key: tab === 'home' ? formatRange(p.home) : tab,
    };
    if (current) button.current = true;
    return button;
  });
  const nav: ActionButton[] = [];
  if (p.page > 0) nav.push(navButton('prev', 'p', encode({ kind: 'list', tab: p.tab, page: p.page - 1 })));
  if (p.page < p.pages - 1)
    nav.push(navButton('next', 'n', encode({ kind: 'list', tab: p.tab, page: p.page + 1 })));
  const actions = actionButtons(p.tab, p.page, encode);
  return [
    ...chunk(words, layout.wordsPerRow),
    ...chunk(tabs, layout.tabsPerRow),
    ...(layout.navWithActions ? [[...nav, ...actions]] : [nav, actions]).filter((r) => r.length > 0),
  ];
}

/** Under a word: back to its page, the export, another language. */
export function wordButtons(tab: Tab, page: number, encode: Encode): ActionButton[][] {
  return [[navButton('back', 'b', encode({ kind: 'list', tab, page })), ...actionButtons(tab, page, encode)]];
}

/** The language menu: one button per language (`ready` ones marked), and back to the page. */
export function languageButtons(
  languages: readonly { code: string; english: string; ready: boolean }[],
  back: { tab: Tab; page: number },
  layout: BrowserLayout,
  encode: Encode,
): ActionButton[][] {
  const buttons = languages.map((l, i): ActionButton => ({
    label: l.ready ? sayVocab('vocab.button.ready', { language: l.english }) : l.english,
    data: encode({ kind: 'ask' }, l.code),
    key: String(i + 1),
  }));
  return [
    ...chunk(buttons, layout.languagesPerRow),
    [navButton('back', 'b', encode({ kind: 'list', tab: back.tab, page: back.page }))],
  ];
}

function actionButtons(tab: Tab, page: number, encode: Encode): ActionButton[] {
  return [
    { label: sayVocab('vocab.button.export'), data: encode({ kind: 'export', tab }), key: 'e' },
    { label: sayVocab('vocab.button.language'), data: encode({ kind: 'languages', tab, page }), key: 'l' },
  ];
}

function tabsOf(home: LevelRange): Tab[] {
  return homeTab(home) === 'home' ? ['home', ...CEFR_LEVELS] : [...CEFR_LEVELS];
}

function tabLabel(tab: Tab, home: LevelRange): string {
  if (tab === 'home') return sayVocab('vocab.button.home', { range: formatRange(home) });
  return tab === homeTab(home) ? sayVocab('vocab.button.home', { range: tab }) : tab;
}

function navButton(which: 'prev' | 'next' | 'back', key: string, data: string): ActionButton {
  return { label: sayVocab(`vocab.button.${which}`), data, key };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

/** At most LABEL_MAX characters, never splitting one (an emoji, a CJK lemma). */
function cut(label: string): string {
  const chars = [...label];
  return chars.length <= LABEL_MAX ? label : `${chars.slice(0, LABEL_MAX - 1).join('')}…`;
}
