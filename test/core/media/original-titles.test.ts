/**
 * Titles in every language: a work asked for by its original title, an alternative title TMDb
 * keeps, or an artist's alias is found and added, and the reply says what it was read as.
 */
import { describe, expect, it } from 'vitest';
import { artistKey, film, movieKey, rg, type Credit } from '../../eval/case.js';
import { runQuery } from '../../eval/evaluate.js';

const addedKey = (r: Awaited<ReturnType<typeof runQuery>>) =>
  r.outcome.type === 'add' ? r.outcome.key : r.reply.code;

describe('titles in every language', () => {
  it('add El laberinto del fauno → Pan’s Labyrinth, and the reply reads "El laberinto del fauno → Pan’s Labyrinth (2006)"', async () => {
    const r = await runQuery('add El laberinto del fauno', {
      tmdb: [
        film(1417, "Pan's Labyrinth", '2006-10-11', 24.6, { original: 'El laberinto del fauno', lang: 'es' }),
      ],
      musicbrainz: {
        releaseGroups: [
          rg(
            'fauno-ost',
            'El laberinto del fauno',
            '2006-10-10',
            { slug: 'navarrete', name: 'Javier Navarrete' },
            3,
            {
              secondary: ['Soundtrack'],
            },
          ),
        ],
      },
    });
    expect(addedKey(r)).toBe(movieKey(1417));
    expect(r.reply.text.split('\n')[0]).toBe("El laberinto del fauno → Pan's Labyrinth (2006)");
    expect(r.reply.text).toContain("Added Pan's Labyrinth (2006) to Radarr");
  });

  it('add Sen to Chihiro no Kamikakushi → Spirited Away, by the alternative title TMDb keeps for it', async () => {
    const r = await runQuery('add Sen to Chihiro no Kamikakushi', {
      tmdb: [
        film(129, 'Spirited Away', '2001-07-20', 96.4, {
          original: '千と千尋の神隠し',
          lang: 'ja',
          alt: ['Sen to Chihiro no kamikakushi'],
        }),
      ],
    });
    expect(addedKey(r)).toBe(movieKey(129));
    expect(r.reply.text.split('\n')[0]).toBe('Sen to Chihiro no Kamikakushi → Spirited Away (2001)');
  });

  it('add Puff Daddy → Diddy, by the alias MusicBrainz keeps', async () => {
    const diddy: Credit = {
      slug: 'diddy',
      name: 'Diddy',
      aliases: [{ name: 'Puff Daddy', 'sort-name': 'Puff Daddy', locale: null, type: 'Artist name' }],
    };
    const r = await runQuery('add Puff Daddy', {
      musicbrainz: { releaseGroups: [rg('diddy-nwo', 'No Way Out', '1997-07-22', diddy, 15, { score: 82 })] },
    });
    expect(addedKey(r)).toBe(artistKey('diddy'));
    expect(r.reply.text.split('\n')[0]).toBe('Puff Daddy → Diddy');
  });

  it('add Amelie → Amélie, with no "→" line: only an accent differs', async () => {
    const r = await runQuery('add Amelie', {
      tmdb: [film(194, 'Amélie', '2001-04-25', 38.9, { lang: 'fr' })],
    });
    expect(addedKey(r)).toBe(movieKey(194));
    expect(r.reply.text).not.toContain('→');
  });
});
