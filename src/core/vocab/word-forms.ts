/**
 * Small morphology for when the tagger gives no usable lemma: a capitalised "Projections" read as
 * a proper noun, an all-caps "BOXES" before we lower-case it, a dropped g ("runnin'"). Also the
 * derivational affixes the level estimate uses ("dreamer" ← dream). Rules, not a dictionary: the
 * caller keeps only candidates the word lists know.
 */

/** Which inflections to undo: nouns -s, verbs -s/-ed/-ing, adjectives -er/-est; all when unknown. */
export type Inflecting = 'noun' | 'verb' | 'adjective' | 'any';

const SUFFIXES_OF: Record<Inflecting, string[]> = {
  noun: [],
  verb: ['ed', 'ing'],
  adjective: ['er', 'est'],
  any: ['ed', 'ing', 'er', 'est'],
};

/** Possible dictionary forms of an inflected word, the word itself first. */
export function lemmaCandidates(word: string, as: Inflecting = 'any'): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const add = (s: string) => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  if (as !== 'adjective') {
    if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
    if (w.endsWith('es')) add(w.slice(0, -2));
    if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  }
  if (as === 'verb' || as === 'any') if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  for (const suffix of SUFFIXES_OF[as]) {
    if (!w.endsWith(suffix) || w.length < suffix.length + 2) continue;
    const stem = w.slice(0, -suffix.length);
    add(stem);
    add(`${stem}e`);
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) add(stem.slice(0, -1));
    if (suffix !== 'ing' && stem.endsWith('i')) add(`${stem.slice(0, -1)}y`);
  }
  return out;
}

const PREFIXES = [
  'un',
  're',
  'dis',
  'mis',
  'non',
  'over',
  'under',
  'out',
  'pre',
  'sub',
  'super',
  'inter',
  'anti',
  'de',
  'co',
  'self',
];
const SUFFIXES = [
  'ness',
  'less',
  'ful',
  'ly',
  'ment',
  'able',
  'ible',
  'ers',
  'er',
  'or',
  'ist',
  'ism',
  'ity',
  'ation',
  'ion',
  'ize',
  'ise',
  'ish',
  'ous',
  'al',
  'ic',
  'y',
  'en',
  'hood',
  'ship',
  'ward',
  'wards',
  'wise',
  'like',
];

/** Words `lemma` may be derived from: "dreamer" → dream, "unbreakable" → breakable, break. */
export function derivationBases(lemma: string): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (s.length >= 3 && s !== lemma && !out.includes(s)) out.push(s);
  };
  for (const p of PREFIXES) {
    if (lemma.startsWith(p) && lemma.length - p.length >= 4) add(lemma.slice(p.length).replace(/^-/, ''));
  }
  for (const s of SUFFIXES) {
    // Short suffixes need a longer stem: "cower" is not cow + -er, "dreamer" is dream + -er.
    if (!lemma.endsWith(s) || lemma.length - s.length < (s.length <= 2 ? 4 : 3)) continue;
    const stem = lemma.slice(0, -s.length);
    add(stem);
    add(`${stem}e`);
    if (stem.endsWith('i')) add(`${stem.slice(0, -1)}y`);
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) add(stem.slice(0, -1));
  }
  for (const base of [...out]) {
    for (const s of SUFFIXES)
      if (base.endsWith(s) && base.length - s.length >= 3) add(base.slice(0, -s.length));
  }
  return out;
}
