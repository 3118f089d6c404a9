/** A season in the message, a kind word ("add show …"), and titles a film and a series share. */
import { albumKey, artist, artistKey, film, movieKey, rg, seriesKey, show, type EvalCase } from '../case.js';
import { museAlbums } from './exact-ahead.js';

const season = 'season in message' as const;
const hint = 'kind hint' as const;
const both = 'film and series' as const;

const fargo = [film(275, 'Fargo', '1996-03-08', 27.4), show(60622, 'Fargo', '2014-04-15', 58.6, 269613)];
const westworld = [
  show(63247, 'Westworld', '2016-10-02', 61.2, 296762),
  film(2362, 'Westworld', '1973-11-21', 13.1),
];
const office = [
  show(2316, 'The Office', '2005-03-24', 172.5, 73244),
  show(2996, 'The Office', '2001-07-09', 28.7, 78107),
  film(1008048, 'The Office Mix-Up', '2020-01-01', 1.1),
];
const dune = [film(438631, 'Dune', '2021-09-15', 148.2), film(841, 'Dune', '1984-12-14', 29.6)];
const tommyAlbum = rg('who-tommy', 'Tommy', '1969-05-17', { slug: 'the-who', name: 'The Who' }, 39);
const museJp = { slug: 'muse-jp', name: 'Muse', disambiguation: 'Japanese rock band' };
const queen = { slug: 'queen', name: 'Queen' };
const queenUs = { slug: 'queen-us', name: 'Queen', disambiguation: 'US hip hop group' };
/** Queen's studio albums (the albums search leaves out compilations and live albums). */
const queenAlbums = [
  rg('queen-queen', 'Queen', '1973-07-13', queen, 24),
  rg('queen-ii', 'Queen II', '1974-03-08', queen, 19),
  rg('queen-sha', 'Sheer Heart Attack', '1974-11-08', queen, 22),
  rg('queen-anato', 'A Night at the Opera', '1975-11-21', queen, 38),
  rg('queen-news', 'News of the World', '1977-10-28', queen, 27),
  rg('queen-game', 'The Game', '1980-06-30', queen, 25),
  rg('queen-flash', 'Flash Gordon', '1980-12-08', queen, 14, { secondary: ['Soundtrack'] }),
  rg('queen-magic', 'A Kind of Magic', '1986-06-02', queen, 23),
  rg('queen-innuendo', 'Innuendo', '1991-02-04', queen, 18),
];

