/**
 * The word class and dictionary form of one content word, decided here and nowhere else. The
 * tagger's class is the first opinion; it is overruled when the sentence around the word, the word
 * as written and the word lists agree it is wrong:
 * - an -ing or -ed form the lists know only as a verb is that verb ("the talking", "waiting");
 * - inside a noun phrase there is no verb ("a wound", "a clear liquid", "a lantern");
 * - an adjective that ends a noun phrase is a noun ("a small brass top slips");
 * - an -s word after a name, a subject or "and" + verb is a verb ("Frank picks at his food");
 * - a sentence-initial word read as a name is a verb before an object ("Trust me.", "Talk to
 *   me."), an adjective before "to" + verb ("Good to see you."); alone, the class the lists
 *   give the lowest level ("Fine." adjective A1, "Later." adverb A1, "Wait." verb A1);
 * - forms are checked against the tagger's lemma (listed-forms.ts).
 * When nothing decides and the lists give the word's classes different levels, the answer is
 * marked uncertain.
 */
import { levelIndex } from './levels.js';
import { ListedForms, type ClassDecision, type Content } from './listed-forms.js';
import type { Lexicon, Token } from './ports.js';
import type { Upos } from './types.js';

export type { ClassDecision } from './listed-forms.js';

const CLASS_OF: Partial<Record<Upos, Content>> = {
  NOUN: 'noun',
  VERB: 'verb',
  ADJ: 'adjective',
  ADV: 'adverb',
};
const ALONE: Content[] = ['adjective', 'adverb', 'verb', 'noun'];
const USUAL: Content[] = ['noun', 'verb', 'adjective', 'adverb'];

const DETERMINERS = new Set(
  'a an the this that these those my your his her its our their every each no some any another whose'.split(
    ' ',
  ),
);
/** Determiners that are never also a pronoun before a verb ("let her go", "that hurts"). */
const ONLY_DETERMINERS = new Set('a an the my your his its our their every another whose'.split(' '));
const OBJECTS = new Set(
  'me him her us them it you yourself myself himself herself ourselves themselves this that everyone everybody'.split(
    ' ',
  ),
);
const SUBJECTS = new Set(
  'he she it who that which everyone everybody someone somebody nobody one'.split(' '),
);
/** Words that follow an imperative verb: "talk to", "look at", "come here", "wait for". */
const AFTER_IMPERATIVE = new Set(
  'to at for with about on in up down out off over away back here there now please around into through'.split(
    ' ',
  ),
);
const PHRASE_INSIDE: ReadonlySet<Upos> = new Set(['ADJ', 'ADV', 'NOUN', 'NUM']);
const ENDS_PHRASE: ReadonlySet<Upos> = new Set([
  'VERB',
  'AUX',
  'ADP',
  'PUNCT',
  'CCONJ',
  'SCONJ',
  'PART',
  'PRON',
  'DET',
]);
const TAKES_OBJECT: ReadonlySet<Upos> = new Set(['DET', 'ADP', 'PRON', 'ADV', 'PART']);
const CLAUSE_END: ReadonlySet<Upos> = new Set(['PUNCT', 'CCONJ']);
const CLAUSE_BREAK: ReadonlySet<Upos> = new Set(['PUNCT', 'CCONJ', 'SCONJ']);
const SUBORDINATORS = new Set(
  'when until till if because before after as while unless once since though although whenever'.split(' '),
);

/** What the decision may look at around the word. */
interface At {
  tokens: readonly Token[];
  i: number;
  first: number;
  t: Token;
  form: string;
  tagged: Content | undefined;
  prev: number | undefined;
  next: Token | undefined;
}

export class WordClasses {
  private readonly forms: ListedForms;

  constructor(lexicon: Lexicon) {
    this.forms = new ListedForms(lexicon);
  }

