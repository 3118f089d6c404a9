/**
 * The vocabulary list as a small browser: the first page of a list reply, and every click after
 * it. A click carries its whole view (payload.ts), so it still works after a restart: the list is
 * read from the store by key, its job from the queue. Only the person the list was made for may
 * click. A view of a job under way is drawn again by the job's progress (progress-views.ts): the
 * translations appear beside the words, and a word opened while it was being translated is edited
 * once it is.
 */
import type { Platform, Reply, UserRef } from '../../types.js';
import type { EnrichmentDesk, ListFooter } from '../enrichment/enrichment-desk.js';
import { progressLine } from '../enrichment/progress-views.js';
import { jobKey, type EnrichmentJob } from '../enrichment/types.js';
import { findLanguage } from '../languages.js';
import { sayVocab, vocabReply, type VocabCode } from '../messages.js';
import type { MovieVocab, VocabCommand } from '../types.js';
import { homeTab, languageButtons, listButtons, wordButtons, type Encode } from './buttons.js';
import { languageChoices, languageText } from './language-page.js';
import { layoutFor, type BrowserLayout } from './layout.js';
import { listPage, tabRange } from './list-page.js';
import {
  decodeBrowse,
  encodeBrowse,
  movieHash,
  ownerTag,
  wordCheck,
  type BrowserState,
  type MovieRef,
} from './payload.js';

/** Hashes remembered for keys too long for a button (they resolve without listing the store). */
const MAX_KNOWN = 5000;

export class VocabBrowser {
  private readonly known = new Map<string, string>();

  /** Without a desk (no enrichment wired) there are first pages, but no clicks to answer. */
  constructor(private readonly desk: EnrichmentDesk | undefined) {}

  /** The first page of a list just asked for, under it what the desk said about translations. */
  async firstPage(
    vocab: MovieVocab,
    cmd: VocabCommand,
    user: UserRef,
    footer: ListFooter | undefined,
    maxChars: number,
  ): Promise<Reply> {
    const state: BrowserState = {
      owner: ownerTag(user.userId),
      home: cmd.range,
      view: { kind: 'list', tab: homeTab(cmd.range), page: 0 },
    };
    if (cmd.language) state.language = cmd.language.code;
    const job = await this.job(vocab.key, state.language);
    const reply = await this.draw(state, vocab, job, layoutFor(user.platform), footer?.text, maxChars);
    reply.vocab = { movieKey: vocab.key };
    if (footer?.progress) {
      reply.progress = footer.progress;
      this.follow(state, vocab.key, user, footer.progress.jobKey, maxChars);
    }
    return reply;
  }

  /** A click on one of the browser's buttons (`data` as the chat sent it back). */
  async click(data: string, user: UserRef): Promise<Reply> {
    const state = decodeBrowse(data);
    const desk = this.desk;
    if (!state || !desk || (state.language && findLanguage(state.language)?.code !== state.language))
      return privately('vocab.browseExpired');
    if (state.owner !== ownerTag(user.userId)) return privately('vocab.browseNotYours');
    const vocab = await this.resolve(desk, state.movie);
    if (!vocab) return privately('vocab.browseExpired');
    const { view } = state;
    if (view.kind === 'export')
      return desk.exportWords(vocab, tabRange(view.tab, state.home), state.language);
    let footer: string | undefined;
    if (view.kind === 'ask') {
      const language = findLanguage(state.language ?? '');
      if (!language) return privately('vocab.browseExpired');
      footer = (await desk.onList(vocab, { range: state.home, rangeGiven: true, language }, user))?.text;
      state.view = { kind: 'list', tab: homeTab(state.home), page: 0 };
    }
    const layout = layoutFor(user.platform);
    const job = await this.job(vocab.key, state.language);
    footer ??= job && job.status !== 'ready' ? progressLine(job) : undefined;
    const reply = await this.draw(state, vocab, job, layout, footer, layout.maxChars);
    if (job && underWay(job)) {
      reply.progress = { jobKey: job.key };
      this.follow(state, vocab.key, user, job.key, layout.maxChars);
    }
    return reply;
  }

  /** Progress redraws what the person has open, with the job as it is then. */
  private follow(state: BrowserState, key: string, user: UserRef, job: string, maxChars: number): void {
    this.desk?.shown(user, job, (j) => this.redraw(state, key, user.platform, j, maxChars));
  }

