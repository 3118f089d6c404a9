/**
 * Script text → graded vocabulary. Reads the screenplay into blocks, tags dialogue and action with
 * the analyzer, and keeps the content words (nouns, verbs, adjectives, adverbs) and the lists'
 * multiword units, each with its level, where the level came from, its count and the sentences it
 * appears in. Character names, other proper nouns, numbers and stop words are not vocabulary, but
 * every word token counts towards coverage.
 */
import { colloquial } from './colloquial.js';
import { estimateLevel } from './estimate-level.js';
import { levelIndex } from './levels.js';
import { MultiwordMatcher } from './multiword.js';
import { nameWords, normaliseCaps } from './names.js';
import { computeProfile, TokenTally } from './profile.js';
import type { Lexicon, Sentence, TextAnalyzer, Token } from './ports.js';
import { parseScreenplay, parseTranscript } from './screenplay.js';
import type {
  CefrLevel,
  LevelInfo,
  Script,
  ScriptBlock,
  ScriptSentence,
  Upos,
  VocabEntry,
  VocabProfile,
  WordClass,
} from './types.js';
import { lemmaCandidates } from './word-forms.js';

/** Bump when the analysis changes: stored vocabularies of an older version are rebuilt. */
export const ANALYSIS_VERSION = 1;

export interface BuiltVocab {
  profile: VocabProfile;
  /** Most frequent first. */
  entries: VocabEntry[];
  /** Only the sentences some entry points to. */
  sentences: ScriptSentence[];
  characters: string[];
}

const CONTENT: Partial<Record<Upos, WordClass>> = {
  NOUN: 'noun',
  VERB: 'verb',
  ADJ: 'adjective',
  ADV: 'adverb',
};
const UPOS_OF: Record<WordClass, Upos | undefined> = {
  noun: 'NOUN',
  verb: 'VERB',
  adjective: 'ADJ',
  adverb: 'ADV',
  phrase: undefined,
  other: undefined,
};
const MAX_FORMS = 8;

type Role =
  | { role: 'skip' }
  | { role: 'known' }
  | { role: 'function'; level?: CefrLevel }
  | { role: 'word'; lemma: string; pos: WordClass; form?: string };

interface Draft {
  entry: VocabEntry;
  forms: Map<string, number>;
  lastSentence: number;
}

