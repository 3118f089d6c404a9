import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/chat/discord/render.js';
import { decodeChoice } from '../../../src/core/choice-data.js';
import type { Reply } from '../../../src/core/types.js';
import { checkMessageLimits, checkSchema } from '../../fakes/discord/checks.js';

const card: Reply = {
  code: 'media.added',
  text: 'Added Dexter to Sonarr.',
  card: {
    title: 'Dexter',
    year: 2006,
    kind: 'series',
    confidence: 0.934,
    destination: 'Sonarr',
    posterUrl: 'https://image.tmdb.org/t/p/w342/q8dWfc4JwQuv3HayIZeO84jAXED.jpg',
    overview: 'Dexter Morgan, a blood spatter pattern analyst…',
  },
};

function prompt(n: number, label = (i: number) => `Option ${i}`): Reply {
  return {
    code: 'media.pick',
    text: 'Which one do you mean?',
    choices: {
      token: 'abc123xyz0',
      options: Array.from({ length: n }, (_, i) => ({ label: label(i), kind: i % 2 ? 'movie' : 'series' })),
      noneLabel: 'None of these',
    },
  };
}

describe('renderReply', () => {
  it('GIVEN a card THEN an embed with the poster as thumbnail and year, kind, confidence, destination', () => {
    const out = renderReply(card);
    expect(out.content).toBe('Added Dexter to Sonarr.');
    expect(out.embeds).toHaveLength(1);
    const e = out.embeds[0];
    expect(e?.title).toBe('📺 Dexter');
    expect(e?.thumbnail?.url).toBe(card.card?.posterUrl);
    expect(e?.fields).toEqual([
      { name: 'Year', value: '2006', inline: true },
      { name: 'Kind', value: 'Series', inline: true },
      { name: 'Confidence', value: '93%', inline: true },
      { name: 'Goes to', value: 'Sonarr', inline: true },
    ]);
    expect(out.components).toEqual([]);
    expect(checkMessageLimits(out)).toEqual([]);
  });

  it('GIVEN choices THEN one button each, emoji by kind, custom_id decodes to token and index, then "None of these"', () => {
    const out = renderReply(prompt(3));
    expect(out.components).toHaveLength(2);
    const [row, none] = out.components;
    expect(row?.components.map((b) => ('label' in b ? b.label : ''))).toEqual([
      '📺 Option 0',
      '🎬 Option 1',
      '📺 Option 2',
    ]);
    const ids = row?.components.map((b) => ('custom_id' in b ? decodeChoice(b.custom_id) : null));
    expect(ids).toEqual([0, 1, 2].map((option) => ({ token: 'abc123xyz0', option })));
    const noneButton = none?.components[0];
    expect(noneButton && 'custom_id' in noneButton ? decodeChoice(noneButton.custom_id) : null).toEqual({
      token: 'abc123xyz0',
      option: 'none',
    });
    expect(checkSchema('MessageCreateRequest', out)).toEqual([]);
  });

  it('GIVEN many options and huge labels THEN at most 5 rows of 5, labels ≤ 80, all accepted by Discord', () => {
    const out = renderReply(prompt(30, (i) => `${'Very long title '.repeat(10)}${i}`));
    expect(out.components.length).toBeLessThanOrEqual(5);
    for (const row of out.components) expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of out.components.flatMap((r) => r.components)) {
      expect('label' in b && b.label ? b.label.length : 0).toBeLessThanOrEqual(80);
    }
    expect(checkMessageLimits(out)).toEqual([]);
    expect(out.components.at(-1)?.components[0]).toMatchObject({ label: 'None of these' });
  });

  it('GIVEN a prompt without a none label THEN no none button', () => {
    const r = prompt(2);
    delete r.choices?.noneLabel;
    expect(renderReply(r).components).toHaveLength(1);
  });

  it('GIVEN text over 2000 characters THEN it is cut to fit', () => {
    const out = renderReply({ code: 'help', text: 'é'.repeat(2500) });
    expect(out.content.length).toBe(2000);
    expect(renderReply({ code: 'help', text: '🎬'.repeat(1500) }).content).toMatch(/^(🎬)+…$/u);
    expect(checkMessageLimits(out)).toEqual([]);
  });

  it('GIVEN a document THEN an attachment', () => {
    const out = renderReply({
      code: 'vocab.enrichReady',
      text: 'Here',
      document: { filename: 'inception-fr.csv', mimeType: 'text/csv', content: 'word,level\n' },
    });
    expect(out.files).toEqual([{ name: 'inception-fr.csv', attachment: Buffer.from('word,level\n') }]);
  });

  it('GIVEN a poster path that is not a URL THEN no thumbnail (Discord would refuse it)', () => {
    const out = renderReply({ ...card, card: { ...card.card!, posterUrl: '/q8dW.jpg' } });
    expect(out.embeds[0]?.thumbnail).toBeUndefined();
  });
});