  private async redraw(
    state: BrowserState,
    key: string,
    platform: Platform,
    job: EnrichmentJob,
    maxChars: number,
  ): Promise<Reply | undefined> {
    const vocab = await this.desk?.deps.vocabs.get(key);
    if (!vocab) return undefined;
    const reply = await this.draw(state, vocab, job, layoutFor(platform), progressLine(job), maxChars);
    return reply.code === 'vocab.profile' ? { ...reply, code: 'vocab.enrichProgress' } : reply;
  }

  private async draw(
    state: BrowserState,
    vocab: MovieVocab,
    job: EnrichmentJob | undefined,
    layout: BrowserLayout,
    footer: string | undefined,
    maxChars: number,
  ): Promise<Reply> {
    const encode: Encode = (view, language = state.language) =>
      this.encode({ ...state, view, ...(language ? { language } : {}) }, vocab.key, layout);
    const { view } = state;
    const keys = (code: VocabCode) => (layout.numbered ? `\n\n${sayVocab(code)}` : '');
    const buttons = (rows: Reply['buttons']) => (layout.buttons ? { buttons: rows } : {});

    if (view.kind === 'word') {
      const entry = vocab.entries[view.index];
      if (entry && wordCheck(entry) === view.check && this.desk) {
        const word = await this.desk.openWord(vocab, entry, state.language, { examplesLater: true });
        return {
          ...word,
          text: `${word.text}${keys('vocab.keys.word')}`,
          ...buttons(wordButtons(view.tab, view.page, encode)),
        };
      }
    }
    if (view.kind === 'languages') {
      const translator = this.desk?.deps.queue.translator;
      const jobs = (await this.desk?.deps.queue.list())?.filter((j) => j.movieKey === vocab.key) ?? [];
      const choices = languageChoices(state.language, translator, jobs, layout.maxLanguages);
      return {
        code: 'vocab.languages',
        text: `${languageText(vocab, translator)}${keys('vocab.keys.languages')}`,
        ...buttons(languageButtons(choices, view, layout, encode)),
      };
    }
    // A list page; also a word the list no longer has (analysed again since): its page.
    const at = view.kind === 'list' || view.kind === 'word' ? view : { tab: homeTab(state.home), page: 0 };
    const language = state.language ? findLanguage(state.language) : undefined;
    const page = listPage({
      vocab,
      home: state.home,
      tab: at.tab,
      page: at.page,
      layout,
      maxChars,
      ...(language ? { language } : {}),
      ...(job ? { job } : {}),
      ...(footer ? { footer } : {}),
    });
    return {
      code: 'vocab.profile',
      text: page.text,
      ...buttons(listButtons({ ...page, tab: at.tab, home: state.home }, layout, encode)),
    };
  }

  private encode(state: BrowserState, key: string, layout: BrowserLayout): string {
    const { data, hashed } = encodeBrowse(state, key, layout.maxDataBytes);
    if (hashed) {
      const hash = movieHash(key);
      this.known.delete(hash);
      if (this.known.size >= MAX_KNOWN) this.known.delete(this.known.keys().next().value as string);
      this.known.set(hash, key);
    }
    return data;
  }

  /** The list a button names: by key, or by the hash of one (remembered, else from the store's keys). */
  private async resolve(desk: EnrichmentDesk, ref: MovieRef): Promise<MovieVocab | undefined> {
    let key = 'key' in ref ? ref.key : this.known.get(ref.hash);
    if (key === undefined && 'hash' in ref) {
      const found = (await desk.deps.movies()).filter((k) => movieHash(k) === ref.hash);
      if (found.length === 1) key = found[0];
    }
    return key === undefined ? undefined : desk.deps.vocabs.get(key);
  }

  private async job(key: string, language: string | undefined): Promise<EnrichmentJob | undefined> {
    return language ? this.desk?.deps.queue.get(jobKey(key, language)) : undefined;
  }
}

const browsers = new WeakMap<EnrichmentDesk, VocabBrowser>();
const withoutDesk = new VocabBrowser(undefined);

/** One browser per desk: the list replies and the clicks share what it remembers. */
export function browserFor(desk: EnrichmentDesk | undefined): VocabBrowser {
  if (!desk) return withoutDesk;
  let browser = browsers.get(desk);
  if (!browser) {
    browser = new VocabBrowser(desk);
    browsers.set(desk, browser);
  }
  return browser;
}

function underWay(job: EnrichmentJob): boolean {
  return job.status === 'queued' || job.status === 'running' || job.status === 'paused';
}

function privately(code: VocabCode): Reply {
  return { ...vocabReply(code), private: true };
}
