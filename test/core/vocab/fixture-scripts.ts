/**
 * The layout fixtures of test/fixtures/vocab/ (our own text in the shapes of real screenplays and
 * subtitle files, see SOURCES.md), read the way the bot reads a file and graded with the shipped
 * lists and the real wink-nlp model.
 */
import { fileURLToPath } from 'node:url';
import { loadCefrLexicon, type CefrLexicon } from '../../../adapters/vocab/cefr-lexicon.js';
import { LocalFileScriptSource } from '../../../adapters/vocab/local-file-script-source.js';
import { WinkAnalyzer } from '../../../adapters/vocab/wink-analyzer.js';
import { VocabBuilder, type BuiltVocab } from '../../../src/core/vocab/build-vocab.js';
import { levelIndex } from '../../../src/core/vocab/levels.js';
import { lemmaCandidates } from '../../../src/core/vocab/word-forms.js';
import type { Script, VocabEntry, WordClass } from '../../../src/core/vocab/types.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/vocab/', import.meta.url));

/** The screenplays, one per layout. */
export const SCREENPLAYS = [
  'salt-road.html',
  'night-ferry.txt',
  'greenhouse.fountain',
  'flat-pdf.txt',
  'depot-1940.txt',
] as const;
export const SUBTITLES = ['sdh-latin1.srt', 'hi-utf8.srt'] as const;
export type FixtureName = (typeof SCREENPLAYS)[number] | (typeof SUBTITLES)[number];

const files = new LocalFileScriptSource({ cwd: FIXTURE_DIR });

export async function readFixture(name: FixtureName): Promise<Script> {
  const r = await files.read(name);
  if (!r.found) throw new Error(`fixture ${name}: ${r.miss}`);
  return r.script;
}

let lexicon: CefrLexicon | undefined;

export async function shippedLexicon(): Promise<CefrLexicon> {
  lexicon ??= await loadCefrLexicon();
  return lexicon;
}

/** A builder with nothing memoised from earlier scripts. */
export async function freshBuilder(): Promise<VocabBuilder> {
  return new VocabBuilder(await shippedLexicon(), new WinkAnalyzer());
}

export async function buildFixture(name: FixtureName, builder?: VocabBuilder): Promise<BuiltVocab> {
  return (builder ?? (await freshBuilder())).build(await readFixture(name));
}

export function entries(v: BuiltVocab, lemma: string, pos?: WordClass): VocabEntry[] {
  return v.entries.filter((e) => e.lemma === lemma && (!pos || e.pos === pos));
}

/** The entry's sentences as text. */
export function examples(v: BuiltVocab, e: VocabEntry): string[] {
  return e.sentences.map((i) => v.sentences[i]?.text ?? '');
}

/** "lemma pos" of the most frequent `n` entries. */
export function top(v: BuiltVocab, n = 100): string[] {
  return v.entries.slice(0, n).map((e) => `${e.lemma} ${e.pos}`);
}

/**
 * Estimated entries whose word is an -ing, -ed or -s form of a listed word and whose level is two
 * or more above that word's: "talking" estimated C1 while talk is A1. Each as "talking C1 (talk A1)".
 */
export function inflectedAboveBase(v: BuiltVocab, lex: CefrLexicon): string[] {
  const out: string[] = [];
  for (const e of v.entries) {
    if (!e.level || e.source !== 'estimated' || !/(?:ing|ed|s)$/.test(e.lemma)) continue;
    for (const base of lemmaCandidates(e.lemma).slice(1)) {
      const listed = lex.lookup(base);
      if (listed && levelIndex(e.level) - levelIndex(listed.level) >= 2) {
        out.push(`${e.lemma} ${e.level} (${base} ${listed.level})`);
        break;
      }
    }
  }
  return out;
}

/** Screenwriting terms a learner should never be taught from a film's list, as "lemma class". */
export const STAGE_TERMS = [
  'beat noun',
  'pause noun',
  'angle noun',
  'shot noun',
  'camera noun',
  'closeup noun',
  'sfx noun',
  'insert noun',
  'pan noun',
  'pan verb',
  'reverse verb',
  'reverse noun',
  'reverse adjective',
  'bang noun',
  'boom noun',
  'crash noun',
  'cont noun',
  'wide adjective',
  'med noun',
];

/**
 * The people (and one brand) each fixture names with words a learner could look up, each with how
 * often the fixture also uses that word as an ordinary word ("a single rose").
 */
export const NAMES: Record<FixtureName, Record<string, number>> = {
  'salt-road.html': { rose: 1, frank: 1, grace: 0, bill: 1, stern: 1, tyler: 0, shell: 0 },
  'night-ferry.txt': { hope: 0, grant: 0 },
  'greenhouse.fountain': { ivy: 0, mark: 0, june: 0 },
  'flat-pdf.txt': { sal: 0, dolores: 0, moshe: 0 },
  'depot-1940.txt': { martha: 0, hollis: 0 },
  'sdh-latin1.srt': { frank: 0 },
  'hi-utf8.srt': { grace: 0, stern: 0, rosa: 0 },
};

/** Entries among the top `n` that are a name of the fixture's, read as a word. */
export function namesInTop(name: FixtureName, v: BuiltVocab, n = 100): string[] {
  const names = NAMES[name];
  return v.entries.slice(0, n).flatMap((e) => {
    const leak = e.forms.find((f) => Object.hasOwn(names, f));
    if (!leak) return [];
    return e.lemma !== leak || e.count > (names[leak] ?? 0) ? [`${e.lemma} ${e.pos} ×${e.count}`] : [];
  });
}

export function stageTermsInTop(v: BuiltVocab, n = 100): string[] {
  const words = top(v, n);
  return STAGE_TERMS.filter((t) => words.includes(t));
}
