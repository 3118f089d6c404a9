/**
 * Names for a movie: the title as a script site expects it, and the key its script and vocabulary
 * are stored under. Keys are file-name safe (`inception-2010`), so the stores can use them as-is.
 */
import type { SeriesPart } from './types.js';

const SMALL = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'in',
  'nor',
  'of',
  'on',
  'or',
  'the',
  'to',
  'vs',
  'with',
]);

/** "the lord of the rings" → "The Lord of the Rings". Words with capitals inside ("McQueen", "WALL-E") are kept. */
export function titleCase(title: string): string {
  const words = title.trim().replace(/\s+/g, ' ').split(' ');
  return words
    .map((w, i) => {
      if (/\p{Lu}/u.test(w.slice(1)) || /^\p{Lu}/u.test(w)) return w;
      if (i > 0 && i < words.length - 1 && SMALL.has(w.toLowerCase())) return w.toLowerCase();
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}

/**
 * "Schindler's List" → "schindlers-list", "Сталкер" → "сталкер"; at most 80 characters. Letters of
 * every script are kept (Latin loses its accents); a title with none (emoji only) is keyed by its
 * fingerprint, so two such titles never share a key.
 */
export function slug(s: string): string {
  const kept = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...kept].slice(0, 80).join('').replace(/-+$/, '') || `t-${fingerprint(s.trim())}`;
}

/**
 * The storage key of a movie's script and vocabulary: `inception-2010`, or `inception` when the
 * year is unknown. An episode and a season are keys of their own: `breaking-bad-2008-s01e01`,
 * `breaking-bad-2008-s01`.
 */
export function movieKey(title: string, year?: number, part?: SeriesPart): string {
  const base = year ? `${slug(title)}-${year}` : slug(title);
  return part ? `${base}-${partLabel(part).toLowerCase()}` : base;
}

/** `S01E01` for an episode, `S01` for a season. */
export function partLabel(part: SeriesPart): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `S${two(part.season)}${part.episode === undefined ? '' : `E${two(part.episode)}`}`;
}

/** A short content fingerprint (FNV-1a, 32 bits, hex), for keys of files people send. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
