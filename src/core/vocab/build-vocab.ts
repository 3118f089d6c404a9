/**
 * Script text → graded vocabulary. Reads the screenplay into blocks, tags dialogue and action with
 * the analyzer, and keeps the content words (nouns, verbs, adjectives, adverbs) and the lists'
 * multiword units, each with its level, where the level came from, its count and the sentences it
 * appears in. Character names, other proper nouns, numbers and stop words are not vocabulary, but
 * every word token counts towards coverage. Directions to actors (parentheticals) and lines in
 * other languages are not read at all.
 */
import { colloquial } from './colloquial.js';
import { foreignTokens, type Known } from './foreign.js';
import { MultiwordMatcher } from './multiword.js';
import { HONORIFICS, nameWords, normaliseCaps } from './names.js';
import { computeProfile, TokenTally } from './profile.js';
import type { Lexicon, Sentence, TextAnalyzer, Token } from './ports.js';
import { parseScreenplay, parseTranscript } from './screenplay.js';
import { TokenRoles, type NameContext } from './token-roles.js';
import type {
  LevelInfo,
  Script,
  ScriptBlock,
  ScriptSentence,
  VocabEntry,
  VocabProfile,
  WordClass,
} from './types.js';

/** Bump when the analysis changes: stored vocabularies of an older version are rebuilt. */
export const ANALYSIS_VERSION = 2;

export interface BuiltVocab {
  profile: VocabProfile;
  /** Most frequent first. */
  entries: VocabEntry[];
  /** Only the sentences some entry points to. */
  sentences: ScriptSentence[];
  characters: string[];
}

