/**
 * Script text → graded vocabulary. Reads the screenplay into blocks, tags dialogue and action with
 * the analyzer, and keeps the content words (nouns, verbs, adjectives, adverbs) and the lists'
 * multiword units, each with its level, where the level came from, its count and the sentences it
 * appears in. Character names, other proper nouns, numbers and stop words are not vocabulary, but
 * every word token counts towards coverage.
 */
import { MultiwordMatcher } from './multiword.js';
import { nameWords, normaliseCaps } from './names.js';
import { computeProfile, TokenTally } from './profile.js';
import type { Lexicon, Sentence, TextAnalyzer } from './ports.js';
import { parseScreenplay, parseTranscript } from './screenplay.js';
import { TokenRoles } from './token-roles.js';
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
export const ANALYSIS_VERSION = 1;

export interface BuiltVocab {
  profile: VocabProfile;
  /** Most frequent first. */
  entries: VocabEntry[];
  /** Only the sentences some entry points to. */
  sentences: ScriptSentence[];
  characters: string[];
}

const MAX_FORMS = 8;

interface Draft {
  entry: VocabEntry;
  forms: Map<string, number>;
  lastSentence: number;
}

/** Builds vocabularies with one lexicon and analyzer; keeps lookups memoised across scripts. */
export class VocabBuilder {
  private readonly matcher: MultiwordMatcher;
  private readonly roles: TokenRoles;

  constructor(
    lexicon: Lexicon,
    private readonly analyzer: TextAnalyzer,
  ) {
    this.matcher = new MultiwordMatcher(lexicon.multiwords);
    this.roles = new TokenRoles(lexicon);
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
        (w) => this.roles.known(w),
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
      const r = this.roles.of(tokens, i, first, names);
      if (r.role === 'skip') return;
      if (r.role === 'known') return tally.addKnown();
      if (r.role === 'function') return r.level ? tally.addAt(r.level) : tally.addKnown();
      const info = this.roles.levelOf(r.lemma, r.pos, t.pos);
      add(drafts, r.lemma, r.pos, info, id, r.form ?? t.normal);
      tally.addAt(info.level && info.source !== 'unlisted' ? info.level : undefined);
    });
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
