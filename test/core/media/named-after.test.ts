/**
 * Works named after another give way: a soundtrack carries its film's title, a self-titled album
 * its artist's name. Typing the title means the film or the artist, unless the message says album,
 * or the soundtrack is better known than its film.
 */
import { describe, expect, it } from 'vitest';
import { albumKey, artistKey, film, movieKey, rg, type Credit } from '../../eval/case.js';
import { runQuery } from '../../eval/evaluate.js';

const zimmer: Credit = { slug: 'zimmer', name: 'Hans Zimmer' };
const interstellar = {
  tmdb: [film(157336, 'Interstellar', '2014-11-05', 152.7)],
  musicbrainz: {
    releaseGroups: [
      rg('interstellar-ost', 'Interstellar', '2014-11-17', zimmer, 11, { secondary: ['Soundtrack'] }),
    ],
  },
};
const metallica: Credit = { slug: 'metallica', name: 'Metallica' };
const metallicaAlbums = {
  tmdb: [film(175574, 'Metallica Through the Never', '2013-09-27', 7.9)],
  musicbrainz: {
    releaseGroups: [
      rg('metallica-black', 'Metallica', '1991-08-12', metallica, 46),
      rg('metallica-mop', 'Master of Puppets', '1986-03-03', metallica, 38, { score: 80 }),
    ],
  },
};
const addedKey = (r: Awaited<ReturnType<typeof runQuery>>) =>
  r.outcome.type === 'add' ? r.outcome.key : r.reply.code;

describe('works named after another give way', () => {
  it('add Interstellar → the film goes to Radarr; Hans Zimmer’s soundtrack of the same title is no question', async () => {
    const r = await runQuery('add Interstellar', interstellar);
    expect(addedKey(r)).toBe(movieKey(157336));
    expect(r.radarr.adds).toHaveLength(1);
    expect(r.lidarr.adds).toEqual([]);
  });

  it('add album Interstellar → the soundtrack goes to Lidarr', async () => {
    const r = await runQuery('add album Interstellar', interstellar);
    expect(addedKey(r)).toBe(albumKey('interstellar-ost'));
  });

  it('add Metallica → the band, not the self-titled album; add album Metallica → the album', async () => {
    expect(addedKey(await runQuery('add Metallica', metallicaAlbums))).toBe(artistKey('metallica'));
    expect(addedKey(await runQuery('add album Metallica', metallicaAlbums))).toBe(
      albumKey('metallica-black'),
    );
  });

  it('add Saturday Night Fever → asks: the soundtrack is better known than the film it is named after', async () => {
    const r = await runQuery('add Saturday Night Fever', {
      tmdb: [film(11009, 'Saturday Night Fever', '1977-12-14', 16.8)],
      musicbrainz: {
        releaseGroups: [
          rg(
            'snf-ost',
            'Saturday Night Fever',
            '1977-11-15',
            { slug: 'various', name: 'Various Artists' },
            45,
            {
              secondary: ['Soundtrack'],
            },
          ),
        ],
      },
    });
    expect(r.reply.code).toBe('media.pick');
    expect(r.radarr.adds).toEqual([]);
  });

  it('add Blade Runner → asks: Vangelis’s album came out twelve years after the film, a work of its own', async () => {
    const r = await runQuery('add Blade Runner', {
      tmdb: [film(78, 'Blade Runner', '1982-06-25', 51.6)],
      musicbrainz: {
        releaseGroups: [
          rg('vangelis-br', 'Blade Runner', '1994-06-20', { slug: 'vangelis', name: 'Vangelis' }, 12, {
            secondary: ['Soundtrack'],
          }),
        ],
      },
    });
    expect(r.reply.code).toBe('media.pick');
  });
});
