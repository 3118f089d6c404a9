import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SubtitleScriptSource } from '../../../adapters/vocab/subtitle-script-source.js';
import { subtitleCues, subtitleTranscript } from '../../../adapters/vocab/subtitles.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/imsdb/${name}`, import.meta.url), 'utf8');

describe('GIVEN an .srt file', () => {
  const cues = subtitleCues(fixture('dream-heist.srt'));

  it('THEN only the spoken text is kept: no numbers, timings, tags, dashes, sound notes, labels or music', () => {
    expect(cues.slice(0, 6)).toEqual([
      'Every dream starts in the middle.',
      'Where are we? Somewhere we abandoned',
      'a long time ago.',
      'The architect builds the maze, and the dreamer fills it.',
      "I'm gonna need a totem before we go any deeper.",
      'We have to abandon the plan and improvise, all right?',
    ]);
    const all = cues.join('\n');
    for (const debris of ['-->', '<i>', 'THUNDER', 'COBB:', '{\\an8}', '♪', 'regrette'])
      expect(all).not.toContain(debris);
  });

  it('THEN a cue that does not end a sentence runs on into the next', () => {
    expect(subtitleTranscript(fixture('dream-heist.srt')).split('\n\n')[1]).toBe(
      'Where are we? Somewhere we abandoned a long time ago.',
    );
  });

  it('THEN CRLF files and a byte-order mark read the same', () => {
    const crlf = `\uFEFF${fixture('dream-heist.srt').replace(/\n/g, '\r\n')}`;
    expect(subtitleCues(crlf)).toEqual(cues);
  });
});

describe('GIVEN a .vtt file', () => {
  it('THEN the header, NOTE blocks, cue settings and voice tags are dropped', () => {
    expect(subtitleCues(fixture('dream-heist.vtt'))).toEqual([
      'Every dream starts in the middle.',
      'We abandoned the plan.',
    ]);
  });
});

describe('the attachment reader', () => {
  const reader = new SubtitleScriptSource({ maxChars: 10_000 });

  it('accepts .srt and .vtt only', () => {
    expect(reader.accepts('Inception.SRT')).toBe(true);
    expect(reader.accepts('inception.vtt')).toBe(true);
    expect(reader.accepts('inception.pdf')).toBe(false);
  });

  it('gives a transcript, a miss for a file with no cues, and a miss for a file over the cap', () => {
    expect(reader.read({ filename: 'a.srt', content: fixture('dream-heist.srt') })).toMatchObject({
      found: true,
      script: { format: 'transcript', source: 'subtitles', origin: 'a.srt' },
    });
    expect(reader.read({ filename: 'a.srt', content: 'just some words\nno timings' })).toMatchObject({
      found: false,
      miss: 'not_script',
    });
    expect(reader.read({ filename: 'a.srt', content: 'x'.repeat(10_001) })).toMatchObject({
      found: false,
      miss: 'too_large',
    });
  });
});
