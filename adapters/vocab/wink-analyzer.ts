/**
 * The TextAnalyzer port over wink-nlp with its English lite model (both MIT): sentence
 * boundaries, tokens, lemmas, universal POS tags, stop-word flags and whether wink's lexicon knows
 * the word.
 *
 * wink learns as it reads: every unknown token it meets joins its lexicon, and a chunk once seen
 * as one token ("ferryman's." at a sentence end) is never split again. wink has no API to reset
 * that, and a film's list must not depend on the films read before it. So each instance reads
 * through its own layer over the parsed lexicon (hashes chained to the shipped ones), and after
 * every analyze() call the layer's entries are deleted: the next text is tokenised as by a new
 * instance. What wink appended meanwhile (value lists, its private packed lexicon) stays, always
 * in step, and is no longer found; past a limit the instance is replaced. Keeping the instance
 * keeps wink's code warm: a new one per call would cost 5 ms and run its hot paths cold.
 * The model is parsed once per process (about 100 ms, `loadMs`).
 */
import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, TextAnalyzer, Token } from '../../src/core/vocab/ports.js';
import type { Upos } from '../../src/core/vocab/types.js';

type Nlp = ReturnType<typeof winkNLP>;
type Model = Parameters<typeof winkNLP>[0];
interface Feature {
  hash?: Record<string, number>;
  list: unknown[];
  intrinsicSize?: number;
}
interface CoreModel {
  features: Record<string, Feature>;
  packing: object;
}
/** The writable parts of one instance's model. */
interface Layer {
  hashes: Record<string, number>[];
  lexemes: unknown[];
}

/** Replace an instance once it has appended this many lexemes (a few MB). */
const RENEW_AFTER = 500_000;

interface Loaded {
  model: Model;
  loadMs: number;
  /** Lexemes at or past this index were met in text, not shipped with the model. */
  known: number;
  /** The layer the last `core()` call made: the one the instance just created reads through. */
  last: () => Layer;
}

let shared: Loaded | undefined;

/** The model with its core parsed once; `core()` hands each instance a layer of its own. */
function load(): Loaded {
  if (!shared) {
    const started = performance.now();
    const m = model as unknown as Record<string, () => unknown>;
    const pristine = (m.core as () => CoreModel)();
    // metaCER() re-stringifies its module-level copy on every call, so a second instance would get
    // JSON of JSON (wink-eng-lite-web-model dist/load-cer-meta-model.js); call it once.
    const cer = (m.metaCER as () => unknown)();
    let layer: Layer = { hashes: [], lexemes: [] };
    const core = () => {
      const { model: own, layer: made } = layered(pristine);
      layer = made;
      return own;
    };
    const wrapped = { ...m, core, metaCER: () => cer };
    const known = pristine.features.lexeme?.intrinsicSize ?? Number.MAX_SAFE_INTEGER;
    shared = {
      model: wrapped as unknown as Model,
      loadMs: performance.now() - started,
      known,
      last: () => layer,
    };
  }
  return shared;
}

/** Feature hashes chained to the shipped ones and copies of their lists; the rest shared. */
function layered(pristine: CoreModel): { model: CoreModel; layer: Layer } {
  const features: Record<string, Feature> = {};
  const layer: Layer = { hashes: [], lexemes: [] };
  for (const [name, f] of Object.entries(pristine.features)) {
    if (!f.hash) {
      features[name] = f;
      continue;
    }
    const own = { ...f, hash: Object.create(f.hash) as Record<string, number>, list: [...f.list] };
    layer.hashes.push(own.hash);
    if (name === 'lexeme') layer.lexemes = own.list;
    features[name] = own;
  }
  return { model: { ...pristine, features, packing: { ...pristine.packing } }, layer };
}

const KINDS: Record<string, Token['kind']> = { word: 'word', number: 'number', punctuation: 'punctuation' };

export class WinkAnalyzer implements TextAnalyzer {
  /** Milliseconds the model took to load (0 when another analyzer had loaded it already). */
  readonly loadMs: number;
  private readonly known: number;
  private nlp: Nlp;
  private layer: Layer;

  constructor() {
    const first = !shared;
    const loaded = load();
    this.known = loaded.known;
    this.loadMs = first ? loaded.loadMs : 0;
    [this.nlp, this.layer] = this.fresh();
  }

  /** Synchronous, so no other call can read through the layer before it is cleared. */
  analyze(texts: readonly string[]): Sentence[][] {
    try {
      return texts.map((text) => (text.trim() ? read(this.nlp, text, this.known) : []));
    } finally {
      this.forget();
    }
  }

  /** Drop what the instance learned, so the next text reads as if it were the first. */
  private forget(): void {
    for (const hash of this.layer.hashes) for (const key of Object.keys(hash)) delete hash[key];
    if (this.layer.lexemes.length - this.known > RENEW_AFTER) [this.nlp, this.layer] = this.fresh();
  }

  private fresh(): [Nlp, Layer] {
    const loaded = load();
    const nlp = winkNLP(loaded.model, ['sbd', 'pos']);
    return [nlp, loaded.last()];
  }
}

/** `known`: the model's own lexicon size; a token whose lexeme index is past it is unknown to wink. */
function read(nlp: Nlp, text: string, known: number): Sentence[] {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
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
    const ids = col<number>(its.uniqueId);
    const tokens: Token[] = texts.map((t, i) => {
      const normal = normals[i] ?? t.toLowerCase();
      return {
        text: t,
        normal,
        lemma: lemmas[i] ?? t.toLowerCase(),
        pos: (pos[i] ?? 'X') as Upos,
        kind: KINDS[types[i] ?? ''] ?? 'other',
        stop: stops[i] === true,
        spaceBefore: (spaces[i] ?? '') !== '',
        oov: (ids[i] ?? 0) >= known,
      };
    });
    out.push({ text: s.out(), tokens });
  });
  return out;
}
