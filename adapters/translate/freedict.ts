/**
 * An offline dictionary for word glosses (no sentences): FreeDict's dictd files
 * (`eng-deu.index` + `eng-deu.dict.dz`, or an uncompressed `.dict`) in DICTIONARY_DIR, named as
 * FreeDict releases them or as Debian installs them (`freedict-eng-deu.index`). The index
 * is TSV — headword, then offset and length in dictd's base64 digits; `.dict.dz` is dictzip,
 * which gunzip reads whole. Entries read "kick /kɪk/ \n <n> \n 1. Tritt \n 2. Stoß"; the gloss is
 * the numbered senses (or the plain lines), joined with "; ". Good for German; FreeDict's French
 * and Spanish lists are thin at B2–C2 (see notes/vocab-research.md §4), so unknown words come back
 * empty and the person is told there is no entry.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { TranslateOptions, Translation, Translator } from '../../src/core/vocab/enrichment/types.js';
import type { Language } from '../../src/core/vocab/types.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const MAX_GLOSS = 80;
const INDEX_FILE = /^(?:freedict-)?eng-([a-z]{3})\.index$/;

/**
 * Our language codes (src/core/vocab/languages.ts) → the ISO 639-3 codes FreeDict names its
 * English dictionaries with: those Debian packages as dict-freedict-eng-* (Norwegian is `nor`,
 * one dictionary for both Portuguese).
 */
export const FREEDICT_CODES: Readonly<Record<string, string>> = {
  ar: 'ara',
  bg: 'bul',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  es: 'spa',
  fi: 'fin',
  fr: 'fra',
  ga: 'gle',
  hi: 'hin',
  hu: 'hun',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  lt: 'lit',
  nb: 'nor',
  nl: 'nld',
  pl: 'pol',
  'pt-pt': 'por',
  'pt-br': 'por',
  ru: 'rus',
  sr: 'srp',
  sv: 'swe',
  tr: 'tur',
};

/** dictd's base64 number ("Bc" → 92). */
export function dictdNumber(s: string): number {
  let n = 0;
  for (const ch of s) {
    const d = B64.indexOf(ch);
    if (d < 0) return NaN;
    n = n * 64 + d;
  }
  return n;
}

interface Dictionary {
  index: Map<string, { offset: number; length: number }[]>;
  data: Buffer;
}

export class FreeDictTranslator implements Translator {
  readonly name = 'FreeDict';
  readonly maxTexts = 500;
  readonly maxBytes = 1024 * 1024;
  readonly sentences = false;
  /** Language code (ISO 639-3) → file stem, for the dictionaries present. */
  private readonly available = new Map<string, string>();
  private readonly loaded = new Map<string, Dictionary>();

  constructor(private readonly dir: string) {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) {
      const m = INDEX_FILE.exec(f);
      if (m?.[1]) this.available.set(m[1], join(dir, f.slice(0, -'.index'.length)));
    }
  }

  supports(language: Language): boolean {
    const code = FREEDICT_CODES[language.code];
    return code !== undefined && this.available.has(code);
  }

  async translate(texts: readonly string[], target: Language, _opts: TranslateOptions): Promise<Translation> {
    const dict = this.dictionary(FREEDICT_CODES[target.code] ?? '');
    return { texts: texts.map((t) => (dict ? gloss(dict, t) : '')), characters: 0 };
  }

  private dictionary(code: string): Dictionary | undefined {
    const cached = this.loaded.get(code);
    if (cached) return cached;
    const stem = this.available.get(code);
    if (!stem) return undefined;
    const index = new Map<string, { offset: number; length: number }[]>();
    for (const line of readFileSync(`${stem}.index`, 'utf8').split('\n')) {
      const [head, off, len] = line.split('\t');
      if (!head || !off || !len) continue;
      const entry = { offset: dictdNumber(off), length: dictdNumber(len.trim()) };
      if (!Number.isFinite(entry.offset) || !Number.isFinite(entry.length)) continue;
      const key = head.toLowerCase();
      const list = index.get(key) ?? [];
      list.push(entry);
      index.set(key, list);
    }
    const data = existsSync(`${stem}.dict.dz`)
      ? gunzipSync(readFileSync(`${stem}.dict.dz`))
      : readFileSync(`${stem}.dict`);
    const dict = { index, data };
    this.loaded.set(code, dict);
    return dict;
  }
}

function gloss(dict: Dictionary, word: string): string {
  const senses: string[] = [];
  for (const { offset, length } of dict.index.get(word.toLowerCase()) ?? []) {
    const lines = dict.data
      .subarray(offset, offset + length)
      .toString('utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => l && !/^<[^>]*>$/.test(l) && !/^\/.*\/$/.test(l) && !/^(?:see|synonyms?):/i.test(l));
    const numbered = lines.filter((l) => /^\d+\.\s/.test(l)).map((l) => l.replace(/^\d+\.\s+/, ''));
    senses.push(...(numbered.length ? numbered : lines));
  }
  const out = [...new Set(senses)].join('; ');
  return out.length > MAX_GLOSS ? `${out.slice(0, MAX_GLOSS - 1).replace(/[;,\s]+[^;,]*$/, '')}…` : out;
}
