/**
 * How alike a typed title and a catalog title are, 0..1. People type without accents, capitals
 * or punctuation, drop or misplace leading articles ("Matrix, The"), write "&" for "and", run
 * letters together that a title spaces or dots ("MASH" for "M*A*S*H", "911" for "9-1-1"), and
 * make small typos, swapped letters included; none of that should cost a match.
 */

const LEADING_ARTICLES = /^(the|a|an|le|la|les|el|los|las|der|die|das) /;
const TRAILING_ARTICLE = / (the|a|an)$/;

/** Fold case, accents, punctuation and "&" away; articles stay. */
export function foldTitle(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Fold case, accents, punctuation, "&", and leading/trailing articles away. */
export function normalizeTitle(s: string): string {
  return foldTitle(s).replace(LEADING_ARTICLES, '').replace(TRAILING_ARTICLE, '').trim();
}

/** Without the spaces too: "M*A*S*H" and "MASH", "9-1-1" and "911" are one spelling. */
export const compact = (folded: string): string => folded.replace(/ /g, '');

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const t = s.replace(/ /g, '');
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice over character bigrams: robust to word order and extra words. */
function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let total = 0;
  let common = 0;
  for (const n of A.values()) total += n;
  for (const [g, n] of B) {
    total += n;
    common += Math.min(n, A.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}

/**
 * Edit distance where two swapped neighbours count as one typo ("Incpetion"), as one slip of the
 * fingers should (optimal string alignment). Titles are short, so O(n·m) is fine.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * 1 for the same title after normalising; otherwise the better of edit-distance ratio for
 * near-misses (small typos: "Breking Bad" ≈ 0.91) and bigram overlap (extra words: "Dexter" vs "Dexter: New Blood"
 * = 0.5), capped at 0.95 so only an exact title scores 1.
 */
export function titleSimilarity(query: string, title: string): number {
  const q = normalizeTitle(query);
  const t = normalizeTitle(title);
  if (!q || !t) return 0;
  if (q === t || compact(q) === compact(t)) return 1;
  const longest = Math.max(q.length, t.length);
  const dist = editDistance(q, t);
  // Edit distance speaks only for near-misses (a typo or two); otherwise "Dexter" ~ "Heat" = 0.33.
  const lev = dist <= Math.max(1, Math.floor(longest / 6)) ? 1 - dist / longest : 0;
  return Math.min(0.95, Math.max(lev, dice(q, t)));
}
