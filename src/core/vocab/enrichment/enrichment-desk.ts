/**
 * What people do with enrichment: the line under a vocabulary list (a job started, joined or
 * ready), `vocab status`, `vocab word <w>`, `vocab export`, `vocab stats` and `vocab backfill`.
 * Remembers each person's last movie and language (in memory, and from the jobs they asked for
 * after a restart). Never throws.
 */
import type { EnrichmentCommand } from '../../commands/parse-vocab-command.js';
import { isUpstreamError } from '../../errors.js';
import type { Logger } from '../../ports.js';
import { userKey, type IncomingMessage, type Reply, type UserRef } from '../../types.js';
import { findLanguage, supportedLanguageList } from '../languages.js';
import { DEFAULT_RANGE, formatRange, inRange } from '../levels.js';
import { sayVocab, vocabReply, whyVocab } from '../messages.js';
import type { VocabStore } from '../ports.js';
import type { LevelRange, MovieVocab, VocabCommand, VocabEntry } from '../types.js';
import { pickExamples } from './examples.js';
import { exportReply } from './export-file.js';
import { statsText, statusLine } from './job-texts.js';
import type { JobView } from './progress-views.js';
import type { EnrichmentQueue } from './queue.js';
import { jobKey, wordKey, type EnrichmentJob } from './types.js';
import { wordReply } from './word-view.js';

interface UserContext {
  movieKey: string;
  language?: string;
  range: LevelRange;
}

export interface EnrichmentDeskDeps {
  queue: EnrichmentQueue;
  vocabs: Pick<VocabStore, 'get'>;
  /** Admins may backfill and are not bound by the hourly limit. */
  isAdmin: (user: UserRef) => boolean;
  /** Keys of every stored movie vocabulary (for backfill). */
  movies: () => Promise<string[]>;
  logger: Logger;
}

export interface ListFooter {
  text: string;
  /** A job under way: the list's message follows it (progress edits it in place). */
  progress?: { jobKey: string };
}

const MAX_CONTEXTS = 5000;

export class EnrichmentDesk {
  private readonly contexts = new Map<string, UserContext>();

  constructor(
    /** Also read by the list browser (../browser/vocab-browser.ts). */
    readonly deps: EnrichmentDeskDeps,
  ) {}

  /** What a person has open of a job under way (a list page, a word): progress redraws it. */
  shown(user: UserRef, jobKey: string, view: JobView): void {
    this.deps.queue.show(jobKey, user, view);
  }

  /** Called with every list shown: remembers the movie and starts or joins its job. */
  async onList(vocab: MovieVocab, cmd: VocabCommand, user: UserRef): Promise<ListFooter | undefined> {
    const context: UserContext = { movieKey: vocab.key, range: cmd.range };
    if (cmd.language) context.language = cmd.language.code;
    this.remember(user, context);
    const language = cmd.language;
    if (!language) return undefined;
    const example = vocab.entries.find((e) => e.level && inRange(e.level, cmd.range))?.lemma;
    const values = { language: language.english, word: example ?? sayVocab('vocab.exampleWord') };
    try {
      const outcome = await this.deps.queue.ask(vocab, language, user, { unlimited: this.admin(user) });
      switch (outcome.kind) {
        case 'no_translator':
          return { text: sayVocab('vocab.noTranslator', values) };
        case 'unsupported':
          return {
            text: sayVocab('vocab.translatorNoLanguage', { ...values, translator: outcome.translator }),
          };
        case 'limited':
          return { text: sayVocab('vocab.enrichLimited', { limit: outcome.limit }) };
        case 'ready':
          return { text: sayVocab('vocab.enrichAlready', values) };
        case 'started':
          return {
            text: sayVocab('vocab.enrichStarted', { ...values, translator: outcome.job.translator }),
            progress: { jobKey: outcome.job.key },
          };
        case 'joined': {
          const j = outcome.job;
          const code = j.status === 'paused' ? 'vocab.enrichJoinedPaused' : 'vocab.enrichJoined';
          return {
            text: sayVocab(code, { ...values, done: j.done, total: j.total, why: whyVocab(j.reason) }),
            progress: { jobKey: j.key },
          };
        }
      }
    } catch (e) {
      this.deps.logger.error({ err: e, movie: vocab.key }, 'enrichment: could not start a job');
      return undefined;
    }
  }

