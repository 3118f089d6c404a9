/** Bands and albums that share a title with films, and albums named after their band. */
import { albumKey, artistKey, film, movieKey, rg, show, type Credit, type EvalCase } from '../case.js';

const band = 'band vs film' as const;
const album = 'album vs film' as const;
const self = 'self-titled album' as const;

const queen: Credit = { slug: 'queen', name: 'Queen' };
const nirvana: Credit = { slug: 'nirvana', name: 'Nirvana', disambiguation: '1980s–1990s US grunge band' };
const nirvanaUk: Credit = { slug: 'nirvana-uk', name: 'Nirvana', disambiguation: '1960s UK band' };
const oasis: Credit = { slug: 'oasis', name: 'Oasis' };
const kiss: Credit = { slug: 'kiss', name: 'KISS' };
const eagles: Credit = { slug: 'eagles', name: 'Eagles' };
const who: Credit = { slug: 'the-who', name: 'The Who' };
const prince: Credit = { slug: 'prince', name: 'Prince' };
const floyd: Credit = { slug: 'pink-floyd', name: 'Pink Floyd' };
const mj: Credit = { slug: 'michael-jackson', name: 'Michael Jackson' };
const fleetwood: Credit = { slug: 'fleetwood-mac', name: 'Fleetwood Mac' };
const weezer: Credit = { slug: 'weezer', name: 'Weezer' };
const metallica: Credit = { slug: 'metallica', name: 'Metallica' };
const zeppelin: Credit = { slug: 'led-zeppelin', name: 'Led Zeppelin' };
const boston: Credit = { slug: 'boston', name: 'Boston' };
const gabriel: Credit = { slug: 'peter-gabriel', name: 'Peter Gabriel' };

export const weezerAlbums = [
  rg('weezer-blue', 'Weezer', '1994-05-10', weezer, 31),
  rg('weezer-green', 'Weezer', '2001-05-15', weezer, 14),
  rg('weezer-red', 'Weezer', '2008-06-03', weezer, 8),
  rg('weezer-white', 'Weezer', '2016-04-01', weezer, 5),
  rg('weezer-teal', 'Weezer', '2019-01-24', weezer, 3),
  rg('weezer-pinkerton', 'Pinkerton', '1996-09-24', weezer, 19, { score: 80 }),
];
export const metallicaAlbums = [
  rg('metallica-black', 'Metallica', '1991-08-12', metallica, 46),
  rg('metallica-mop', 'Master of Puppets', '1986-03-03', metallica, 38, { score: 80 }),
  rg('metallica-rtl', 'Ride the Lightning', '1984-07-27', metallica, 33, { score: 80 }),
];
export const blueAlbum = albumKey('weezer-blue');