  /**
   * The class of `tokens[i]`, a word tagged NOUN, VERB, ADJ or ADV, or a sentence-initial PROPN
   * that is a listed common word; undefined when the lists know it only as a function word.
   * `first` is the index of the sentence's first word; `isName` says whether a token is a name.
   */
  decide(
    tokens: readonly Token[],
    i: number,
    first: number,
    isName: (k: number) => boolean,
  ): ClassDecision | undefined {
    const t = tokens[i] as Token;
    const at: At = {
      tokens,
      i,
      first,
      t,
      form: t.normal,
      tagged: CLASS_OF[t.pos],
      prev: wordBefore(tokens, i),
      next: tokens[i + 1],
    };
    // "Frank, talk to me.": after a name or an interjection and a comma, a sentence starts again.
    const opener = tokens[first];
    const vocative =
      i === first + 2 && tokens[first + 1]?.text === ',' && (isName(first) || opener?.pos === 'INTJ');
    return (
      this.verbForm(at) ??
      this.insideNounPhrase(at) ??
      this.verbAfterSubject(at, isName) ??
      this.clauseVerb(at) ??
      ((i === first || vocative) && at.tagged !== 'verb' ? this.initial(at) : undefined) ??
      this.participle(at) ??
      this.reconcile(at)
    );
  }

  /** "the talking", "Standing under the eaves": -ing/-ed forms of a listed verb. */
  private verbForm({ t, form, tagged, next }: At): ClassDecision | undefined {
    if (!/(?:ing|ed)$/.test(form) || tagged === 'verb') return undefined;
    const verb = this.forms.verb(form, t.lemma);
    if (!verb) return undefined;
    const own = this.forms.levelAs(form, 'noun') ?? this.forms.levelAs(form, 'adjective');
    if (!own) return { lemma: verb, pos: 'verb' };
    // Listed itself ("standing" C2, a reputation) but used as the verb (stand A1) before its complement.
    const verbLevel = this.forms.levelAs(verb, 'verb');
    const complement = next !== undefined && TAKES_OBJECT.has(next.pos);
    return complement && verbLevel && levelIndex(verbLevel) < levelIndex(own)
      ? { lemma: verb, pos: 'verb' }
      : undefined;
  }

  /** No verb follows a determiner: "a wound", "a clear liquid", "the lantern", "a small brass top". */
  private insideNounPhrase(at: At): ClassDecision | undefined {
    const { tokens, t, form, tagged, prev, next } = at;
    if (prev === undefined || tagged === 'noun' || tagged === undefined) return undefined;
    const det = tagged === 'adjective' ? undefined : phraseStart(tokens, prev, false);
    if (det !== undefined) {
      const nounLike =
        next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN');
      if (nounLike && this.forms.listedAs(form, 'adjective')) return { lemma: form, pos: 'adjective' };
      const onlyDet = ONLY_DETERMINERS.has(det) || det !== (tokens[prev] as Token).normal;
      if (onlyDet && tagged === 'verb' && !/(?:s|ing|ed)$/.test(form)) return this.noun(t);
    }
    if (
      tagged === 'verb' &&
      !this.forms.listedContent(t.lemma.toLowerCase()) &&
      !/(?:s|ing|ed)$/.test(form)
    ) {
      // An unknown word the tagger guessed is a verb, after a preposition or inside a noun phrase.
      const p = tokens[prev] as Token;
      if ((p.pos === 'ADP' && p.normal !== 'to') || phraseStart(tokens, prev, true) !== undefined)
        return this.noun(t);
    }
    if (tagged !== 'adjective' || !this.forms.listedAs(form, 'noun')) return undefined;
    const ends = endsPhrase(next) || this.verbLike(tokens, at.i + 1);
    return ends && phraseStart(tokens, prev, true) !== undefined ? this.noun(t) : undefined;
  }

  /** An -s word the tagger read as a noun that is a listed verb taking an object ("top slips from"). */
  private verbLike(tokens: readonly Token[], j: number): boolean {
    const w = tokens[j];
    if (!w || w.pos !== 'NOUN' || !/[^s]s$/.test(w.normal)) return false;
    const after = tokens[j + 1];
    return (
      after !== undefined && TAKES_OBJECT.has(after.pos) && this.forms.verb(w.normal, w.lemma) !== undefined
    );
  }

