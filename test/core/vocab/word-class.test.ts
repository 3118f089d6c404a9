/**
 * The word-class decision on its own (src/core/vocab/word-class.ts), on labelled sentences: the
 * real tagger's tokens, the shipped lists, and what a reader would call each marked word. The
 * cases are ordinary English, most of them not from any fixture, and include the sentences where
 * the tagger is right and a rule must not fire ("The police stop the car", "Let her go").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { WinkAnalyzer } from '../../../adapters/vocab/wink-analyzer.js';
import type { Token } from '../../../src/core/vocab/ports.js';
import { WordClasses } from '../../../src/core/vocab/word-class.js';
import { shippedLexicon } from './fixture-scripts.js';

let classes: WordClasses;
const analyzer = new WinkAnalyzer();
beforeAll(async () => {
  classes = new WordClasses(await shippedLexicon());
});

/** "[word]" marks the token to classify; names are the capitalised words listed in `names`. */
function decide(sentence: string, names: string[] = []): string {
  const text = sentence.replace(/[[\]]/g, '');
  const tokens = (analyzer.analyze([text])[0] ?? []).flatMap((s) => s.tokens);
  const offset = sentence.indexOf('[');
  let at = 0;
  let i = -1;
  for (let k = 0; k < tokens.length && i < 0; k++) {
    at = text.indexOf((tokens[k] as Token).text, at);
    if (at === offset) i = k;
    at += (tokens[k] as Token).text.length;
  }
  const first = tokens.findIndex((t) => t.kind === 'word');
  const d = classes.decide(tokens, i, first, (k) => names.includes(tokens[k]?.text ?? ''));
  return d ? `${d.lemma} ${d.pos}${d.uncertain ? ' ?' : ''}` : 'function';
}

const CASES: [string, string, string[]?][] = [
  // Imperatives and adjectives that open a sentence.
  ['[Trust] me.', 'trust verb'],
  ['[Talk] to me.', 'talk verb'],
  ['[Listen] to her.', 'listen verb'],
  ['[Look] at this.', 'look verb'],
  ['[Help] me with the bags.', 'help verb'],
  ['[Book] a table for two.', 'book verb'],
  ['[Good] to see you.', 'good adjective'],
  ['[Nice] to meet you.', 'nice adjective'],
  ['[Fine].', 'fine adjective ?'],
  ['[Sorry].', 'sorry adjective'],
  // Verbs after a subject, and nouns that only look like them.
  ['Frank [picks] at his food.', 'pick verb', ['Frank']],
  ['Fog [rolls] in off the sea.', 'roll verb'],
  ['He raises the lamp and [studies] her face.', 'study verb'],
  ['She [stares] at the wall.', 'stare verb'],
  ['The police [stop] the car.', 'stop verb'],
  ['He lost the car [keys].', 'key noun'],
  ['Let her [go].', 'go verb'],
  // Inside a noun phrase.
  ['A small brass [top] slips from his hand.', 'top noun'],
  ['She pours a [clear] liquid into the glass.', 'clear adjective'],
  ['She pours a clear [liquid] into the glass.', 'liquid noun'],
  ['He presses a towel to the [wound].', 'wound noun'],
  ['He [wound] the clock.', 'wind verb'],
  ['The sky is [clear].', 'clear adjective'],
  ['A man with a [lantern] comes in.', 'lantern noun'],
  // Forms and lemmas.
  ['She is [staring] at the rain.', 'stare verb'],
  ['We were [riding] home.', 'ride verb'],
  ['His [pants] are wet.', 'pants noun'],
  ['The [talking] stops.', 'talk verb'],
  ['Nobody sat in the [waiting] room.', 'wait verb'],
  ['[Drinking] coffee all night will not help.', 'drink verb'],
  ['[Standing] under the bridge, she waits.', 'stand verb'],
  ['The [building] is old.', 'building noun'],
  ['I was [exhausted].', 'exhausted adjective'],
  ['The [mice] stood still.', 'mouse noun'],
  ['Her [feet] hurt.', 'foot noun'],
  ['They [stood] still.', 'stand verb'],
  ['It was [easy].', 'easy adjective'],
  // More of the same shapes, written after the rules.
  ['[Wait] for me.', 'wait verb'],
  ['[Come] here.', 'come verb'],
  ['[Great].', 'great adjective'],
  ['[Light] the candle.', 'light verb'],
  ['The [light] is on.', 'light noun'],
  ['The dog [barks] at the mailman.', 'bark verb'],
  ['Water [drips] from the ceiling.', 'drip verb'],
  ['She [closes] the door.', 'close verb'],
  ['A cold [wind] blows.', 'wind noun'],
  ['He [watches] the game.', 'watch verb'],
  ['Two old [watches] lie on the table.', 'watch noun'],
  ['His [shaking] hands drop the cup.', 'shake verb'],
  ['She was [frightened].', 'frightened adjective'],
  ['They found the [missing] piece.', 'missing adjective'],
  ['She saw the [saw] on the bench.', 'saw noun'],
  ['A tall [glass] of milk.', 'glass noun'],
  ['He [hopes] for rain.', 'hope verb'],
  ['Frank, [talk] to me.', 'talk verb', ['Frank']],
  ['The bell over the door [rings].', 'ring verb'],
  ['We wait until the rain [stops].', 'stop verb'],
  ['A jar of [pickles].', 'pickle noun'],
  ['The [shelves] are empty.', 'shelf noun'],
  ['[Later].', 'later adverb ?'],
  ['Shelves of glass [bottles], each one labelled.', 'bottle noun'],
  ['Paper [models] of a city cover the floor.', 'model noun'],
  ['If the architect [designs] the maze, we are safe.', 'design verb'],
  ['He checks his [watch].', 'watch noun'],
];

describe('GIVEN labelled sentences', () => {
  for (const [sentence, want, names] of CASES) {
    it(`THEN ${sentence} → ${want}`, () => {
      expect(decide(sentence, names)).toBe(want);
    });
  }
});
