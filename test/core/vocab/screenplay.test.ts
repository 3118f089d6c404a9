import { describe, expect, it } from 'vitest';
import { parseScreenplay, parseTranscript, unwrap } from '../../../src/core/vocab/screenplay.js';

const PAGE = `
                         THE LONG NIGHT

                          Written by
                         Nobody Famous



FADE IN:

12   INT. TRAIN STATION - NIGHT                                   12

     Rain hammers the glass roof. LENA (30s) waits on an
     empty platform, a suitcase at her feet.

                         LENA (V.O.)
               I told myself I would never come
               back to this city.

                         GUARD (O.S.)
               Last train's gone, miss.

     She turns. Nobody there.
                                                          7.
                         LENA (CONT'D)
                    (under her breath)
               Then I'll wait for the first one.
               (beat)
               I've waited longer.

                                                    CUT TO:

13   EXT. PLATFORM - CONTINUOUS                                   13

     A freight train thunders past, its whistle tearing the
     night apart. The suit-
     case topples over.

                         LENA
               Wonderful. Just
               (MORE)
                                                          8.
                         LENA (CONT'D)
               wonderful.

                                                 FADE OUT.
`;

describe('GIVEN a screenplay page', () => {
  const { blocks, characters } = parseScreenplay(PAGE);

  it('THEN it becomes headings, dialogue with speakers, parentheticals and action, in order', () => {
    expect(blocks.map((b) => [b.kind, b.speaker ?? '', b.text])).toEqual([
      ['heading', '', 'INT. TRAIN STATION - NIGHT'],
      [
        'action',
        '',
        'Rain hammers the glass roof. LENA (30s) waits on an empty platform, a suitcase at her feet.',
      ],
      ['dialogue', 'LENA', 'I told myself I would never come back to this city.'],
      ['dialogue', 'GUARD', "Last train's gone, miss."],
      ['action', '', 'She turns. Nobody there.'],
      ['parenthetical', 'LENA', 'under her breath'],
      ['dialogue', 'LENA', "Then I'll wait for the first one."],
      ['parenthetical', 'LENA', 'beat'],
      ['dialogue', 'LENA', "I've waited longer."],
      ['heading', '', 'EXT. PLATFORM - CONTINUOUS'],
      [
        'action',
        '',
        'A freight train thunders past, its whistle tearing the night apart. The suit-case topples over.',
      ],
      ['dialogue', 'LENA', 'Wonderful. Just wonderful.'],
    ]);
  });

  it('THEN debris is gone: title page, page numbers, CONT’D, V.O., O.S., (MORE), transitions, scene numbers', () => {
    const all = blocks.map((b) => `${b.speaker ?? ''} ${b.text}`).join('\n');
    for (const debris of [
      'Written by',
      'Nobody Famous',
      '7.',
      '8.',
      "CONT'D",
      'V.O.',
      'O.S.',
      'MORE',
      'CUT TO',
      'FADE',
      '12',
      '13',
    ]) {
      expect(all).not.toContain(debris);
    }
  });

  it('THEN the cues give the character names, and each block knows its scene', () => {
    expect(characters.sort()).toEqual(['GUARD', 'LENA']);
    expect(blocks.filter((b) => b.scene === 1).map((b) => b.kind)).toEqual(['heading', 'action', 'dialogue']);
  });
});

describe('GIVEN a script typed flush left', () => {
  it('THEN a short capitalised line followed by speech is still a cue', () => {
    const { blocks } = parseScreenplay(
      [
        'INT. KITCHEN - DAY',
        '',
        'Tom pours coffee.',
        '',
        'TOM',
        'You want some?',
        '',
        'ANNA',
        'No. I want answers.',
      ].join('\n'),
    );
    expect(blocks.map((b) => [b.kind, b.speaker ?? ''])).toEqual([
      ['heading', ''],
      ['action', ''],
      ['dialogue', 'TOM'],
      ['dialogue', 'ANNA'],
    ]);
  });

  it('THEN a shouted sound on its own line is not taken for a character', () => {
    const { characters } = parseScreenplay('The door shakes.\n\nBANG!\nThe lock gives way.');
    expect(characters).toEqual([]);
  });
});

describe('unwrapping', () => {
  it('joins hard-wrapped lines, keeps a compound split at its hyphen whole, keeps dashes as dashes', () => {
    expect(unwrap(['He runs for the', 'door--', 'too late. A well-', 'known face turns.'])).toBe(
      'He runs for the door-- too late. A well-known face turns.',
    );
  });
});

describe('GIVEN subtitle text', () => {
  it('THEN each paragraph is one spoken block', () => {
    expect(parseTranscript('Where are we?\n\nSomewhere we\nabandoned.\n').blocks).toEqual([
      { kind: 'dialogue', text: 'Where are we?' },
      { kind: 'dialogue', text: 'Somewhere we abandoned.' },
    ]);
  });
});
