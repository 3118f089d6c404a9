/** Accents the person did not type, and small typos. */
import { artistKey, film, movieKey, rg, seriesKey, show, type Credit, type EvalCase } from '../case.js';
import { metallicaAlbums } from './music-vs-film.js';
import { radioheadAlbums } from './exact-ahead.js';

const acc = 'dropped accents' as const;
const typo = 'typo' as const;

const beyonce: Credit = { slug: 'beyonce', name: 'Beyoncé' };
const sigur: Credit = { slug: 'sigur-ros', name: 'Sigur Rós' };
const motorhead: Credit = { slug: 'motorhead', name: 'Motörhead' };
const bjork: Credit = { slug: 'bjork', name: 'Björk' };

const godfather = [
  film(238, 'The Godfather', '1972-03-14', 112.4),
  film(240, 'The Godfather Part II', '1974-12-20', 64.1),
  film(242, 'The Godfather Part III', '1990-12-25', 41.8),
];

export const accentsTypos: EvalCase[] = [
  {
    query: 'add Amelie',
    class: acc,
    expect: { add: movieKey(194) },
    catalogs: {
      tmdb: [
        film(194, 'Amélie', '2001-04-25', 38.9, {
          original: "Le Fabuleux Destin d'Amélie Poulain",
          lang: 'fr',
        }),
      ],
    },
  },
  {
    query: 'add Leon The Professional',
    class: acc,
    expect: { add: movieKey(101) },
    catalogs: {
      tmdb: [film(101, 'Léon: The Professional', '1994-09-14', 47.3, { original: 'Léon', lang: 'fr' })],
    },
  },
  {
    query: 'add Beyonce',
    class: acc,
    expect: { add: artistKey('beyonce') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('bey-dil', 'Dangerously in Love', '2003-06-23', beyonce, 29, { score: 82 }),
          rg('bey-lemonade', 'Lemonade', '2016-04-23', beyonce, 18, { score: 82 }),
          rg('bey-beyonce', 'Beyoncé', '2013-12-13', beyonce, 16),
        ],
      },
    },
  },
  {
    query: 'add Sigur Ros',
    class: acc,
    expect: { add: artistKey('sigur-ros') },
    catalogs: {
      tmdb: [film(16785, 'Heima', '2007-11-01', 3.1)],
      musicbrainz: {
        releaseGroups: [
          rg('sr-agaetis', 'Ágætis byrjun', '1999-06-12', sigur, 21, { score: 86 }),
          rg('sr-parens', '( )', '2002-10-28', sigur, 14, { score: 86 }),
        ],
      },
    },
  },
  {
    query: 'add Motorhead',
    class: acc,
    expect: { add: artistKey('motorhead') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('mh-aos', 'Ace of Spades', '1980-11-08', motorhead, 38, { score: 87 }),
          rg('mh-motorhead', 'Motörhead', '1977-08-21', motorhead, 17),
        ],
      },
    },
  },
  {
    query: 'add Bjork',
    class: acc,
    expect: { add: artistKey('bjork') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('bjork-debut', 'Debut', '1993-07-05', bjork, 29, { score: 90 }),
          rg('bjork-homogenic', 'Homogenic', '1997-09-20', bjork, 24, { score: 90 }),
        ],
      },
    },
  },
  {
    query: 'add Y tu mama tambien',
    class: acc,
    expect: { add: movieKey(1391) },
    catalogs: { tmdb: [film(1391, 'Y Tu Mamá También', '2001-06-08', 19.7, { lang: 'es' })] },
  },
  {
    query: 'add Les Miserables',
    class: acc,
    expect: { ask: movieKey(82695) },
    catalogs: {
      tmdb: [
        film(82695, 'Les Misérables', '2012-12-18', 39.6),
        film(4415, 'Les Misérables', '1998-05-01', 10.2),
        film(586863, 'Les Misérables', '2019-11-20', 12.3, { lang: 'fr' }),
        show(80350, 'Les Misérables', '2018-12-30', 8.4, 350665),
      ],
      musicbrainz: {
        releaseGroups: [
          rg(
            'lesmis-olc',
            'Les Misérables',
            '1985',
            { slug: 'lesmis-cast', name: 'Original London Cast' },
            19,
            {
              secondary: ['Soundtrack'],
            },
          ),
        ],
      },
    },
  },
  {
    query: 'add Shogun',
    class: acc,
    expect: { ask: seriesKey(126308) },
    why: 'the 2024 series and the 1980 one share the title',
    catalogs: {
      tmdb: [
        show(126308, 'Shōgun', '2024-02-27', 84.2, 421811),
        show(3452, 'Shōgun', '1980-09-15', 9.7, 76553),
      ],
    },
  },
  {
    query: 'add Interstelar',
    class: typo,
    expect: { add: movieKey(157336) },
    catalogs: { tmdb: [film(157336, 'Interstellar', '2014-11-05', 152.7)] },
  },
  {
    query: 'add Breking Bad',
    class: typo,
    expect: { add: seriesKey(1396) },
    catalogs: { tmdb: [show(1396, 'Breaking Bad', '2008-01-20', 312.4, 81189)] },
  },
  {
    query: 'add Incpetion',
    class: typo,
    expect: { add: movieKey(27205) },
    catalogs: { tmdb: [film(27205, 'Inception', '2010-07-15', 98.5)] },
  },
  {
    query: 'add Radiohed',
    class: typo,
    expect: { add: artistKey('radiohead') },
    catalogs: { musicbrainz: { releaseGroups: radioheadAlbums.map((g) => ({ ...g, score: 66 })) } },
  },
  { query: 'add The Godfater', class: typo, expect: { add: movieKey(238) }, catalogs: { tmdb: godfather } },
  { query: 'add Godfather', class: typo, expect: { add: movieKey(238) }, catalogs: { tmdb: godfather } },
  {
    query: 'add Shawshank Redemtion',
    class: typo,
    expect: { add: movieKey(278) },
    catalogs: { tmdb: [film(278, 'The Shawshank Redemption', '1994-09-23', 95.2)] },
  },
  {
    query: 'add Metalica',
    class: typo,
    expect: { add: artistKey('metallica') },
    catalogs: { musicbrainz: { releaseGroups: metallicaAlbums.map((g) => ({ ...g, score: 70 })) } },
  },
  {
    query: 'add Stranger Thing',
    class: typo,
    expect: { add: seriesKey(66732) },
    catalogs: {
      tmdb: [
        show(66732, 'Stranger Things', '2016-07-15', 204.6, 305288),
        film(59121, 'Stranger Thing', '2011-01-01', 0.8),
      ],
    },
  },
];