/** Builds vocabularies with one lexicon and analyzer; keeps lookups memoised across scripts. */
export class VocabBuilder {
  private readonly matcher: MultiwordMatcher;
  private readonly knownMemo = new Map<string, boolean>();
  private readonly levelMemo = new Map<string, LevelInfo>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly analyzer: TextAnalyzer,
  ) {
    this.matcher = new MultiwordMatcher(lexicon.multiwords);
  }

  build(script: Script): BuiltVocab {
    const parsed =
      script.format === 'screenplay' ? parseScreenplay(script.text) : parseTranscript(script.text);
    const blocks = parsed.blocks.filter((b) => b.kind !== 'heading');
    const names = nameWords(parsed.characters);
    const texts = blocks.map((b) =>
      normaliseCaps(
        b.text.replace(/[’‘]/g, "'"),
        (w) => names.has(w),
        (w) => this.known(w),
      ),
    );
    const analysed = this.analyzer.analyze(texts);

    const drafts = new Map<string, Draft>();
    const sentences: ScriptSentence[] = [];
    const tally = new TokenTally();

    blocks.forEach((block, b) => {
      for (const sentence of analysed[b] ?? []) {
        const id = sentences.length;
        sentences.push(toSentence(sentence, block));
        this.readSentence(sentence, id, names, drafts, tally);
      }
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

  private readSentence(
    s: Sentence,
    id: number,
    names: Set<string>,
    drafts: Map<string, Draft>,
    tally: TokenTally,
  ): void {
    const tokens = s.tokens;
    const covered = new Set<number>();
    for (const m of this.matcher.match(tokens)) {
      const h = m.headword;
      const surface = m.indexes.map((k) => tokens[k]?.normal ?? '').join(' ');
      add(drafts, h.headword, 'phrase', { level: h.level.level, source: h.level.source }, id, surface);
      for (const k of m.indexes) {
        covered.add(k);
        tally.addAt(h.level.level);
      }
    }
    const first = tokens.findIndex((t) => t.kind === 'word');
    tokens.forEach((t, i) => {
      if (covered.has(i)) return;
      const r = this.role(t, i, tokens, first, names);
      if (r.role === 'skip') return;
      if (r.role === 'known') return tally.addKnown();
      if (r.role === 'function') return r.level ? tally.addAt(r.level) : tally.addKnown();
      const info = this.levelOf(r.lemma, r.pos, t.pos);
      add(drafts, r.lemma, r.pos, info, id, r.form ?? t.normal);
      tally.addAt(info.level && info.source !== 'unlisted' ? info.level : undefined);
    });
  }

  /** What one token is for the list and for coverage. */
  private role(t: Token, i: number, tokens: readonly Token[], first: number, names: Set<string>): Role {
    if (
      t.kind === 'punctuation' ||
      t.kind === 'other' ||
      t.pos === 'PUNCT' ||
      t.pos === 'SYM' ||
      t.pos === 'SPACE'
    ) {
      return { role: 'skip' };
    }
    if (t.kind === 'number' || /\d/.test(t.text)) return { role: 'skip' };
    // Curly apostrophes were made straight before tagging.
    let normal = t.normal;
    const next = tokens[i + 1];
    // "runnin'" arrives as "runnin" + "'": the g was dropped.
    if (next && next.text === "'" && !next.spaceBefore && /[a-z]in$/.test(normal)) {
      normal += 'g';
      const verb = lemmaCandidates(normal, 'verb')
        .slice(1)
        .find((c) => this.lexicon.classes(c).includes('VERB'));
      if (verb) return { role: 'word', lemma: verb, pos: 'verb', form: normal };
    }

    const spoken = colloquial(normal);
    if (spoken) {
      const pos = CONTENT[spoken.pos];
      return pos ? { role: 'word', lemma: spoken.lemma, pos } : this.functionWord(spoken.lemma, spoken.pos);
    }

    const capital = startsUpper(t.text);
    const initial = i === first;
    if (names.has(normal)) {
      if (!this.known(normal)) return { role: 'known' };
      const nextIsName = !!next && startsUpper(next.text) && names.has(next.normal);
      if (capital && (!initial || nextIsName)) return { role: 'known' };
    }
    if (t.pos === 'PROPN') {
      // A sentence-initial common word the tagger took for a name ("Projections swarm.").
      const listed = capital && initial ? this.listedForm(normal) : undefined;
      if (listed) return { role: 'word', lemma: listed, pos: this.classOf(listed) };
      if (capital || !isWord(normal)) return { role: 'known' };
      return { role: 'word', lemma: normal, pos: 'noun' };
    }
    const tagged = CONTENT[t.pos];
    if (!tagged)
      return t.pos === 'INTJ' && !this.known(normal) ? { role: 'known' } : this.functionWord(t.lemma, t.pos);
    if (capital && !initial && !this.known(normal)) return { role: 'known' };

    let lemma = t.lemma.toLowerCase();
    if (normal !== t.normal) lemma = this.listedForm(normal) ?? normal;
    if (!isWord(lemma)) return { role: 'known' };
    if (t.stop) {
      const level = this.lexicon.lookup(lemma, t.pos)?.level;
      // Stop lists hold a few real words ("serious", "amount"); keep those a learner may not know.
      if (!level || levelIndex(level) < levelIndex('B1'))
        return { role: 'function', ...(level ? { level } : {}) };
    }
    const participle = tagged === 'verb' ? this.participle(normal, lemma) : undefined;
    if (participle) return participle;
    return this.reconcile(lemma, tagged, t.pos);
  }

  /**
   * "exhausted" tagged as a verb but listed as an adjective (B1) below its verb (exhaust, C1): the
   * adjective is the word a learner meets. The lower level wins, as with any word listed twice.
   */
  private participle(normal: string, lemma: string): Role | undefined {
    if (!/(?:ed|ing)$/.test(normal) || normal === lemma) return undefined;
    const adj = this.lexicon.classes(normal).includes('ADJ') ? this.lexicon.lookup(normal, 'ADJ') : undefined;
    if (!adj) return undefined;
    const verb = this.lexicon.lookup(lemma, 'VERB');
    const adjLower = !verb || levelIndex(adj.level) < levelIndex(verb.level);
    return adjLower ? { role: 'word', lemma: normal, pos: 'adjective' } : undefined;
  }

  /**
   * The tagger's class when the lists agree or do not know the word; otherwise the lists' class
   * ("easy" read as a verb is the adjective), and a word listed only as a function word
   * ("everything") is one.
   */
  private reconcile(lemma: string, tagged: WordClass, upos: Upos): Role {
    const listed = this.lexicon.classes(lemma);
    if (listed.length === 0 || listed.includes(upos)) return { role: 'word', lemma, pos: tagged };
    const content = (['NOUN', 'VERB', 'ADJ', 'ADV'] as const).find((p) => listed.includes(p));
    if (content) return { role: 'word', lemma, pos: CONTENT[content] as WordClass };
    return this.functionWord(lemma, listed[0] as Upos);
  }

  private functionWord(lemma: string, pos: Upos): Role {
    const level = this.lexicon.lookup(lemma.toLowerCase(), pos)?.level;
    return level ? { role: 'function', level } : { role: 'function' };
  }

  /** The level of a content word: its list level, else the estimate. Memoised per lemma and class. */
  private levelOf(lemma: string, pos: WordClass, upos: Upos): LevelInfo {
    const key = `${lemma}|${pos}`;
    const memo = this.levelMemo.get(key);
    if (memo) return memo;
    let info: LevelInfo | undefined;
    const inflecting = pos === 'noun' || pos === 'verb' || pos === 'adjective' ? pos : 'any';
    for (const candidate of lemmaCandidates(lemma, inflecting)) {
      const listed = this.lexicon.lookup(candidate, UPOS_OF[pos] ?? upos);
      if (listed) {
        info = { level: listed.level, source: listed.source };
        break;
      }
    }
    info ??= estimateLevel(lemma, this.lexicon, upos === 'INTJ');
    this.levelMemo.set(key, info);
    return info;
  }

  /** Whether either list knows the word or an inflection of it. Memoised. */
  private known(word: string): boolean {
    let k = this.knownMemo.get(word);
    if (k === undefined) {
      k = this.listedForm(word) !== undefined;
      this.knownMemo.set(word, k);
    }
    return k;
  }

  /** The first dictionary form of `word` the lists know. */
  private listedForm(word: string): string | undefined {
    return lemmaCandidates(word).find((c) => this.lexicon.has(c));
  }

  private classOf(lemma: string): WordClass {
    const listed = this.lexicon.classes(lemma);
    const content = (['NOUN', 'VERB', 'ADJ', 'ADV'] as const).find((p) => listed.includes(p));
    return content ? (CONTENT[content] as WordClass) : 'noun';
  }
}

function add(
  drafts: Map<string, Draft>,
  lemma: string,
  pos: WordClass,
  info: LevelInfo,
  sentence: number,
  form: string,
): void {
  const key = `${lemma}|${pos}`;
  let d = drafts.get(key);
  if (!d) {
    const entry: VocabEntry = { lemma, pos, source: info.source, count: 0, forms: [], sentences: [] };
    if (info.level) entry.level = info.level;
    d = { entry, forms: new Map(), lastSentence: -1 };
    drafts.set(key, d);
  }
  d.entry.count++;
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

/** First character is a capital letter (ASCII fast path; other scripts via case mapping). */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = s.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isWord(s: string): boolean {
  return /^[a-z][a-z'-]*$/.test(s) && /[a-z]{2}/.test(s);
}