export const kinds: EvalCase[] = [
  {
    query: 'add Dexter season 8',
    class: season,
    expect: { add: seriesKey(1405) },
    catalogs: {
      tmdb: [
        show(1405, 'Dexter', '2006-10-01', 92.3, 79349),
        show(131927, 'Dexter: New Blood', '2021-11-07', 38.9, 399962),
        show(219937, 'Dexter: Original Sin', '2024-12-13', 51.7, 445919),
        show(4229, "Dexter's Laboratory", '1996-04-28', 41.5, 74937, { genres: [16] }),
      ],
    },
  },
  {
    query: 'add Fargo season 5',
    class: season,
    expect: { add: seriesKey(60622) },
    catalogs: { tmdb: fargo },
  },
  {
    query: 'add The Office season 3',
    class: season,
    expect: { ask: seriesKey(2316) },
    catalogs: { tmdb: office },
  },
  {
    query: 'add Westworld s02',
    class: season,
    expect: { add: seriesKey(63247) },
    catalogs: { tmdb: westworld },
  },
  {
    query: 'add Dark season 3',
    class: season,
    expect: { add: seriesKey(70523) },
    catalogs: {
      tmdb: [
        show(70523, 'Dark', '2017-12-01', 52.4, 334824, { lang: 'de' }),
        show(62425, 'Dark Matter', '2015-06-12', 19.8, 292174),
        show(91915, 'Dark Winds', '2022-06-12', 24.6, 402474),
        show(1992, 'Dark Angel', '2000-10-03', 17.2, 75374),
      ],
    },
  },
  {
    query: 'add Shogun, season 1',
    class: season,
    expect: { ask: seriesKey(126308) },
    catalogs: {
      tmdb: [
        show(126308, 'Shōgun', '2024-02-27', 84.2, 421811),
        show(3452, 'Shōgun', '1980-09-15', 9.7, 76553),
      ],
    },
  },
  { query: 'add movie Fargo', class: hint, expect: { add: movieKey(275) }, catalogs: { tmdb: fargo } },
  { query: 'add show Fargo', class: hint, expect: { add: seriesKey(60622) }, catalogs: { tmdb: fargo } },
  {
    query: 'add tv Westworld',
    class: hint,
    expect: { add: seriesKey(63247) },
    catalogs: { tmdb: westworld },
  },
  { query: 'add film Dune', class: hint, expect: { ask: movieKey(438631) }, catalogs: { tmdb: dune } },
  {
    query: 'add album Blade Runner',
    class: hint,
    expect: { add: albumKey('vangelis-br') },
    catalogs: {
      tmdb: [film(78, 'Blade Runner', '1982-06-25', 51.6)],
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
    query: 'add band Muse',
    class: hint,
    expect: { add: artistKey('muse') },
    catalogs: {
      tmdb: [film(449176, 'Muse', '2017-10-06', 5.7)],
      musicbrainz: {
        releaseGroups: museAlbums,
        artists: [
          artist({ slug: 'muse', name: 'Muse' }, 100, { country: 'GB' }),
          artist(museJp, 88, { country: 'JP' }),
        ],
        artistAlbums: [...museAlbums, rg('muse-jp-first', 'Muse', '2004', museJp, 1)],
      },
    },
  },
  {
    query: 'add movie Tommy',
    class: hint,
    expect: { add: movieKey(11326) },
    catalogs: {
      tmdb: [film(11326, 'Tommy', '1975-03-19', 10.4)],
      musicbrainz: { releaseGroups: [tommyAlbum] },
    },
  },
  {
    query: 'add record Tommy',
    class: hint,
    expect: { add: albumKey('who-tommy') },
    catalogs: {
      tmdb: [film(11326, 'Tommy', '1975-03-19', 10.4)],
      musicbrainz: { releaseGroups: [tommyAlbum] },
    },
  },
  {
    query: 'add artist Queen',
    class: hint,
    expect: { add: artistKey('queen') },
    catalogs: {
      tmdb: [film(1165, 'The Queen', '2006-09-15', 14.9)],
      musicbrainz: {
        artists: [artist(queen, 100, { country: 'GB' }), artist(queenUs, 91, { country: 'US' })],
        artistAlbums: [...queenAlbums, rg('queen-us-tape', 'The Takeover', '2009', queenUs, 2)],
      },
    },
  },
  { query: 'add Fargo', class: both, expect: { ask: seriesKey(60622) }, catalogs: { tmdb: fargo } },
  { query: 'add Westworld', class: both, expect: { ask: seriesKey(63247) }, catalogs: { tmdb: westworld } },
  { query: 'add The Office', class: both, expect: { ask: seriesKey(2316) }, catalogs: { tmdb: office } },
  {
    query: 'add Sherlock',
    class: both,
    expect: { add: seriesKey(19885) },
    catalogs: {
      tmdb: [
        show(19885, 'Sherlock', '2010-07-25', 79.4, 176941),
        film(10201, 'Sherlock Holmes', '2009-12-23', 38.2),
        film(992, 'Sherlock Jr.', '1924-04-21', 7.7),
      ],
    },
  },
  {
    query: 'add Snowpiercer',
    class: both,
    expect: { ask: movieKey(110415) },
    catalogs: {
      tmdb: [
        film(110415, 'Snowpiercer', '2013-07-31', 30.6),
        show(79680, 'Snowpiercer', '2020-05-17', 39.7, 368207),
      ],
    },
  },
  {
    query: 'add Hannibal',
    class: both,
    expect: { ask: seriesKey(40008) },
    catalogs: {
      tmdb: [show(40008, 'Hannibal', '2013-04-04', 52.1, 259063), film(9740, 'Hannibal', '2001-02-08', 31.4)],
    },
  },
  {
    query: 'add Chernobyl',
    class: both,
    expect: { add: seriesKey(87108) },
    catalogs: {
      tmdb: [
        show(87108, 'Chernobyl', '2019-05-06', 41.3, 360893),
        film(80280, 'Chernobyl Diaries', '2012-05-24', 15.6),
        film(739990, 'Chernobyl 1986', '2021-04-15', 14.1, { original: 'Чернобыль', lang: 'ru' }),
      ],
    },
  },
  {
    query: 'add Band of Brothers',
    class: both,
    expect: { add: seriesKey(4613) },
    catalogs: { tmdb: [show(4613, 'Band of Brothers', '2001-09-09', 61.8, 74205)] },
  },
  {
    query: 'add Watchmen',
    class: both,
    expect: { ask: movieKey(13183) },
    catalogs: {
      tmdb: [
        film(13183, 'Watchmen', '2009-03-04', 32.2),
        show(79788, 'Watchmen', '2019-10-20', 24.6, 360204),
        film(1155089, 'Watchmen: Chapter I', '2024-08-12', 14.3, { genres: [16] }),
      ],
    },
  },
];