  /** "Frank picks at his food", "Fog rolls in", "raises the lantern and studies her face". */
  private verbAfterSubject(at: At, isName: (k: number) => boolean): ClassDecision | undefined {
    const { tokens, t, form, tagged, prev, next } = at;
    if (tagged !== 'noun' || !/[^s]s$/.test(form) || prev === undefined) return undefined;
    const verb = this.forms.verb(form, t.lemma);
    if (!verb) return undefined;
    const p = tokens[prev] as Token;
    // "models of a city", "bottles of wine": a noun before "of", not a verb.
    const objectFollows = next !== undefined && TAKES_OBJECT.has(next.pos) && next.normal !== 'of';
    // A capitalised first word is tagged PROPN whatever it is ("Paper models", "Fog rolls").
    const listedNoun = this.forms.listedAs(p.normal, 'noun');
    const name =
      isName(prev) || (p.pos === 'PROPN' && (prev !== at.first || !this.forms.listedContent(p.normal)));
    const head = p.pos === 'NOUN' || ((p.pos === 'ADJ' || p.pos === 'PROPN') && listedNoun);
    const subject = name || SUBJECTS.has(p.normal) || (head && objectFollows);
    if (subject && !verbBefore(tokens, prev)) return { lemma: verb, pos: 'verb' };
    if (p.pos === 'CCONJ' && objectFollows && verbBefore(tokens, prev - 1))
      return { lemma: verb, pos: 'verb' };
    return undefined;
  }

  /**
   * A clause with no verb yet whose last word is an -s form of a listed verb after a noun, where
   * the clause must have a verb: it opens with a conjunction ("when the rain stops") or its subject
   * carries a prepositional phrase ("The bell over the door rings."). Not "He lost the car keys."
   */
  private clauseVerb({ tokens, i, t, form, tagged, prev, next }: At): ClassDecision | undefined {
    if (
      tagged !== 'noun' ||
      !/[^s]s$/.test(form) ||
      prev === undefined ||
      (tokens[prev] as Token).pos !== 'NOUN'
    )
      return undefined;
    if (next && !CLAUSE_END.has(next.pos)) return undefined;
    let start = i - 1;
    let preposition = false;
    while (
      start >= 0 &&
      !CLAUSE_BREAK.has((tokens[start] as Token).pos) &&
      !opensClause(tokens[start] as Token)
    ) {
      const p = (tokens[start] as Token).pos;
      if (p === 'VERB' || p === 'AUX') return undefined;
      if (p === 'ADP') preposition = true;
      start--;
    }
    const opened = start >= 0 && opensClause(tokens[start] as Token);
    if (!opened && !preposition) return undefined;
    const verb = this.forms.verb(form, t.lemma);
    if (!verb) return undefined;
    // A subject with a phrase after it is weaker evidence: keep a noun the lists rank lower.
    const noun = this.noun(t);
    const nounLevel = noun.fits ? this.forms.levelAs(noun.lemma, 'noun') : undefined;
    const verbLevel = this.forms.levelAs(verb, 'verb');
    if (!opened && nounLevel && verbLevel && levelIndex(nounLevel) < levelIndex(verbLevel)) return undefined;
    return { lemma: verb, pos: 'verb' };
  }

  /** A capitalised first word: "Trust me." "Fine." "Good to see you." "Talk to me." */
  private initial({ tokens, i, t, form, next }: At): ClassDecision | undefined {
    if (!next || next.kind === 'punctuation') return this.forms.preferred(form, t.lemma, ALONE, true);
    if (next.normal === 'to' && tokens[i + 2]?.pos === 'VERB' && this.forms.listedAs(form, 'adjective'))
      return { lemma: form, pos: 'adjective' };
    const base = this.forms.listedAs(form, 'verb') && !/(?:s|ed|ing)$/.test(form);
    const objectNext =
      OBJECTS.has(next.normal) || DETERMINERS.has(next.normal) || AFTER_IMPERATIVE.has(next.normal);
    if (base && objectNext) return { lemma: form, pos: 'verb' };
    return t.pos === 'PROPN' ? this.forms.preferred(form, t.lemma, USUAL) : undefined;
  }

