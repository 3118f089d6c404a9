/**
 * The vocabulary feature's own types: levels, where a level came from, a script, the analysed
 * words of one movie and what the person asked for. Shared by the core and the vocab adapters.
 */

/** Common European Framework levels, easiest first. */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/**
 * Where a word's level comes from. `CEFR-J` (A1–B2) and `Octanove` (C1–C2) are the two word
 * lists; `estimated` is our own rough guess for a word in neither list; `unlisted` means no
 * guess was made (interjections, sound effects, non-words).
 */
export type LevelSource = 'CEFR-J' | 'Octanove' | 'estimated' | 'unlisted';

/** Universal POS tags (the analyzer's tag set; the lexicon maps its own labels onto it). */
export type Upos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

/** The part of speech a vocabulary entry is kept under. */
export type WordClass = 'noun' | 'verb' | 'adjective' | 'adverb' | 'phrase' | 'other';

/** A level from one of the lists. */
export interface ListedLevel {
  level: CefrLevel;
  source: 'CEFR-J' | 'Octanove';
}

/** A level and where it came from; `level` is absent only for `unlisted`. */
export interface LevelInfo {
  level?: CefrLevel;
  source: LevelSource;
}

/** Inclusive range of levels the person asked to see ("B2+", "C1-C2"). */
export interface LevelRange {
  min: CefrLevel;
  max: CefrLevel;
}

/** A target language the translators can handle. Codes are each service's own spelling. */
export interface Language {
  /** Our code, lower case BCP 47: `fr`, `pt-br`, `zh-hans`. */
  code: string;
  english: string;
  native: string;
  /** DeepL `target_lang`, when DeepL supports it. */
  deepl?: string;
  /** LibreTranslate `target`, when LibreTranslate supports it. */
  libre?: string;
}

/** What "vocab …" asked for, after parsing. */
export interface VocabCommand {
  /** The movie as typed, quotes removed. Absent when a local path was given instead. */
  title?: string;
  /** A local script file (terminal only). */
  path?: string;
  /** Translation target; absent when the person named none. */
  language?: Language;
  range: LevelRange;
  /** False when the range is the default (B1 and up). */
  rangeGiven: boolean;
  /** "vocab film …" or "vocab show …": which catalog to ask; an episode or a season implies `tv`. */
  kind?: 'movie' | 'tv';
  /** One episode ("S01E01") or, without `episode`, a whole season ("season 1") of a series. */
  part?: SeriesPart;
  /** "from script" (screenplay sources only) or "from subtitles" (library and subtitle sites only). */
  from?: 'script' | 'subtitles';
}

/** A season of a series, or one episode of it. Numbers count from 1. */
export interface SeriesPart {
  season: number;
  episode?: number;
}

/** Why an episode of a season is not in its list. */
export type EpisodeGap = 'not_found' | 'unusable' | 'quota' | 'down';

/** A season graded as one list: what each episode brought, and which are missing and why. */
export interface SeasonParts {
  season: number;
  /** Episodes in the list, in order, with their spoken words (letters-only tokens) and source. */
  episodes: { episode: number; words: number; source: string }[];
  missing: { episode: number; gap: EpisodeGap }[];
  /** ISO time when the source's download quota resets, when one ran out and it said when. */
  quotaResetsAt?: string;
  /** The catalog gave no episode count and fetching stopped at the last missing one: later ones may exist. */
  openEnded?: boolean;
  /** ISO time after which a list with episodes missing for a quota or an outage is fetched again. */
  retryAfter?: string;
}

/** Raw script text and where it came from. */
export interface Script {
  /** `screenplay` is IMSDb-style text; `transcript` is one spoken line per text line (subtitles). */
  format: 'screenplay' | 'transcript';
  text: string;
  /** `imsdb`, `subtitles`, `file`. */
  source: string;
  /** Where it was fetched from; for files, the file name only. */
  origin?: string;
}

/** How a block of a screenplay reads. */
export type BlockKind = 'heading' | 'dialogue' | 'action' | 'parenthetical';

/** One unwrapped paragraph of a screenplay. Debris (page numbers, CUT TO:, CONT'D) is gone. */
export interface ScriptBlock {
  kind: BlockKind;
  text: string;
  /** The character speaking (dialogue and parentheticals), without (V.O.), (CONT'D) … */
  speaker?: string;
  /** Index of the scene heading this block sits under, when there is one. */
  scene?: number;
  /** A speech marked as spoken in another language ("(in Spanish)"): not English vocabulary. */
  foreign?: boolean;
}

export interface ParsedScript {
  blocks: ScriptBlock[];
  /** Character names from the cues, upper case, as written after removing extensions. */
  characters: string[];
  /** Names introduced in action lines with an age, as written: "ROSE (50s)" → ROSE. */
  introduced: string[];
}

/** One sentence kept for examples: the line a word appears in. */
export interface ScriptSentence {
  text: string;
  kind: BlockKind;
  speaker?: string;
}

/** One word of a movie's vocabulary. */
export interface VocabEntry {
  /** Dictionary form (`abandon`), or the multiword headword (`mull over`). */
  lemma: string;
  pos: WordClass;
  level?: CefrLevel;
  source: LevelSource;
  /** Occurrences in the script (running words). */
  count: number;
  /** Surface forms seen, lower case, most frequent first, at most 8 ("abandoned", "abandons"). */
  forms: string[];
  /** Indexes into MovieVocab.sentences, in script order, each once. */
  sentences: number[];
  /**
   * The word's class, and so its level, was a guess every time it occurred: the tagger was unsure
   * and the lists give the word different levels in different classes ("Fine." alone).
   */
  uncertain?: boolean;
}

/** Counts by level; `estimated` and `unlisted` are also counted on their own. */
export interface VocabProfile {
  /** Word tokens in the analysed text (punctuation and numbers excluded). */
  runningWords: number;
  /** Distinct vocabulary entries (content words and multiword units). */
  distinctWords: number;
  /** Distinct entries per level, estimates included at their estimated level. */
  perLevel: Record<CefrLevel, number>;
  estimated: number;
  unlisted: number;
  /**
   * Share (0..1) of running words a learner at each level knows: words at or below that level,
   * function words, names and contractions. Unlisted words are never counted as known.
   */
  coverage: Record<CefrLevel, number>;
}

/** Everything stored for one movie: the enrichment step builds on this. */
export interface MovieVocab {
  /** Storage key: see movie-key.ts. */
  key: string;
  title: string;
  year?: number;
  script: { source: string; origin?: string; format: Script['format']; characters: number };
  /** A whole season graded as one list. */
  season?: SeasonParts;
  /** Bumped when the analysis changes, so stored results are recomputed. */
  analysisVersion: number;
  analysedAt: string;
  profile: VocabProfile;
  /** Most frequent first. */
  entries: VocabEntry[];
  sentences: ScriptSentence[];
}
