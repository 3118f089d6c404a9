import { describe, expect, it } from 'vitest';
import { buttonLabel, keyboardFor, renderReply } from '../../../adapters/chat/telegram/render.js';
import { splitText, takeHead } from '../../../adapters/chat/telegram/split-text.js';
import { decodeChoice } from '../../../src/core/choice-data.js';
import type { Reply } from '../../../src/core/types.js';

const prompt: Reply = {
  code: 'media.pick',
  text: 'Which one do you mean?',
  choices: {
    token: 'k3y9x0abcd',
    options: [
      { label: 'Dexter (2006) · series', kind: 'series' },
      { label: 'Dexter (2006) · movie', kind: 'movie' },
      { label: 'Dexter · artist', kind: 'artist' },
    ],
    noneLabel: 'None of these',
  },
};

describe('keyboard', () => {
  it('GIVEN candidates THEN one button per row with the kind’s icon, then "None of these"', () => {
    const kb = keyboardFor(prompt.choices!);
    expect(kb.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['📺 Dexter (2006) · series'],
      ['🎬 Dexter (2006) · movie'],
      ['🎵 Dexter · artist'],
      ['None of these'],
    ]);
  });

  it('GIVEN buttons THEN their data decodes back to token and option, within 64 bytes', () => {
    const data = keyboardFor(prompt.choices!)
      .inline_keyboard.flat()
      .map((b) => ('callback_data' in b ? b.callback_data : ''));
    expect(data.map((d) => decodeChoice(d))).toEqual([
      { token: 'k3y9x0abcd', option: 0 },
      { token: 'k3y9x0abcd', option: 1 },
      { token: 'k3y9x0abcd', option: 2 },
      { token: 'k3y9x0abcd', option: 'none' },
    ]);
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
  });

  it('GIVEN a label already starting with its icon or a very long one THEN no double icon, cut with …', () => {
    expect(buttonLabel({ label: '🎬 Heat (1995)', kind: 'movie' })).toBe('🎬 Heat (1995)');
    const long = buttonLabel({
      label: 'Inception (Music From the Motion Picture) by Hans Zimmer, deluxe 2010 edition',
      kind: 'album',
    });
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('renderReply', () => {
  const added: Reply = {
    code: 'media.added',
    text: 'Added Dexter to Sonarr.',
    card: {
      title: 'Dexter',
      year: 2006,
      kind: 'series',
      destination: 'Sonarr',
      posterUrl: 'https://image.tmdb.org/t/p/w500/q8dWfc4JwQuv3HayIZeO84jAXED.jpg',
      overview: 'Dexter Morgan, a blood spatter pattern analyst for the Miami Metro Police…',
    },
  };

  it('GIVEN a poster THEN a photo with the text and card as caption', () => {
    const r = renderReply(added);
    expect(r.photo).toBe(added.card?.posterUrl);
    expect(r.head).toBe(
      'Added Dexter to Sonarr.\n\n📺 Dexter (2006) → Sonarr\nDexter Morgan, a blood spatter pattern analyst for the Miami Metro Police…',
    );
    expect(r.rest).toEqual([]);
  });

  it('GIVEN no poster THEN text only', () => {
    const r = renderReply({ code: 'help', text: 'Try: add Dexter' });
    expect(r).toEqual({ head: 'Try: add Dexter', rest: [] });
  });

  it('GIVEN an edit of a text message THEN the poster becomes a link preview', () => {
    const r = renderReply(added, 'text');
    expect(r.photo).toBeUndefined();
    expect(r.preview).toBe(added.card?.posterUrl);
  });

  it('GIVEN a caption over 1024 characters THEN the caption is cut at a line and the rest follows', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Line ${i}: ${'x'.repeat(30)}`);
    const r = renderReply({ ...added, text: lines.join('\n') });
    expect(r.head.length).toBeLessThanOrEqual(1024);
    expect(r.rest.length).toBeGreaterThan(0);
    expect([r.head, ...r.rest].join('\n')).toContain('Line 59');
    expect(r.head.endsWith('x')).toBe(true);
  });

  it('GIVEN an empty reply THEN never an empty message', () => {
    expect(renderReply({ code: 'help', text: '  ' }).head).toBe('…');
  });
});

describe('splitText', () => {
  it('GIVEN 10,000 characters of lines THEN pieces under 4096, cut at line ends, nothing lost', () => {
    const text = Array.from({ length: 400 }, (_, i) => `${i}. ${'word '.repeat(4)}`.trim()).join('\n');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n')).toBe(text);
  });

  it('GIVEN no spaces at all THEN a hard cut that does not split an emoji', () => {
    const text = 'a' + '🎬'.repeat(3000);
    const parts = splitText(text, 4096);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(parts.join('')).toBe(text);
  });

  it('GIVEN a paragraph break in the second half THEN it is preferred over a line break', () => {
    const [head, rest] = takeHead(`${'a'.repeat(60)}\n\n${'b'.repeat(20)}\n${'c'.repeat(30)}`, 100);
    expect(head).toBe('a'.repeat(60));
    expect(rest.startsWith('b')).toBe(true);
  });
});
