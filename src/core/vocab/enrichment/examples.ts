/**
 * Example sentences for one word, from its movie's script: up to three, whole sentences of about
 * 5–20 words first, dialogue before action, spread over the script (sentences are kept in script
 * order, so far-apart indexes stand for different scenes), with the speaker, the word marked «so».
 */
import type { MovieVocab, ScriptSentence, VocabEntry } from '../types.js';

export interface Example {
  /** Index into MovieVocab.sentences (translations are cached under it). */
  index: number;
  text: string;
  /** The text with the word marked: «kick». */
  marked: string;
  kind: ScriptSentence['kind'];
  speaker?: string;
}

export const MAX_EXAMPLES = 3;
const MIN_WORDS = 5;
const MAX_WORDS = 20;

export function pickExamples(vocab: MovieVocab, entry: VocabEntry, max = MAX_EXAMPLES): Example[] {
  return chooseSentences(vocab, entry, max).map((index) => {
    const s = vocab.sentences[index] as ScriptSentence;
    const ex: Example = { index, text: s.text, marked: markWord(s.text, entry), kind: s.kind };
    if (s.speaker) ex.speaker = s.speaker;
    return ex;
  });
}

/** The indexes `pickExamples` would choose, best first, without marking the word (cheap). */
export function chooseSentences(vocab: MovieVocab, entry: VocabEntry, max = MAX_EXAMPLES): number[] {
  const seen = new Set<string>();
  const candidates: { index: number; s: ScriptSentence; tier: number }[] = [];
  for (const index of entry.sentences) {
    const s = vocab.sentences[index];
    if (!s || s.kind === 'heading') continue;
    const norm = s.text.trim().toLowerCase();
    if (!norm || seen.has(norm)) continue;
    seen.add(norm);
    candidates.push({ index, s, tier: tier(s) });
  }
  const chosen: typeof candidates = [];
  while (chosen.length < max && candidates.length > 0) {
    const best = Math.min(...candidates.map((c) => c.tier));
    let pick = -1;
    let pickDistance = -1;
    candidates.forEach((c, i) => {
      if (c.tier !== best) return;
      const distance = chosen.length ? Math.min(...chosen.map((o) => Math.abs(o.index - c.index))) : 0;
      if (distance > pickDistance) {
        pick = i;
        pickDistance = distance;
      }
    });
    const [taken] = candidates.splice(pick, 1);
    if (taken) chosen.push(taken);
  }
  return chosen.sort((a, b) => a.tier - b.tier || a.index - b.index).map((c) => c.index);
}

/** Lower is better: dialogue over action, whole sentences of 5–20 words over the rest. */
function tier(s: ScriptSentence): number {
  const words = s.text.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
  const sized = words >= MIN_WORDS && words <= MAX_WORDS;
  const whole = /^["'“‘(]?[A-Z0-9]/.test(s.text.trim()) && /[.!?…]["'”’)]?$/.test(s.text.trim());
  const shape = sized && whole ? 0 : sized ? 1 : 2;
  return (s.kind === 'dialogue' ? 0 : 3) + shape;
}

/** The first occurrence of the word (any of its forms, or the whole headword) marked «…». */
export function markWord(text: string, entry: Pick<VocabEntry, 'lemma' | 'forms'>): string {
  const forms = [...new Set([entry.lemma, ...entry.forms])]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  if (forms.length === 0) return text;
  // Longest form first at each position; a word boundary on both sides (letters of any script).
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${forms.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'iu');
  const m = re.exec(text);
  if (!m) return text;
  const start = m.index + (m[1]?.length ?? 0);
  const end = start + (m[2]?.length ?? 0);
  return `${text.slice(0, start)}«${text.slice(start, end)}»${text.slice(end)}`;
}
