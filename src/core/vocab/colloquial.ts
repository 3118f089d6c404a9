/**
 * Spoken forms the tagger leaves as they are ("gonna" comes back as a noun), mapped to the word
 * a learner looks up: "gonna" → go. The rest of the form ("to", "me") is a function word and
 * adds nothing to the list. Bare "cause" is not here: it is also a noun. Also clipped words that
 * lost their start to an apostrophe ("'bout", "'til"), and words with a clitic attached that the
 * tagger left whole ("here's", "this'll", "ferryman's").
 */
import type { Upos } from './types.js';

export interface Colloquial {
  lemma: string;
  pos: Upos;
}

const FORMS: Record<string, Colloquial> = {
  gonna: { lemma: 'go', pos: 'VERB' },
  gotta: { lemma: 'get', pos: 'VERB' },
  wanna: { lemma: 'want', pos: 'VERB' },
  gimme: { lemma: 'give', pos: 'VERB' },
  lemme: { lemma: 'let', pos: 'VERB' },
  kinda: { lemma: 'kind', pos: 'NOUN' },
  sorta: { lemma: 'sort', pos: 'NOUN' },
  outta: { lemma: 'out', pos: 'ADP' },
  lotta: { lemma: 'lot', pos: 'NOUN' },
  dunno: { lemma: 'know', pos: 'VERB' },
  gotcha: { lemma: 'get', pos: 'VERB' },
  betcha: { lemma: 'bet', pos: 'VERB' },
  hafta: { lemma: 'have', pos: 'VERB' },
  oughta: { lemma: 'ought', pos: 'AUX' },
  "c'mon": { lemma: 'come', pos: 'VERB' },
  cmon: { lemma: 'come', pos: 'VERB' },
  "y'all": { lemma: 'you', pos: 'PRON' },
  ya: { lemma: 'you', pos: 'PRON' },
  em: { lemma: 'they', pos: 'PRON' },
  "'em": { lemma: 'they', pos: 'PRON' },
  "'cause": { lemma: 'because', pos: 'SCONJ' },
  cuz: { lemma: 'because', pos: 'SCONJ' },
  coz: { lemma: 'because', pos: 'SCONJ' },
  yeah: { lemma: 'yeah', pos: 'INTJ' },
  yep: { lemma: 'yes', pos: 'INTJ' },
  yup: { lemma: 'yes', pos: 'INTJ' },
  nope: { lemma: 'no', pos: 'INTJ' },
  nah: { lemma: 'no', pos: 'INTJ' },
  ok: { lemma: 'ok', pos: 'INTJ' },
  okay: { lemma: 'okay', pos: 'INTJ' },
  "i'm": { lemma: 'i', pos: 'PRON' },
  "ain't": { lemma: 'be', pos: 'AUX' },
};

/** Words clipped at the front, written after an apostrophe: "'bout" → about. */
const CLIPPED: Record<string, Colloquial> = {
  bout: { lemma: 'about', pos: 'ADP' },
  til: { lemma: 'until', pos: 'SCONJ' },
  till: { lemma: 'until', pos: 'SCONJ' },
  round: { lemma: 'around', pos: 'ADP' },
  fore: { lemma: 'before', pos: 'ADP' },
  nuff: { lemma: 'enough', pos: 'ADV' },
  cept: { lemma: 'except', pos: 'ADP' },
  cause: { lemma: 'because', pos: 'SCONJ' },
  em: { lemma: 'they', pos: 'PRON' },
  kay: { lemma: 'okay', pos: 'INTJ' },
};

/** The looked-up word for a spoken form, or undefined when `normal` is not one. */
export function colloquial(normal: string): Colloquial | undefined {
  return Object.hasOwn(FORMS, normal) ? FORMS[normal] : undefined;
}

/** The whole word for one clipped after an apostrophe ("bout" in "'bout"), or undefined. */
export function clipped(normal: string): Colloquial | undefined {
  const w = normal.replace(/^['’]/, '');
  return Object.hasOwn(CLIPPED, w) ? CLIPPED[w] : undefined;
}

/** "here's" → here + 's, "this'll" → this + 'll, "ferryman's" → ferryman + 's; else undefined. */
export function clitic(normal: string): { stem: string; clitic: string } | undefined {
  const m = /^([a-z][a-z-]*)['’](s|ll|d|re|ve|m)$/.exec(normal);
  return m ? { stem: m[1] as string, clitic: m[2] as string } : undefined;
}