export const musicVsFilm: EvalCase[] = [
  {
    query: 'add Queen',
    class: band,
    expect: { ask: artistKey('queen') },
    why: 'The Queen (2006) is as likely in a film bot',
    catalogs: {
      tmdb: [
        film(1165, 'The Queen', '2006-09-15', 14.9),
        film(253196, 'Queen', '2014-03-07', 7.8, { lang: 'hi' }),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('queen-ano', 'A Night at the Opera', '1975-11-21', queen, 41, { score: 76 }),
          rg('queen-news', 'News of the World', '1977-10-28', queen, 33, { score: 76 }),
          rg('queen-queen', 'Queen', '1973-07-13', queen, 24),
        ],
      },
    },
  },
  {
    query: 'add Nirvana',
    class: band,
    expect: { add: artistKey('nirvana') },
    catalogs: {
      tmdb: [film(9061, 'Nirvana', '1997-01-24', 5.2, { lang: 'it' })],
      musicbrainz: {
        releaseGroups: [
          rg('nirvana-nevermind', 'Nevermind', '1991-09-24', nirvana, 50, { score: 78 }),
          rg('nirvana-utero', 'In Utero', '1993-09-13', nirvana, 31, { score: 78 }),
          rg('nirvana-bleach', 'Bleach', '1989-06-15', nirvana, 19, { score: 78 }),
          rg('nirvana-uk-story', 'The Story of Simon Simopath', '1968', nirvanaUk, 4, { score: 78 }),
        ],
      },
    },
  },
  {
    query: 'add Oasis',
    class: band,
    expect: { add: artistKey('oasis') },
    catalogs: {
      tmdb: [
        film(9298, 'Oasis', '2002-08-09', 6.3, { original: '오아시스', lang: 'ko' }),
        film(402693, 'Oasis: Supersonic', '2016-10-02', 8.4),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('oasis-definitely', 'Definitely Maybe', '1994-08-29', oasis, 34, { score: 77 }),
          rg('oasis-morning', '(What’s the Story) Morning Glory?', '1995-10-02', oasis, 44, { score: 77 }),
        ],
      },
    },
  },
  {
    query: 'add Kiss',
    class: band,
    expect: { add: artistKey('kiss') },
    catalogs: {
      tmdb: [film(42196, 'Kiss', '1963-01-01', 1.9), film(150247, 'The Kiss', '1896-04-01', 3.2)],
      musicbrainz: {
        releaseGroups: [
          rg('kiss-alive', 'Alive!', '1975-09-10', kiss, 29, { score: 75 }),
          rg('kiss-destroyer', 'Destroyer', '1976-03-15', kiss, 31, { score: 75 }),
          rg('kiss-kiss', 'Kiss', '1974-02-18', kiss, 21),
        ],
      },
    },
  },
  {
    query: 'add Eagles',
    class: band,
    expect: { add: artistKey('eagles') },
    catalogs: {
      tmdb: [film(52015, 'The Eagle', '2011-02-09', 17.3)],
      musicbrainz: {
        releaseGroups: [
          rg('eagles-hotel', 'Hotel California', '1976-12-08', eagles, 48, { score: 75 }),
          rg('eagles-eagles', 'Eagles', '1972-06-01', eagles, 17),
        ],
      },
    },
  },
  {
    query: 'add Tommy',
    class: album,
    expect: { ask: albumKey('who-tommy') },
    catalogs: {
      tmdb: [film(11326, 'Tommy', '1975-03-19', 10.4), show(110316, 'Tommy', '2020-02-06', 6.1, 371652)],
      musicbrainz: { releaseGroups: [rg('who-tommy', 'Tommy', '1969-05-17', who, 39)] },
    },
  },
  {
    query: 'add Purple Rain',
    class: album,
    expect: { ask: albumKey('prince-purple-rain') },
    catalogs: {
      tmdb: [film(13763, 'Purple Rain', '1984-07-27', 14.6)],
      musicbrainz: { releaseGroups: [rg('prince-purple-rain', 'Purple Rain', '1984-06-25', prince, 44)] },
    },
  },
  {
    query: 'add The Wall',
    class: album,
    expect: { ask: albumKey('floyd-wall') },
    catalogs: {
      tmdb: [
        film(12104, 'Pink Floyd: The Wall', '1982-07-14', 15.2),
        film(418437, 'The Wall', '2017-05-11', 10.1),
        film(140818, 'The Wall', '2012-10-11', 5.5, { original: 'Die Wand', lang: 'de' }),
      ],
      musicbrainz: { releaseGroups: [rg('floyd-wall', 'The Wall', '1979-11-30', floyd, 50)] },
    },
  },
  {
    query: 'add Blade Runner',
    class: album,
    expect: { ask: movieKey(78) },
    catalogs: {
      tmdb: [
        film(78, 'Blade Runner', '1982-06-25', 51.6),
        film(335984, 'Blade Runner 2049', '2017-10-04', 63.8),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('vangelis-br', 'Blade Runner', '1994-06-20', { slug: 'vangelis', name: 'Vangelis' }, 12, {
            secondary: ['Soundtrack'],
          }),
        ],
      },
    },
  },
  {
    query: 'add Interstellar',
    class: album,
    expect: { add: movieKey(157336) },
    catalogs: {
      tmdb: [film(157336, 'Interstellar', '2014-11-05', 152.7)],
      musicbrainz: {
        releaseGroups: [
          rg('interstellar-ost', 'Interstellar', '2014-11-17', { slug: 'zimmer', name: 'Hans Zimmer' }, 11, {
            secondary: ['Soundtrack'],
          }),
        ],
      },
    },
  },
  {
    query: 'add OK Computer',
    class: album,
    expect: { add: albumKey('rh-okc') },
    catalogs: {
      tmdb: [show(125988, 'OK Computer', '2021-03-26', 2.7, undefined, { lang: 'hi' })],
      musicbrainz: {
        releaseGroups: [
          rg('rh-okc', 'OK Computer', '1997-05-21', { slug: 'radiohead', name: 'Radiohead' }, 50),
        ],
      },
    },
  },
  {
    query: 'add Thriller',
    class: album,
    expect: { add: albumKey('mj-thriller') },
    catalogs: {
      tmdb: [film(505948, 'Thriller', '2018-04-13', 7.6), show(6086, 'Thriller', '1960-09-13', 4.9, 77563)],
      musicbrainz: { releaseGroups: [rg('mj-thriller', 'Thriller', '1982-11-30', mj, 50)] },
    },
  },
  {
    query: 'add Rumours',
    class: album,
    expect: { ask: albumKey('fm-rumours') },
    why: 'Guy Maddin’s Rumours (2024) is a real, current film',
    catalogs: {
      tmdb: [film(1079091, 'Rumours', '2024-09-05', 14.8)],
      musicbrainz: { releaseGroups: [rg('fm-rumours', 'Rumours', '1977-02-04', fleetwood, 50)] },
    },
  },
  {
    query: 'add Weezer',
    class: self,
    expect: { add: artistKey('weezer') },
    catalogs: { musicbrainz: { releaseGroups: weezerAlbums } },
  },
  {
    query: 'add album Weezer',
    class: self,
    expect: { ask: blueAlbum },
    why: 'five albums are called Weezer',
    catalogs: { musicbrainz: { releaseGroups: weezerAlbums.slice(0, 5) } },
  },
  {
    query: 'add Metallica',
    class: self,
    expect: { add: artistKey('metallica') },
    catalogs: {
      tmdb: [film(175574, 'Metallica Through the Never', '2013-09-27', 7.9)],
      musicbrainz: { releaseGroups: metallicaAlbums },
    },
  },
  {
    query: 'add album Metallica',
    class: self,
    expect: { add: albumKey('metallica-black') },
    catalogs: { musicbrainz: { releaseGroups: metallicaAlbums.slice(0, 1) } },
  },
  {
    query: 'add Led Zeppelin',
    class: self,
    expect: { add: artistKey('led-zeppelin') },
    catalogs: {
      tmdb: [film(16659, 'Led Zeppelin: The Song Remains the Same', '1976-10-20', 6.8)],
      musicbrainz: {
        releaseGroups: [
          rg('lz-1', 'Led Zeppelin', '1969-01-12', zeppelin, 42),
          rg('lz-2', 'Led Zeppelin II', '1969-10-22', zeppelin, 41, { score: 90 }),
          rg('lz-3', 'Led Zeppelin III', '1970-10-05', zeppelin, 30, { score: 90 }),
        ],
      },
    },
  },
  {
    query: 'add Boston',
    class: self,
    expect: { add: artistKey('boston') },
    catalogs: {
      tmdb: [
        show(4026, 'Boston Legal', '2004-10-03', 21.4, 73252),
        film(445838, 'Boston', '2017-04-14', 2.2),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('boston-boston', 'Boston', '1976-08-25', boston, 31),
          rg('boston-dlb', "Don't Look Back", '1978-08-02', boston, 14, { score: 80 }),
        ],
      },
    },
  },
  {
    query: 'add Peter Gabriel',
    class: self,
    expect: { add: artistKey('peter-gabriel') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('pg-car', 'Peter Gabriel', '1977-02-25', gabriel, 21),
          rg('pg-scratch', 'Peter Gabriel', '1978-06-02', gabriel, 12),
          rg('pg-melt', 'Peter Gabriel', '1980-05-30', gabriel, 16),
          rg('pg-security', 'Peter Gabriel', '1982-09-06', gabriel, 13),
        ],
      },
    },
  },
];
