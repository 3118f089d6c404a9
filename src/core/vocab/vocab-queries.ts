/**
 * The vocabulary API's side of the core, over the stores the chat uses: a list made the way the
 * chat makes it (so one job per movie and language, and each person's hourly limit, hold), a
 * movie's words page by page with the translations the job has so far, the job's state, one word
 * with its examples, and what enrichment has done in all. Answers are plain data; a refusal is
 * a code the HTTP layer turns into a status and a sentence.
 */
import { isUpstreamError } from '../errors.js';
import type { Logger } from '../ports.js';
import type { Reply, UserRef } from '../types.js';
import { pickExamples } from './enrichment/examples.js';
import { jobState, type JobState } from './enrichment/job-state.js';
import type { EnrichmentQueue } from './enrichment/queue.js';
import { jobKey, wordKey, type EnrichmentJob } from './enrichment/types.js';
import { findLanguage } from './languages.js';
import { DEFAULT_RANGE, formatRange, inRange } from './levels.js';
import type { VocabStore } from './ports.js';
import type { CefrLevel, Language, LevelRange, LevelSource, MovieVocab, VocabEntry } from './types.js';
import type { VocabService } from './vocab-service.js';
import { vocabStats, type VocabStats } from './vocab-stats.js';

/** Words per page of a list. */
export const PAGE_SIZE = 50;

export interface VocabQueriesDeps {
  vocabs: Pick<VocabStore, 'get'>;
  /** Keys of every stored movie vocabulary. */
  movies: () => Promise<string[]>;
  jobs: Pick<EnrichmentQueue, 'get' | 'list' | 'translateSentences' | 'translator'>;
  /** The chat's vocabulary service; rejects when it cannot be built (the CEFR lists missing). */
  lists: () => Promise<VocabService>;
  logger: Logger;
}

export type QueryError =
  | { code: 'unknown_language'; language: string }
  | { code: 'unknown_movie'; key: string }
  | { code: 'unknown_word'; word: string; title: string }
  | { code: 'page_not_found'; page: number; pages: number }
  | { code: 'not_ready'; word: string; state: JobState }
  /** The chat's answer instead of a list (no script, the script site down …). */
  | { code: 'refused'; reply: Reply }
  /** The vocabulary service could not be built (see the log). */
  | { code: 'unavailable' };

export type Answer<T> = { ok: true; value: T } | { ok: false; error: QueryError };

export interface MovieSummary {
  key: string;
  title: string;
  year?: number;
  /** Where the words came from; not `origin`, the URL or file it was read from. */
  script: Omit<MovieVocab['script'], 'origin'>;
  analysedAt: string;
}

export interface EntryView {
  lemma: string;
  pos: VocabEntry['pos'];
  level?: CefrLevel;
  source: LevelSource;
  count: number;
  forms: string[];
  uncertain?: boolean;
  /** Present once the job has translated the word ("" when the translator has no entry for it). */
  translation?: string;
}

export interface ListPage {
  movie: MovieSummary;
  language?: { code: string; name: string };
  /** "B1+", "C1–C2". */
  level: string;
  profile: MovieVocab['profile'];
  /** Words at the level, on every page. */
  count: number;
  page: number;
  pages: number;
  perPage: number;
  entries: EntryView[];
  /** The job for the language asked for. */
  enrichment?: JobState;
}

export interface WordDetail {
  movie: { key: string; title: string };
  language: { code: string; name: string };
  word: EntryView;
  /** Null for a word no job translates (no level: interjections, noises). */
  translation: string | null;
  examples: { text: string; marked: string; speaker?: string; translation?: string }[];
  /** Why the examples are not translated (the translator failed just now: `quota`, `unavailable` …). */
  examplesUntranslated?: string;
  enrichment: JobState;
}

export interface PageQuery {
  lang?: string;
  range?: LevelRange;
  page?: number;
}

export class VocabQueries {
  constructor(private readonly deps: VocabQueriesDeps) {}

  /** "vocab <title> in <lang> <level>" for `user`: the list's first page, and the chat's reply. */
  async list(
    user: UserRef,
    input: { title: string; lang: string; range?: LevelRange },
  ): Promise<Answer<ListPage & { reply: Reply }>> {
    const language = findLanguage(input.lang);
    if (!language) return fail({ code: 'unknown_language', language: input.lang });
    let service: VocabService;
    try {
      service = await this.deps.lists();
    } catch (e) {
      this.deps.logger.error({ err: e }, 'vocab api: the vocabulary service could not be built');
      return fail({ code: 'unavailable' });
    }
    const range = input.range ?? DEFAULT_RANGE;
    const cmd = { title: input.title, language, range, rangeGiven: input.range !== undefined };
    const text = `vocab ${input.title} in ${language.code} ${formatRange(range)}`;
    const reply = await service.handle(cmd, { user, text });
    if (!reply.vocab) return fail({ code: 'refused', reply });
    const page = await this.page(reply.vocab.movieKey, { lang: language.code, range });
    return page.ok ? { ok: true, value: { ...page.value, reply } } : page;
  }

