/**
 * The Lexicon port over the two shipped word lists: CEFR-J 1.5 (A1–B2) and Octanove C1/C2 1.0,
 * read once at start-up from data/cefr/ (credits and licences in data/cefr/README.md). Headword
 * variants ("harbor/harbour") are split on "/"; headwords of several words or with a hyphen also
 * go to the multiword list the core matches as units.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { makeMultiword } from '../../src/core/vocab/multiword.js';
import type { Lexicon, MultiwordHeadword } from '../../src/core/vocab/ports.js';
import { isCefrLevel, levelIndex } from '../../src/core/vocab/levels.js';
import type { ListedLevel, Upos, WordClass } from '../../src/core/vocab/types.js';
import { parseCsv } from './csv.js';

export const CEFRJ_FILE = 'cefrj-vocabulary-profile-1.5.csv';
export const OCTANOVE_FILE = 'octanove-vocabulary-profile-c1c2-1.0.csv';
/** data/cefr/ in the checkout, wherever the process was started from. */
export const DEFAULT_CEFR_DIR = fileURLToPath(new URL('../../data/cefr/', import.meta.url));

interface Row {
  /** Empty: the list gave no usable POS, so any POS fits. */
  pos: Upos[];
  level: ListedLevel;
}

/** The lists' POS labels → the tagger's. Auxiliaries may be tagged either way. */
const POS: Record<string, Upos[]> = {
  noun: ['NOUN'],
  verb: ['VERB'],
  vern: ['VERB'],
  adjective: ['ADJ'],
  adverb: ['ADV'],
  pronoun: ['PRON'],
  preposition: ['ADP', 'SCONJ'],
  determiner: ['DET', 'PRON'],
  conjunction: ['CCONJ', 'SCONJ'],
  number: ['NUM'],
  'modal auxiliary': ['AUX', 'VERB'],
  'be-verb': ['AUX', 'VERB'],
  'do-verb': ['AUX', 'VERB'],
  'have-verb': ['AUX', 'VERB'],
  interjection: ['INTJ'],
  'infinitive-to': ['PART'],
};

const CLASS: Record<string, WordClass> = {
  noun: 'noun',
  verb: 'verb',
  vern: 'verb',
  adjective: 'adjective',
  adverb: 'adverb',
};

export class CefrLexicon implements Lexicon {
  readonly multiwords: readonly MultiwordHeadword[];
  private readonly words = new Map<string, Row[]>();
  private readonly capitals = new Set<string>();
  /** classes() is asked for most tokens of a script; its answers never change. */
  private readonly classCache = new Map<string, readonly Upos[]>();

  /** `cefrj` and `octanove` are the CSV files' contents. */
  constructor(cefrj: string, octanove: string) {
    const multi: MultiwordHeadword[] = [];
    this.load(cefrj, 'CEFR-J', multi);
    this.load(octanove, 'Octanove', multi);
    this.multiwords = multi;
  }

  get size(): number {
    return this.words.size;
  }

  lookup(lemma: string, pos?: Upos): ListedLevel | undefined {
    const rows = this.words.get(lemma);
    if (!rows) return undefined;
    const fitting = pos ? rows.filter((r) => r.pos.length === 0 || r.pos.includes(pos)) : rows;
    let best: ListedLevel | undefined;
    for (const r of fitting.length > 0 ? fitting : rows) {
      if (!best || levelIndex(r.level.level) < levelIndex(best.level)) best = r.level;
    }
    return best;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  capitalised(word: string): boolean {
    return this.capitals.has(word);
  }

  classes(word: string): readonly Upos[] {
    let c = this.classCache.get(word);
    if (!c) {
      c = [...new Set((this.words.get(word) ?? []).flatMap((r) => r.pos))];
      this.classCache.set(word, c);
    }
    return c;
  }

  private load(csv: string, source: ListedLevel['source'], multi: MultiwordHeadword[]): void {
    const [header, ...rows] = parseCsv(csv);
    if (!header || header[0]?.trim().toLowerCase() !== 'headword') {
      throw new Error(`${source} word list: expected a "headword" header row`);
    }
    for (const r of rows) {
      const label = (r[1] ?? '').trim().toLowerCase();
      const level = (r[2] ?? '').trim().toUpperCase();
      if (!isCefrLevel(level)) continue;
      const row: Row = { pos: POS[label] ?? [], level: { level, source } };
      for (const variant of (r[0] ?? '').split('/')) {
        const word = variant.trim().toLowerCase().replace(/\s+/g, ' ');
        if (!word) continue;
        if (/^\p{Lu}\p{Ll}/u.test(variant.trim())) this.capitals.add(word);
        const list = this.words.get(word) ?? [];
        list.push(row);
        this.words.set(word, list);
        if (/[\s-]/.test(word) && !word.startsWith('-')) {
          const m = makeMultiword(word, CLASS[label] ?? 'other', row.level);
          if (m) multi.push(m);
        }
      }
    }
  }
}

/** Read both lists from `dir` (default data/cefr/ in the checkout). */
export async function loadCefrLexicon(dir: string = DEFAULT_CEFR_DIR): Promise<CefrLexicon> {
  const [cefrj, octanove] = await Promise.all([
    readFile(`${dir.replace(/\/?$/, '/')}${CEFRJ_FILE}`, 'utf8'),
    readFile(`${dir.replace(/\/?$/, '/')}${OCTANOVE_FILE}`, 'utf8'),
  ]);
  return new CefrLexicon(cefrj, octanove);
}
