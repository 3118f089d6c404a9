/**
 * The cleaning rules on their own, on labelled lines in the shapes screenplays use: directions
 * inside action and speech, flush-left cues against slug lines, language directions, footers.
 */
import { describe, expect, it } from 'vitest';
import { spokenLanguage } from '../../../src/core/vocab/foreign.js';
import { parseScreenplay } from '../../../src/core/vocab/screenplay.js';
import { cleanAction, cleanSpeech } from '../../../src/core/vocab/stage-directions.js';

describe('GIVEN action paragraphs with directions in them', () => {
  const cases: [string, string][] = [
    ['ANGLE ON the door as it swings open.', 'The door as it swings open.'],
    ["CLOSE ON Rose's hands, shaking.", "Rose's hands, shaking."],
    ['WIDE ON the valley. Smoke rises.', 'The valley. Smoke rises.'],
    ['CAMERA PANS with him as he crosses.', 'With him as he crosses.'],
    ['SFX: a horn, far off.', 'A horn, far off.'],
    ['BANG! The door slams. CRASH! CRASH!', 'The door slams.'],
    ['A long beat. She nods.', 'She nods.'],
    ['After a beat, he sits. Beat. Beat.', 'He sits.'],
    [
      'Rain beats on the roof. The drummer keeps the beat.',
      'Rain beats on the roof. The drummer keeps the beat.',
    ],
    ['He inserts a coin. A WOMAN ON THE BUS waves.', 'He inserts a coin. A WOMAN ON THE BUS waves.'],
    ['CAMERA MOVES IN to a CLOSEUP of Martha.', 'To a of Martha.'],
  ];
  for (const [text, want] of cases)
    it(`THEN "${text}" reads "${want}"`, () => expect(cleanAction(text)).toBe(want));
});

describe('GIVEN a speech with directions left in its lines', () => {
  it('THEN inline parentheticals and bare beats go, the words stay', () => {
    expect(cleanSpeech("I know. (beat) I know. (to Rose) You don't.")).toBe("I know. I know. You don't.");
    expect(cleanSpeech('Beat.')).toBe('');
  });
});

describe('GIVEN a script typed flush left', () => {
  const cues = (text: string) => parseScreenplay(`INT. HOUSE - DAY\n\n${text}`).characters;

  it('THEN a slug line followed by action is no character', () => {
    expect(cues('KITCHEN\nMary pours coffee.')).toEqual([]);
    expect(cues('THE BACK YARD\nA dog sleeps.')).toEqual([]);
    expect(cues('LATER\nThe rain stops.')).toEqual([]);
    expect(cues('CLOSE ON THE LETTER\nIt is unsigned.')).toEqual([]);
  });

  it('THEN a cue shows it names someone: an extension, a parenthetical, a mention, or speech', () => {
    expect(cues('THE DOCTOR (O.S.)\nHello?')).toEqual(['THE DOCTOR']);
    expect(cues('NURSE\n(tired)\nNext.')).toEqual(['NURSE']);
    expect(cues('MARY\nI cannot stay.')).toEqual(['MARY']);
    expect(cues('JOHN (40s) waits.\n\nJOHN\nThe car is outside.')).toEqual(['JOHN']);
  });

  it('THEN a speech ends at the next cue even with no blank line between', () => {
    const { blocks } = parseScreenplay('INT. HOUSE - DAY\n\nMARY\nAre you there?\nJOHN\nI am here.\n');
    expect(blocks.filter((b) => b.kind === 'dialogue').map((b) => [b.speaker, b.text])).toEqual([
      ['MARY', 'Are you there?'],
      ['JOHN', 'I am here.'],
    ]);
  });
});

describe('GIVEN directions that name a language', () => {
  it('THEN another language is recognised, English and manner are not', () => {
    for (const d of ['in Spanish', 'IN SPANISH', 'speaking Hebrew', 'in Yiddish', 'subtitled'])
      expect(spokenLanguage(d), d).toBeDefined();
    for (const d of ['in English', 'in a whisper', 'in pain', 'quietly', 'into phone'])
      expect(spokenLanguage(d), d).toBeUndefined();
  });

  it('THEN the speech under "(in Spanish)" is marked foreign, up to the next direction', () => {
    const { blocks } = parseScreenplay(
      'INT. SHOP - DAY\n\nDOLORES\n(in Spanish)\nNo sé.\n(in English)\nI said no.\n',
    );
    expect(blocks.filter((b) => b.kind === 'dialogue').map((b) => [b.text, b.foreign ?? false])).toEqual([
      ['No sé.', true],
      ['I said no.', false],
    ]);
  });
});

describe('GIVEN what follows a script', () => {
  it('THEN a site footer is not script, with or without a closing THE END', () => {
    const footer = '\n\nNight Ferry\n\nWriters : Ada Example\nGenres : Drama\n\nUser Comments\n';
    for (const end of ['\n\nTHE END', '']) {
      const { blocks } = parseScreenplay(`INT. PIER - NIGHT\n\nA gull lands.${end}${footer}`);
      expect(blocks.map((b) => b.text)).toEqual(['INT. PIER - NIGHT', 'A gull lands.']);
    }
  });
});
