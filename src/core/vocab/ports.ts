/**
 * What the vocabulary feature asks of the outside world. Adapters live in adapters/vocab/;
 * `createVocab` (adapters/vocab/create-vocab.ts) builds them from the environment.
 * Network failures are thrown as `UpstreamError`; "no script" and "too short" are values.
 */
import type { ListedLevel, MovieVocab, Script, Upos, WordClass } from './types.js';

/** What to look a script up by. */
export interface ScriptQuery {
  /** Canonical title when the catalog knew it, else the title as typed in Title Case. */
  title: string;
  year?: number;
  /** Film or series, when the catalog knew which. */
  kind?: 'movie' | 'tv';
  /** Catalog ids when the catalog knew them (for a series, the series' ids): sources search by id first. */
  tmdbId?: number;
  /** "tt0137523". */
  imdbId?: string;
  /** TheTVDB id of a series (Sonarr's own key). */
  tvdbId?: number;
  /** One episode of a series; absent for a film. */
  episode?: { season: number; episode: number };
}

/** Why there is no usable script: each is an answer the person gets, not an error. */
export type ScriptMiss =
  /** The source has no script under this title. */
  | 'not_found'
  /** Found a page, but under ~500 characters of script text. */
  | 'too_short'
  /** The answer was over the size cap (a few MB): not a script page. */
  | 'too_large'
  /** The answer was not HTML or not a script page at all. */
  | 'not_script'
  /** The source's download allowance is used up; `detail` is when it resets (ISO 8601), when known. */
  | 'quota';

export type ScriptLookup =
  { found: true; script: Script } | { found: false; miss: ScriptMiss; detail?: string };

/**
 * Where a source's text comes from, for the order (library, then screenplay, then subtitles) and
 * for "from script" / "from subtitles": `library` is subtitles the operator already has (Bazarr,
 * files beside the media), `screenplay` a script site (IMSDb), `subtitles` a subtitle site.
 */
export type ScriptSourceKind = 'library' | 'screenplay' | 'subtitles';

/** A place scripts come from: IMSDb, OpenSubtitles, Bazarr, files beside the media. */
export interface ScriptSource {
  readonly name: string;
  readonly kind: ScriptSourceKind;
  find(query: ScriptQuery, signal: AbortSignal): Promise<ScriptLookup>;
}

/** Script files on the bot's own disk, named by path: for the terminal only, never for chat users. */
export interface ScriptFileReader {
  read(path: string): Promise<ScriptLookup>;
}

/** A subtitle or script file the person sent along with the command. */
export interface AttachmentReader {
  /** True when it can read this file name (`.srt`, `.vtt`). */
  accepts(filename: string): boolean;
  read(file: { filename: string; content: string }): ScriptLookup;
}

/** A headword of more than one word ("all right", "mull over", "self-conscious"). */
export interface MultiwordHeadword {
  /** Lower-case tokens as the analyzer splits them: `['mull', 'over']`, `['self', '-', 'conscious']`. */
  tokens: string[];
  /** The headword as written in the list, lower case. */
  headword: string;
  pos: WordClass;
  level: ListedLevel;
  /** A phrasal verb whose particle may come after the object ("dole the money out"). */
  separable: boolean;
}

/** CEFR levels by lemma and part of speech. */
export interface Lexicon {
  /**
   * The lowest listed level of `lemma` (lower case) under this POS; when the POS has no entry,
   * the lowest level under any POS (taggers misread some words). Undefined when not listed.
   */
  lookup(lemma: string, pos?: Upos): ListedLevel | undefined;
  /** True when the word is a headword of either list under any POS. */
  has(word: string): boolean;
  /** The POS tags the word is listed under (empty when it is not listed, or listed without a POS). */
  classes(word: string): readonly Upos[];
  /** True when a list writes the headword with a capital ("Monday", "June", "Mr."). */
  capitalised(word: string): boolean;
  readonly multiwords: readonly MultiwordHeadword[];
}

/** One token as the analyzer sees it. */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case surface form, contractions expanded by the analyzer (`n't` → `not`). */
  normal: string;
  lemma: string;
  pos: Upos;
  kind: 'word' | 'number' | 'punctuation' | 'other';
  /** The analyzer's stop-word flag. */
  stop: boolean;
  /** Whitespace before the token in the source (0 when glued, as in `self-conscious`). */
  spaceBefore: boolean;
  /** The analyzer's own lexicon does not know the word (a name, a rare or a foreign word). */
  oov: boolean;
}

export interface Sentence {
  text: string;
  tokens: Token[];
}

/** Sentences, tokens, lemmas and POS tags for English text. CPU-bound and synchronous. */
export interface TextAnalyzer {
  /** One result per input text: its sentences in order. */
  analyze(texts: readonly string[]): Sentence[][];
}

/** Analysed movie vocabularies, one per movie key. */
export interface VocabStore {
  get(key: string): Promise<MovieVocab | undefined>;
  /** Replace what is stored under `vocab.key`; atomic (a crash leaves the old copy or the new one). */
  put(vocab: MovieVocab): Promise<void>;
}

/** What the catalog knows of a film or a series by its title. */
export interface ResolvedTitle {
  title: string;
  year?: number;
  kind?: 'movie' | 'tv';
  tmdbId?: number;
  imdbId?: string;
  tvdbId?: number;
  /** A series' episodes per season number (specials, season 0, left out), when the catalog said. */
  episodesPerSeason?: Record<number, number>;
}

/** The catalog's canonical name for a movie or a series (TMDb). */
export interface TitleResolver {
  /** `kind` `tv` looks for a series, anything else for a film. Undefined when the catalog knows none. */
  resolve(title: string, signal: AbortSignal, kind?: 'movie' | 'tv'): Promise<ResolvedTitle | undefined>;
}

/** A catalog's details of one work beyond its search row (TMDb `movie/{id}`, `tv/{id}`). */
export interface WorkDetails {
  /** Undefined when the catalog no longer knows the id. */
  details(kind: 'movie' | 'tv', tmdbId: number, signal: AbortSignal): Promise<WorkIds | undefined>;
}

export interface WorkIds {
  imdbId?: string;
  tvdbId?: number;
  /** Series only: episodes per season number, specials (season 0) left out. */
  episodesPerSeason?: Record<number, number>;
}