const MAX_FORMS = 8;
const FUNCTION_TAGS: ReadonlySet<string> = new Set(['DET', 'PRON', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART']);

interface Draft {
  entry: VocabEntry;
  forms: Map<string, number>;
  lastSentence: number;
  /** Occurrences whose class was decided, not guessed. */
  sure: number;
}

/** Builds vocabularies with one lexicon and analyzer; keeps lookups memoised across scripts. */
export class VocabBuilder {
  private readonly matcher: MultiwordMatcher;
  private readonly roles: TokenRoles;

  constructor(
    private readonly lexicon: Lexicon,
    private readonly analyzer: TextAnalyzer,
  ) {
    this.matcher = new MultiwordMatcher(lexicon.multiwords, (w) => lexicon.lookup(w, 'VERB')?.level);
    this.roles = new TokenRoles(lexicon);
  }

  build(script: Script): BuiltVocab {
    const parsed =
      script.format === 'screenplay' ? parseScreenplay(script.text) : parseTranscript(script.text);
    const blocks = parsed.blocks.filter((b) => b.kind !== 'heading' && b.kind !== 'parenthetical');
    const prose = blocks.map((b) => b.text.replace(/[’‘]/g, "'"));
    const names = nameWords({
      characters: parsed.characters,
      introduced: parsed.introduced,
      texts: prose,
      isListed: (w) => this.roles.known(w),
    });
    const texts = prose.map((t) =>
      normaliseCaps(
        t,
        (w) => names.has(w),
        (w) => this.roles.known(w),
      ),
    );
    const analysed = this.analyzer.analyze(texts);
    const ctx: NameContext = { names: withNamesInSentences(names, analysed, this.lexicon) };

    const drafts = new Map<string, Draft>();
    const sentences: ScriptSentence[] = [];
    const tally = new TokenTally();

    blocks.forEach((block, b) => {
      const speech = analysed[b] ?? [];
      const foreign = block.foreign
        ? speech.map((s) => s.tokens.map(() => true))
        : // Only a speech with a word the tagger does not know can hold another language.
          speech.some((s) => s.tokens.some((t) => t.oov && this.knownAs(t, ctx) === 'unknown'))
          ? foreignTokens(
              speech.map((s) => s.tokens),
              (t) => this.knownAs(t, ctx),
              (t) => t.kind === 'punctuation' && !/^['’-]$/.test(t.text),
            )
          : [];
      speech.forEach((sentence, k) => {
        const id = sentences.length;
        sentences.push(toSentence(sentence, block));
        this.readSentence(sentence, foreign[k] ?? [], id, ctx, drafts, tally);
      });
    });

    const entries = [...drafts.values()].map(finish);
    entries.sort((a, b) => b.count - a.count || a.lemma.localeCompare(b.lemma));
    const kept = keepReferenced(entries, sentences);
    return {
      profile: computeProfile(entries, tally),
      entries,
      sentences: kept,
      characters: parsed.characters,
    };
  }

  /** English, unknown to both the lists and the tagger, or neither (for foreign.ts). */
  private knownAs(t: Token, ctx: NameContext): Known {
    if (t.kind !== 'word' || /\d/.test(t.text) || ctx.names.has(t.normal)) return 'neutral';
    const word = t.normal.replace(/['’].*$/, '');
    if (this.roles.known(word) || this.roles.known(t.lemma.toLowerCase()) || colloquial(t.normal))
      return 'english';
    if (/[^a-z'-]/.test(word) || t.oov) return 'unknown';
    return FUNCTION_TAGS.has(t.pos) ? 'english' : 'neutral';
  }

  private readSentence(
    s: Sentence,
    foreign: readonly boolean[],
    id: number,
    ctx: NameContext,
    drafts: Map<string, Draft>,
    tally: TokenTally,
  ): void {
    const tokens = s.tokens;
    const covered = new Set<number>();
    for (const m of this.matcher.match(tokens)) {
      const h = m.headword;
      const surface = m.indexes.map((k) => tokens[k]?.normal ?? '').join(' ');
      add(drafts, h.headword, 'phrase', { level: h.level.level, source: h.level.source }, id, surface, true);
      for (const k of m.indexes) {
        covered.add(k);
        tally.addAt(h.level.level);
      }
    }
    const first = tokens.findIndex((t) => t.kind === 'word');
    tokens.forEach((t, i) => {
      if (covered.has(i) || foreign[i]) return;
      const r = this.roles.of(tokens, i, first, ctx);
      if (r.role === 'skip') return;
      if (r.role === 'known') return tally.addKnown();
      if (r.role === 'function') return r.level ? tally.addAt(r.level) : tally.addKnown();
      const info = this.roles.levelOf(r.lemma, r.pos);
      add(drafts, r.lemma, r.pos, info, id, r.form ?? t.normal, !r.uncertain);
      tally.addAt(info.level && info.source !== 'unlisted' ? info.level : undefined);
    });
  }
}

/**
 * The cue and introduction names plus the words written capitalised inside a sentence where the
 * lists write them in lower case and the tagger reads a name ("Ask Bill at the garage"), or after a
 * title ("Mr. Stern"): those are names at the start of a sentence too ("Bill says …").
 */
function withNamesInSentences(names: Set<string>, analysed: Sentence[][], lexicon: Lexicon): Set<string> {
  const out = new Set(names);
  for (const block of analysed) {
    for (const s of block) {
      const first = s.tokens.findIndex((t) => t.kind === 'word');
      s.tokens.forEach((t, i) => {
        if (i <= first || !/^\p{Lu}\p{Ll}/u.test(t.text)) return;
        const before = s.tokens[i - 1];
        // Quoted speech starts a sentence of its own: says, "Trust me."
        if (before && /^["“‘:]$/.test(before.text)) return;
        const title = before !== undefined && HONORIFICS.has(before.normal.replace(/\.$/, ''));
        const word = t.normal.replace(/['’]s$/, '');
        if (title || (t.pos === 'PROPN' && !lexicon.capitalised(word))) out.add(word);
      });
    }
  }
  return out;
}

function add(
  drafts: Map<string, Draft>,
  lemma: string,
  pos: WordClass,
  info: LevelInfo,
  sentence: number,
  form: string,
  sure: boolean,
): void {
  const key = `${lemma}|${pos}`;
  let d = drafts.get(key);
  if (!d) {
    const entry: VocabEntry = { lemma, pos, source: info.source, count: 0, forms: [], sentences: [] };
    if (info.level) entry.level = info.level;
    d = { entry, forms: new Map(), lastSentence: -1, sure: 0 };
    drafts.set(key, d);
  }
  d.entry.count++;
  if (sure) d.sure++;
  d.forms.set(form, (d.forms.get(form) ?? 0) + 1);
  if (d.lastSentence !== sentence) {
    d.entry.sentences.push(sentence);
    d.lastSentence = sentence;
  }
}

function finish(d: Draft): VocabEntry {
  d.entry.forms = [...d.forms.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_FORMS)
    .map(([f]) => f);
  if (d.sure === 0) d.entry.uncertain = true;
  return d.entry;
}

/** Keep only the sentences some entry points to, and renumber the entries' references. */
function keepReferenced(entries: VocabEntry[], sentences: ScriptSentence[]): ScriptSentence[] {
  const used = new Set<number>();
  for (const e of entries) for (const s of e.sentences) used.add(s);
  const renumber = new Map<number, number>();
  const kept: ScriptSentence[] = [];
  sentences.forEach((s, i) => {
    if (!used.has(i)) return;
    renumber.set(i, kept.length);
    kept.push(s);
  });
  for (const e of entries) e.sentences = e.sentences.map((s) => renumber.get(s) ?? 0);
  return kept;
}

function toSentence(s: Sentence, block: ScriptBlock): ScriptSentence {
  const out: ScriptSentence = { text: s.text.trim(), kind: block.kind };
  if (block.speaker) out.speaker = block.speaker;
  return out;
}
