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

const IRREGULAR_PLURALS: Record<string, string> = {
  feet: 'foot',
  teeth: 'tooth',
  geese: 'goose',
  mice: 'mouse',
  lice: 'louse',
  men: 'man',
  women: 'woman',
  children: 'child',
  people: 'person',
  oxen: 'ox',
  dice: 'die',
};

/** The singular of an irregular plural ("feet" → foot), or undefined. */
export function irregularSingular(word: string): string | undefined {
  const m = /^(.*?)(feet|teeth|geese|mice|lice|men|women|children|people|oxen|dice)$/.exec(word);
  return m ? `${m[1]}${IRREGULAR_PLURALS[m[2] as string]}` : undefined;
}

const candidateMemo = new Map<string, readonly string[]>();
/** Distinct words a process meets are bounded by the language; this only guards against odd input. */
const MEMO_LIMIT = 200_000;

/** Possible dictionary forms of an inflected word, the word itself first. Memoised. */
export function lemmaCandidates(word: string, as: Inflecting = 'any'): readonly string[] {
  const key = `${as}:${word}`;
  let c = candidateMemo.get(key);
  if (!c) {
    if (candidateMemo.size >= MEMO_LIMIT) candidateMemo.clear();
    c = candidates(word, as);
    candidateMemo.set(key, c);
  }
  return c;
}

function candidates(word: string, as: Inflecting): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const add = (s: string) => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  if (as !== 'adjective') {
    if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
    if (as !== 'verb' && w.endsWith('ves')) {
      add(`${w.slice(0, -3)}f`);
      add(`${w.slice(0, -3)}fe`);
    }
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
  'ed',
  'ing',
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

const VOWELS = /[aeiou]+|y(?![aeiou])/g;

/** One syllable ending consonant–vowel–consonant (star, rid, stop): it doubles before -ing/-ed. */
function doublesFinal(lemma: string): 'must' | 'may' | 'no' {
  if (!/(?:^|[b-df-hj-np-tv-z])[aeiou][b-df-hj-np-tvz]$/.test(lemma)) return 'no';
  return (lemma.match(VOWELS) ?? []).length === 1 ? 'must' : 'may';
}

/**
 * Whether `form` is a regular inflection of `lemma` (-s, -es, -ies, -ves, -ed, -d, -ied, -ing,
 * -ying, a doubled final consonant): stare → staring, star → starring, ride → riding, rid → ridding. Used
 * to catch a tagger lemma that does not fit the word as written (staring → "star").
 */
export function inflects(lemma: string, form: string): boolean {
  if (form === lemma) return true;
  const forms: string[] = [`${lemma}s`];
  if (/(?:s|x|z|ch|sh|o)$/.test(lemma)) forms.push(`${lemma}es`);
  if (/[^aeiou]y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`);
  if (/(?:f|fe)$/.test(lemma)) forms.push(lemma.replace(/fe?$/, 'ves'));
  const double = doublesFinal(lemma);
  const last = lemma.slice(-1);
  if (double !== 'must') {
    if (/e$/.test(lemma)) {
      forms.push(`${lemma}d`);
      forms.push(/(?:ee|ye|oe)$/.test(lemma) ? `${lemma}ing` : `${lemma.slice(0, -1)}ing`);
      if (/ie$/.test(lemma)) forms.push(`${lemma.slice(0, -2)}ying`);
    } else {
      forms.push(`${lemma}ed`, `${lemma}ing`);
    }
  }
  if (double !== 'no') forms.push(`${lemma}${last}ed`, `${lemma}${last}ing`);
  return forms.includes(form);
}
