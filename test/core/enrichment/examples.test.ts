/** Example sentences: whole 5–20-word dialogue lines first, spread over the script, word marked. */
import { describe, expect, it } from 'vitest';
import { markWord, pickExamples } from '../../../src/core/vocab/enrichment/examples.js';
import type { MovieVocab, ScriptSentence, VocabEntry } from '../../../src/core/vocab/types.js';
import { syntheticVocab } from './helpers.js';

function vocabWith(sentences: ScriptSentence[]): { vocab: MovieVocab; entry: VocabEntry } {
  const vocab = syntheticVocab('m', 0);
  vocab.sentences = sentences;
  const entry: VocabEntry = {
    lemma: 'kick',
    pos: 'noun',
    level: 'B2',
    source: 'CEFR-J',
    count: sentences.length,
    forms: ['kicks', 'kick'],
    sentences: sentences.map((_, i) => i),
  };
  vocab.entries = [entry];
  return { vocab, entry };
}

describe('pickExamples', () => {
  it('prefers whole dialogue sentences of 5–20 words, then spreads them over the script', () => {
    const filler = (i: number): ScriptSentence => ({
      text: `A kick lands on door number ${i} in the hall.`,
      kind: 'action',
    });
    const { vocab, entry } = vocabWith([
      { text: 'We need a kick to wake them up.', kind: 'dialogue', speaker: 'COBB' }, // 0
      { text: 'Kick!', kind: 'dialogue', speaker: 'ARTHUR' }, // 1: too short
      { text: 'The kick is synchronised with the music, so listen.', kind: 'dialogue', speaker: 'EAMES' }, // 2: close to 0
      filler(3),
      filler(4),
      filler(5),
      {
        text: 'Without a kick we will stay down there for years and years.',
        kind: 'dialogue',
        speaker: 'ARIADNE',
      }, // 6
      { text: 'kick', kind: 'heading' }, // never
      filler(8),
      {
        text: 'Give me the kick when the van hits the water, not a second before it, please.',
        kind: 'dialogue',
        speaker: 'COBB',
      }, // 9
    ]);
    const ex = pickExamples(vocab, entry);
    expect(ex.map((e) => e.index)).toEqual([0, 6, 9]);
    expect(ex[0]).toMatchObject({
      speaker: 'COBB',
      kind: 'dialogue',
      marked: 'We need a «kick» to wake them up.',
    });
    expect(ex.every((e) => e.kind === 'dialogue')).toBe(true);
  });

  it('falls back to action lines when there is no dialogue, and never repeats a sentence', () => {
    const { vocab, entry } = vocabWith([
      { text: 'He kicks the chair away from the table.', kind: 'action' },
      { text: 'He kicks the chair away from the table.', kind: 'action' },
      { text: 'Kick.', kind: 'dialogue', speaker: 'MAL' },
    ]);
    const ex = pickExamples(vocab, entry);
    expect(ex.map((e) => e.text)).toEqual(['Kick.', 'He kicks the chair away from the table.']);
    expect(ex[1]?.marked).toBe('He «kicks» the chair away from the table.');
  });
});

describe('markWord', () => {
  it('marks the longest form, whole words only, case kept; multiword headwords across spaces', () => {
    expect(markWord('Kickstart the KICKS now', { lemma: 'kick', forms: ['kicks'] })).toBe(
      'Kickstart the «KICKS» now',
    );
    expect(markWord('Just mull  over it.', { lemma: 'mull over', forms: [] })).toBe('Just «mull  over» it.');
    expect(markWord('Nothing here.', { lemma: 'kick', forms: [] })).toBe('Nothing here.');
  });
});
