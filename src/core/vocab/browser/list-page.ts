/**
 * One page of a tab as text: the profile on the first page of the levels asked for (the title line
 * elsewhere), the page's words with their translations once the job has them, and a footer (what
 * happens about translations). A page always holds the same words; it is kept under `maxChars` by
 * dropping, in turn, the profile and the script lines.
 */
import { wordKey, type EnrichmentJob } from '../enrichment/types.js';
import { formatRange, inRange } from '../levels.js';
import { sayVocab } from '../messages.js';
import { languageLine, profileHead, titleLine, wordLine } from '../render-vocab.js';
import { CEFR_LEVELS, type Language, type LevelRange, type MovieVocab, type VocabEntry } from '../types.js';
import { homeTab } from './buttons.js';
import type { BrowserLayout } from './layout.js';
import type { Tab } from './payload.js';
import { cutText } from '../../cut-text.js';

export interface PageInput {
  vocab: MovieVocab;
  home: LevelRange;
  tab: Tab;
  page: number;
  language?: Language;
  /** Its translations are shown beside the words. */
  job?: EnrichmentJob;
  footer?: string;
  layout: BrowserLayout;
  maxChars: number;
}

export interface Page {
  text: string;
  /** The page shown: the one asked for, or the last when the tab has fewer. */
  page: number;
  pages: number;
  words: { entry: VocabEntry; index: number }[];
  /** Number of the page's first word in the tab, from 1. */
  first: number;
}

/** Longest translation shown beside a word; the word's own view has it whole. */
const TRANSLATION_CHARS = 40;

export function tabRange(tab: Tab, home: LevelRange): LevelRange {
  return tab === 'home' ? home : { min: tab, max: tab };
}

export function listPage(p: PageInput): Page {
  const { vocab, layout } = p;
  const range = tabRange(p.tab, p.home);
  const all = vocab.entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry: e }) => e.level && e.source !== 'unlisted' && inRange(e.level, range));
  const pages = Math.max(1, Math.ceil(all.length / layout.wordsPerPage));
  const page = Math.min(Math.max(0, p.page), pages - 1);
  const start = page * layout.wordsPerPage;
  const words = all.slice(start, start + layout.wordsPerPage);
  const label = formatRange(range);
  const first = start + 1;

  const compose = (profile: boolean, snippets: boolean): string => {
    const head = profile
      ? profileHead(vocab, p.language)
      : [titleLine(vocab), ...(p.language ? [languageLine(p.language)] : [])];
    const body =
      words.length === 0
        ? [sayVocab('vocab.pageNone', { range: label })]
        : [
            sayVocab('vocab.pageHead', {
              range: label,
              from: first,
              to: start + words.length,
              total: all.length,
              page: page + 1,
              pages,
            }),
            ...words.map(({ entry }, i) => {
              const translation = translationOf(entry, p.job);
              return wordLine(entry, vocab, {
                snippet: snippets,
                ...(translation ? { translation } : {}),
                ...(layout.numbered ? { number: first + i } : {}),
              });
            }),
          ];
    const keys = layout.numbered ? [sayVocab('vocab.keys.list', { levels: levelKeys(p.home) })] : [];
    return [head.join('\n'), body.join('\n'), ...(p.footer ? [p.footer] : []), ...keys].join('\n\n');
  };

  const profile = p.tab === homeTab(p.home) && page === 0;
  const tries: [boolean, boolean][] = [
    [profile, layout.snippets],
    [false, layout.snippets],
    [false, false],
  ];
  let text = '';
  for (const [withProfile, snippets] of tries) {
    text = compose(withProfile, snippets);
    if (text.length <= p.maxChars) break;
  }
  return { text: cutText(text, p.maxChars), page, pages, words, first };
}

/** "B1+ A1 A2 B1 B2 C1 C2": what the terminal takes for a tab. */
function levelKeys(home: LevelRange): string {
  return [...(homeTab(home) === 'home' ? [formatRange(home)] : []), ...CEFR_LEVELS].join(' ');
}

function translationOf(entry: VocabEntry, job: EnrichmentJob | undefined): string | undefined {
  const t = job?.words[wordKey(entry)];
  return t ? cutText(t, TRANSLATION_CHARS) : undefined;
}