  async handle(cmd: EnrichmentCommand, msg: IncomingMessage): Promise<Reply> {
    try {
      switch (cmd.kind) {
        case 'status':
          return await this.status(msg.user);
        case 'stats':
          return vocabReply('vocab.stats', { stats: statsText(await this.deps.queue.list()) });
        case 'word':
          return await this.word(cmd.word, msg.user);
        case 'export':
          return await this.export(msg.user);
        case 'backfill':
          return await this.backfill(cmd.language, msg.user);
      }
    } catch (e) {
      this.deps.logger.error({ err: e, command: cmd.kind }, 'enrichment: command failed');
      return vocabReply('vocab.unexpected', { title: sayVocab('vocab.thisMovie') });
    }
  }

  private async status(user: UserRef): Promise<Reply> {
    const me = userKey(user);
    const mine = (await this.deps.queue.list())
      .map((j) => ({ j, at: j.askers.find((a) => userKey(a.user) === me)?.at }))
      .filter((x): x is { j: EnrichmentJob; at: string } => x.at !== undefined)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 10);
    if (mine.length === 0) return vocabReply('vocab.statusNone');
    return vocabReply('vocab.status', { jobs: mine.map(({ j }) => statusLine(j)).join('\n') });
  }

  /** Admin: start (quietly) a job in `typed` language for every stored movie that has none. */
  private async backfill(typed: string, user: UserRef): Promise<Reply> {
    if (!this.admin(user)) return { ...vocabReply('vocab.adminOnly'), private: true };
    if (!typed) return vocabReply('vocab.backfillUsage');
    const language = findLanguage(typed);
    if (!language)
      return vocabReply('vocab.unknownLanguage', { language: typed, list: supportedLanguageList() });
    const counts = { started: 0, joined: 0, ready: 0 };
    for (const key of await this.deps.movies()) {
      const vocab = await this.deps.vocabs.get(key);
      if (!vocab) continue;
      const outcome = await this.deps.queue.ask(vocab, language, user, { unlimited: true, quiet: true });
      if (outcome.kind === 'no_translator')
        return vocabReply('vocab.noTranslator', {
          word: vocab.entries[0]?.lemma ?? sayVocab('vocab.exampleWord'),
        });
      if (outcome.kind === 'unsupported')
        return vocabReply('vocab.translatorNoLanguage', {
          translator: outcome.translator,
          language: language.english,
        });
      if (outcome.kind !== 'limited') counts[outcome.kind] += 1;
    }
    return vocabReply('vocab.backfill', { language: language.english, ...counts });
  }

  private admin(user: UserRef): boolean {
    return this.deps.isAdmin(user);
  }

  private async word(typed: string, user: UserRef): Promise<Reply> {
    if (!typed) return vocabReply('vocab.wordUsage');
    const found = await this.current(user);
    if (!found) return vocabReply('vocab.noMovie', { command: `vocab word ${typed}` });
    const { vocab, context } = found;
    const entry = findEntry(vocab, typed);
    if (!entry) return vocabReply('vocab.wordNotFound', { word: typed, title: vocab.title });
    return this.openWord(vocab, entry, context.language);
  }

  /**
   * A word's view in `language`: its translation (or why there is none yet) and its examples,
   * translated now, or (`examplesLater`, for a job still translating words) once the job is done.
   */
  async openWord(
    vocab: MovieVocab,
    entry: VocabEntry,
    language: string | undefined,
    opts: { examplesLater?: boolean } = {},
  ): Promise<Reply> {
    const job = language ? await this.deps.queue.get(jobKey(vocab.key, language)) : undefined;
    const examples = pickExamples(vocab, entry);
    const hasTranslator = this.deps.queue.translator !== undefined;
    const later = opts.examplesLater === true && (job?.status === 'queued' || job?.status === 'running');
    let untranslatedWhy: string | undefined;
    if (job && hasTranslator && examples.length && !later) {
      untranslatedWhy = await this.translateSentences(
        job,
        vocab,
        examples.map((e) => e.index),
      );
    }
    return wordReply({
      vocab,
      entry,
      examples,
      hasTranslator,
      ...(language ? { language } : {}),
      ...(job ? { job } : {}),
      ...(untranslatedWhy ? { untranslatedWhy } : {}),
      ...(later && examples.length ? { examplesLater: true } : {}),
    });
  }

  private async export(user: UserRef): Promise<Reply> {
    const found = await this.current(user);
    if (!found) return vocabReply('vocab.noMovie', { command: 'vocab export' });
    return this.exportWords(found.vocab, found.context.range, found.context.language);
  }

  /** The words of `range` as an Anki file, with the translations into `language` there are. */
  async exportWords(vocab: MovieVocab, range: LevelRange, language: string | undefined): Promise<Reply> {
    const job = language ? await this.deps.queue.get(jobKey(vocab.key, language)) : undefined;
    const entries = vocab.entries.filter((e) => e.level && inRange(e.level, range));
    if (entries.length === 0)
      return vocabReply('vocab.exportEmpty', { title: vocab.title, range: formatRange(range) });
    const examples = new Map(entries.map((e) => [wordKey(e), pickExamples(vocab, e, 1)[0]]));
    const notes: string[] = [];
    if (job && this.deps.queue.translator) {
      const indexes = [...examples.values()].flatMap((ex) => (ex ? [ex.index] : []));
      const why = await this.translateSentences(job, vocab, indexes);
      if (why) notes.push(sayVocab('vocab.exportSomeUntranslated', { why }));
    }
    if (!job && language) notes.push(sayVocab('vocab.noTranslator', { word: entries[0]?.lemma ?? '' }));
    else if (job && job.status !== 'ready')
      notes.push(sayVocab('vocab.exportPartial', { done: job.done, total: job.total }));
    return exportReply({
      vocab,
      range,
      entries,
      examples,
      notes,
      ...(job ? { job } : {}),
      ...(language ? { language } : {}),
    });
  }

  /** Translate the sentences now; an upstream failure comes back as why, in words. */
  private async translateSentences(
    job: EnrichmentJob,
    vocab: MovieVocab,
    indexes: readonly number[],
  ): Promise<string | undefined> {
    try {
      await this.deps.queue.translateSentences(job, vocab, indexes);
      return undefined;
    } catch (e) {
      if (!isUpstreamError(e)) throw e;
      return whyVocab(e.failure);
    }
  }

  /** The person's last movie and language, from memory or from their jobs. */
  private async current(user: UserRef): Promise<{ vocab: MovieVocab; context: UserContext } | undefined> {
    let context = this.contexts.get(userKey(user));
    if (!context) {
      const me = userKey(user);
      let latest: { job: EnrichmentJob; at: string } | undefined;
      for (const job of await this.deps.queue.list()) {
        const at = job.askers.find((a) => userKey(a.user) === me)?.at;
        if (at && (!latest || at > latest.at)) latest = { job, at };
      }
      if (!latest) return undefined;
      context = { movieKey: latest.job.movieKey, language: latest.job.language, range: DEFAULT_RANGE };
    }
    const vocab = await this.deps.vocabs.get(context.movieKey);
    return vocab ? { vocab, context } : undefined;
  }

  private remember(user: UserRef, context: UserContext): void {
    const k = userKey(user);
    this.contexts.delete(k);
    const oldest = this.contexts.keys().next();
    if (this.contexts.size >= MAX_CONTEXTS && !oldest.done) this.contexts.delete(oldest.value);
    this.contexts.set(k, context);
  }
}

/** The entry for a typed word: its headword first, then any form seen in the script. */
function findEntry(vocab: MovieVocab, typed: string): VocabEntry | undefined {
  const w = typed.toLowerCase().replace(/\s+/g, ' ');
  return vocab.entries.find((e) => e.lemma === w) ?? vocab.entries.find((e) => e.forms.includes(w));
}
