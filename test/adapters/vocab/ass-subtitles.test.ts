import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SubtitleScriptSource } from '../../../adapters/vocab/subtitle-script-source.js';
import { subtitleCues, subtitleTranscript } from '../../../adapters/vocab/subtitles.js';

const ass = readFileSync(new URL('../../fixtures/vocab/dream-heist.ass', import.meta.url), 'utf8');

describe('GIVEN an .ass file as Aegisub writes it, with karaoke, signs and SDH notes', () => {
  const cues = subtitleCues(ass);

  it('THEN it is read by its content, and only the shown words remain, in order of time', () => {
    expect(cues).toEqual([
      'Every dream starts in the middle.',
      'Where are we? Somewhere we abandoned,',
      'a long time ago, before the war.',
      'CAFE DU REVE',
      'The architect builds the maze, and the dreamer fills it.',
      "I'm gonna need a totem before we go any deeper.",
      'We have to abandon the plan and improvise, all right?',
    ]);
  });

  it('THEN karaoke timings, positioning, drawings, comments and the project section leave no trace', () => {
    const all = cues.join('\n');
    for (const debris of ['\\k', '{', '\\pos', 'm 0 0', '420', 'TL note', 'template', 'dream-heist.mkv'])
      expect(all).not.toContain(debris);
  });

  it('THEN the SDH cleaning of the .srt path applies: sound notes, speaker labels, dashes, music', () => {
    const all = cues.join('\n');
    for (const debris of ['THUNDER', 'COBB:', '- Where', '♪', 'regrette']) expect(all).not.toContain(debris);
  });

  it('THEN the same line stacked on two layers at once counts once', () => {
    expect(cues.filter((c) => c === 'CAFE DU REVE')).toHaveLength(1);
  });

  it('THEN a line that does not end a sentence runs on into the next', () => {
    expect(subtitleTranscript(ass).split('\n\n')[1]).toBe(
      'Where are we? Somewhere we abandoned, a long time ago, before the war.',
    );
  });
});

describe('GIVEN an [Events] section whose Format line has its own field order', () => {
  it('THEN Text is found where that line puts it, and keeps its commas', () => {
    const file = [
      '[Events]',
      'Format: Start, End, Style, Text',
      'Dialogue: 0:00:02.00,0:00:04.00,Default,Well, well, well, look who it is.',
      'Dialogue: 0:00:01.00,0:00:02.00,Default,{\\fad(200,200)}First, the kick.',
    ].join('\n');
    expect(subtitleCues(file)).toEqual(['First, the kick.', 'Well, well, well, look who it is.']);
  });
});

describe('GIVEN an older .ssa file (SubStation Alpha v4)', () => {
  it('THEN its Marked= field and [V4 Styles] read like .ass', () => {
    const file = [
      '[Script Info]',
      'ScriptType: v4.00',
      '',
      '[V4 Styles]',
      'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding',
      'Style: Default,Arial,20,16777215,65535,65535,-2147483640,-1,0,1,3,0,2,30,30,30,0,0',
      '',
      '[Events]',
      'Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
      'Dialogue: Marked=0,0:00:01.00,0:00:03.00,Default,,0000,0000,0000,,You mean, a dream within a dream?',
    ].join('\r\n');
    expect(subtitleCues(file)).toEqual(['You mean, a dream within a dream?']);
  });
});

describe('the attachment reader', () => {
  const reader = new SubtitleScriptSource({ maxChars: 100_000 });

  it('accepts .ass and .ssa files and reads them as a transcript', () => {
    expect(reader.accepts('Inception.ASS')).toBe(true);
    expect(reader.accepts('inception.ssa')).toBe(true);
    expect(reader.read({ filename: 'dream-heist.ass', content: ass })).toMatchObject({
      found: true,
      script: { format: 'transcript', source: 'subtitles', origin: 'dream-heist.ass' },
    });
  });

  it('gives a miss for an .ass file with nothing shown in it', () => {
    const empty = '[Script Info]\nTitle: x\n\n[Events]\nFormat: Layer, Start, End, Style, Text\n';
    expect(reader.read({ filename: 'x.ass', content: empty })).toMatchObject({
      found: false,
      miss: 'not_script',
    });
  });
});