  /** One page of a movie's words at `range` (default B1+), with translations when `lang` is given. */
  async page(key: string, q: PageQuery): Promise<Answer<ListPage>> {
    const language = q.lang === undefined ? undefined : findLanguage(q.lang);
    if (q.lang !== undefined && !language) return fail({ code: 'unknown_language', language: q.lang });
    const vocab = await this.vocab(key);
    if (!vocab) return fail({ code: 'unknown_movie', key });
    const range = q.range ?? DEFAULT_RANGE;
    const wanted = vocab.entries.filter((e) => e.level && e.source !== 'unlisted' && inRange(e.level, range));
    const pages = Math.ceil(wanted.length / PAGE_SIZE);
    const page = q.page ?? 1;
    if (page > Math.max(1, pages)) return fail({ code: 'page_not_found', page, pages });
    const job = language ? await this.deps.jobs.get(jobKey(vocab.key, language.code)) : undefined;
    const value: ListPage = {
      movie: summary(vocab),
      level: formatRange(range),
      profile: vocab.profile,
      count: wanted.length,
      page,
      pages,
      perPage: PAGE_SIZE,
      entries: wanted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((e) => entryView(e, job)),
    };
    if (language) {
      value.language = named(language);
      value.enrichment = jobState(job, language, this.deps.jobs.translator);
    }
    return { ok: true, value };
  }

  /** The job's state for a movie and language. */
  async status(
    key: string,
    lang: string,
  ): Promise<
    Answer<{ movie: { key: string; title: string }; language: { code: string; name: string } } & JobState>
  > {
    const language = findLanguage(lang);
    if (!language) return fail({ code: 'unknown_language', language: lang });
    const job = await this.deps.jobs.get(jobKey(key, language.code));
    // A job names its movie: the vocabulary (megabytes) is read only when there is none.
    const title = job?.title ?? (await this.vocab(key))?.title;
    if (title === undefined) return fail({ code: 'unknown_movie', key });
    const state = jobState(job, language, this.deps.jobs.translator);
    return { ok: true, value: { movie: { key, title }, language: named(language), ...state } };
  }

  /**
   * One word: its translation and up to three examples from the script, translated now if they
   * were not (billed, cached on the job, as when a word is opened in chat). `not_ready` while the
   * job has not translated the word.
   */
  async word(key: string, typed: string, lang: string): Promise<Answer<WordDetail>> {
    const language = findLanguage(lang);
    if (!language) return fail({ code: 'unknown_language', language: lang });
    const vocab = await this.vocab(key);
    if (!vocab) return fail({ code: 'unknown_movie', key });
    const entry = findEntry(vocab, typed);
    if (!entry) return fail({ code: 'unknown_word', word: typed, title: vocab.title });
    const job = await this.deps.jobs.get(jobKey(vocab.key, language.code));
    const state = jobState(job, language, this.deps.jobs.translator);
    // A word with no level is never sent for translation (requests.ts): it has none, ever.
    const translation = entry.source === 'unlisted' ? null : job?.words[wordKey(entry)];
    if (translation === undefined) return fail({ code: 'not_ready', word: entry.lemma, state });
    const examples = pickExamples(vocab, entry);
    let untranslated: string | undefined;
    if (job && examples.length > 0) untranslated = await this.translate(job, vocab, examples);
    const value: WordDetail = {
      movie: { key: vocab.key, title: vocab.title },
      language: named(language),
      word: entryView(entry, job),
      translation,
      examples: examples.map((ex) => {
        const t = job?.sentences[String(ex.index)];
        return {
          text: ex.text,
          marked: ex.marked,
          ...(ex.speaker ? { speaker: ex.speaker } : {}),
          ...(t ? { translation: t } : {}),
        };
      }),
      enrichment: state,
    };
    if (untranslated) value.examplesUntranslated = untranslated;
    return { ok: true, value };
  }

  /** Movies, enriched movies, jobs by language, examples translated, characters billed. */
  async stats(): Promise<VocabStats> {
    return vocabStats((await this.deps.movies()).length, await this.deps.jobs.list());
  }

  /** The examples' sentences the job has not translated yet; a translator failure comes back as its kind. */
  private async translate(
    job: EnrichmentJob,
    vocab: MovieVocab,
    examples: readonly { index: number }[],
  ): Promise<string | undefined> {
    try {
      await this.deps.jobs.translateSentences(
        job,
        vocab,
        examples.map((e) => e.index),
      );
      return undefined;
    } catch (e) {
      if (!isUpstreamError(e)) throw e;
      return e.failure;
    }
  }

  /** The stored vocabulary under exactly this key (two keys may share a file name). */
  private async vocab(key: string): Promise<MovieVocab | undefined> {
    const found = await this.deps.vocabs.get(key);
    return found?.key === key ? found : undefined;
  }
}

function fail(error: QueryError): { ok: false; error: QueryError } {
  return { ok: false, error };
}

function named(language: Language): { code: string; name: string } {
  return { code: language.code, name: language.english };
}

function summary(v: MovieVocab): MovieSummary {
  return {
    key: v.key,
    title: v.title,
    ...(v.year ? { year: v.year } : {}),
    script: { source: v.script.source, format: v.script.format, characters: v.script.characters },
    analysedAt: v.analysedAt,
  };
}

function entryView(e: VocabEntry, job: EnrichmentJob | undefined): EntryView {
  const view: EntryView = { lemma: e.lemma, pos: e.pos, source: e.source, count: e.count, forms: e.forms };
  if (e.level) view.level = e.level;
  if (e.uncertain) view.uncertain = true;
  const t = job?.words[wordKey(e)];
  if (t !== undefined) view.translation = t;
  return view;
}

/** The entry for a typed word: its headword first, then any form seen in the script. */
function findEntry(vocab: MovieVocab, typed: string): VocabEntry | undefined {
  const w = typed.toLowerCase().replace(/\s+/g, ' ').trim();
  return vocab.entries.find((e) => e.lemma === w) ?? vocab.entries.find((e) => e.forms.includes(w));
}
