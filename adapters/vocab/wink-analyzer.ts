/**
 * The TextAnalyzer port over wink-nlp with its English lite model (both MIT): sentence
 * boundaries, tokens, lemmas, universal POS tags and stop-word flags. The model is loaded once per
 * process (about 50–150 ms); `loadMs` says how long it took. create-vocab.ts warms it up.
 */
import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, TextAnalyzer, Token } from '../../src/core/vocab/ports.js';
import type { Upos } from '../../src/core/vocab/types.js';

type Nlp = ReturnType<typeof winkNLP>;

let shared: { nlp: Nlp; loadMs: number } | undefined;

function load(): { nlp: Nlp; loadMs: number } {
  if (!shared) {
    const started = performance.now();
    const nlp = winkNLP(model, ['sbd', 'pos']);
    shared = { nlp, loadMs: performance.now() - started };
  }
  return shared;
}

const KINDS: Record<string, Token['kind']> = { word: 'word', number: 'number', punctuation: 'punctuation' };

export class WinkAnalyzer implements TextAnalyzer {
  private readonly nlp: Nlp;
  /** Milliseconds the model took to load (0 when another analyzer had loaded it already). */
  readonly loadMs: number;
  constructor() {
    const first = !shared;
    const { nlp, loadMs } = load();
    this.nlp = nlp;
    this.loadMs = first ? loadMs : 0;
  }

  analyze(texts: readonly string[]): Sentence[][] {
    const its = this.nlp.its;
    return texts.map((text) => {
      if (!text.trim()) return [];
      const doc = this.nlp.readDoc(text);
      const out: Sentence[] = [];
      doc.sentences().each((s: ItemSentence) => {
        const toks = s.tokens();
        // Some helpers (lemma, precedingSpaces) are typed with signatures out() does not accept,
        // though out() calls them correctly; hence one cast here.
        const col = <T>(f: unknown) => toks.out(f as ItsFunction<T>) as unknown as T[];
        const texts = toks.out() as string[];
        const normals = col<string>(its.normal);
        const lemmas = col<string>(its.lemma);
        const pos = col<string>(its.pos);
        const types = col<string>(its.type);
        const stops = col<boolean>(its.stopWordFlag);
        const spaces = col<string>(its.precedingSpaces);
        const tokens: Token[] = texts.map((t, i) => ({
          text: t,
          normal: normals[i] ?? t.toLowerCase(),
          lemma: lemmas[i] ?? t.toLowerCase(),
          pos: (pos[i] ?? 'X') as Upos,
          kind: KINDS[types[i] ?? ''] ?? 'other',
          stop: stops[i] === true,
          spaceBefore: (spaces[i] ?? '') !== '',
        }));
        out.push({ text: s.out(), tokens });
      });
      return out;
    });
  }
}