  /** "exhausted" listed as an adjective (B1) below its verb (exhaust, C1): the adjective is the word met. */
  private participle({ t, form, tagged }: At): ClassDecision | undefined {
    if (tagged !== 'verb' || !/(?:ed|ing)$/.test(form)) return undefined;
    const adj = this.forms.levelAs(form, 'adjective');
    const verb = this.forms.levelAs(t.lemma.toLowerCase(), 'verb');
    return adj && (!verb || levelIndex(adj) < levelIndex(verb))
      ? { lemma: form, pos: 'adjective' }
      : undefined;
  }

  /** The tagger's class when the lists agree or do not know the word; otherwise the lists'. */
  private reconcile({ t, form, tagged }: At): ClassDecision | undefined {
    const lemma = t.lemma.toLowerCase();
    if (this.forms.functionOnly(lemma) && this.forms.functionOnly(form)) return undefined;
    if (tagged === 'verb') {
      const verb = this.forms.verb(form, t.lemma);
      if (verb) return { lemma: verb, pos: 'verb' };
      return this.forms.listedContent(lemma)
        ? this.forms.preferred(lemma, lemma, USUAL)
        : { lemma, pos: 'verb' };
    }
    if (tagged === 'noun') {
      const n = this.noun(t);
      // No listed noun has this form, a listed verb does: "stares" is stare, not the noun "star".
      const verb = n.fits ? undefined : this.forms.verb(form, form);
      if (verb) return { lemma: verb, pos: 'verb' };
      return this.forms.listedContent(n.lemma) && !this.forms.listedAs(n.lemma, 'noun')
        ? this.forms.preferred(n.lemma, n.lemma, USUAL)
        : n;
    }
    if (tagged && (this.forms.listedAs(lemma, tagged) || !this.forms.listedContent(lemma)))
      return { lemma, pos: tagged };
    return this.forms.preferred(lemma, lemma, USUAL);
  }

  private noun(t: Token): ClassDecision & { fits: boolean } {
    return this.forms.noun(t.normal, t.lemma);
  }
}

/** The index of the word before `i`, skipping a parenthesised aside ("TYLER (10) bursts in"). */
function wordBefore(tokens: readonly Token[], i: number): number | undefined {
  let k = i - 1;
  if (tokens[k]?.text === ')') {
    while (k >= 0 && tokens[k]?.text !== '(') k--;
    k--;
  }
  return k >= 0 && tokens[k]?.kind === 'word' ? k : undefined;
}

/**
 * The determiner that opens the noun phrase `k` is in ("a small", "the"), found by walking back
 * over adjectives and adverbs, and over nouns too when `overNouns` ("a small brass"); undefined
 * when the phrase has none. Not over nouns for verbs: "the police stop" is a subject and a verb.
 */
function phraseStart(tokens: readonly Token[], k: number, overNouns: boolean): string | undefined {
  let j = k;
  for (; j > 0; j--) {
    const w = tokens[j] as Token;
    if (!PHRASE_INSIDE.has(w.pos) || (!overNouns && w.pos === 'NOUN') || DETERMINERS.has(w.normal)) break;
  }
  const w = tokens[j] as Token;
  return DETERMINERS.has(w.normal) ? w.normal : undefined;
}

function opensClause(w: Token): boolean {
  return w.pos === 'SCONJ' || SUBORDINATORS.has(w.normal);
}

/** The phrase ends after this word: the next token starts no noun or adjective. */
function endsPhrase(next: Token | undefined): boolean {
  return !next || ENDS_PHRASE.has(next.pos);
}

/** A verb or auxiliary between the clause start and token `to` (inclusive). */
function verbBefore(tokens: readonly Token[], to: number): boolean {
  for (let k = to; k >= 0; k--) {
    const p = (tokens[k] as Token).pos;
    if (p === 'PUNCT' || p === 'CCONJ' || p === 'SCONJ') return false;
    if (p === 'VERB' || p === 'AUX') return true;
  }
  return false;
}
