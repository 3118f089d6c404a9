/** Titles that are numbers, and titles whose punctuation people leave out or type differently. */
import {
  albumKey,
  artistKey,
  film,
  movieKey,
  rg,
  seriesKey,
  show,
  type Credit,
  type EvalCase,
} from '../case.js';

const num = 'numeric title' as const;
const punct = 'punctuation' as const;

const acdc: Credit = { slug: 'acdc', name: 'AC/DC' };
const acdcMb = {
  releaseGroups: [
    rg('acdc-bib', 'Back in Black', '1980-07-25', acdc, 45, { score: 88 }),
    rg('acdc-hth', 'Highway to Hell', '1979-07-27', acdc, 36, { score: 88 }),
    rg('acdc-tnt', 'T.N.T.', '1975-12-01', acdc, 12, { score: 88 }),
  ],
};
const mash = [
  show(918, 'M*A*S*H', '1972-09-17', 31.6, 70994),
  film(651, 'MASH', '1970-01-25', 12.3),
  film(395121, 'M*A*S*H: Goodbye, Farewell and Amen', '1983-02-28', 3.4),
];
const walle = [
  film(10681, 'WALL·E', '2008-06-22', 69.1, { genres: [16, 10751, 878], alt: ['WALL-E', 'Wall-E'] }),
];
const nineOneOne = [
  show(75219, '9-1-1', '2018-01-03', 104.6, 345227),
  show(89393, '9-1-1: Lone Star', '2020-01-19', 62.3, 364080),
  show(247174, '9-1-1: Nashville', '2025-10-09', 35.1, 453190),
];

export const numbersPunctuation: EvalCase[] = [
  {
    query: 'add 1917',
    class: num,
    expect: { add: movieKey(530915) },
    catalogs: {
      tmdb: [
        film(530915, '1917', '2019-12-25', 39.8),
        film(640344, '1917', '1970-01-01', 0.6, { lang: 'ru' }),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('1917-ost', '1917', '2019-12-20', { slug: 'newman', name: 'Thomas Newman' }, 3, {
            secondary: ['Soundtrack'],
          }),
        ],
      },
    },
  },
  { query: 'add 9-1-1', class: num, expect: { add: seriesKey(75219) }, catalogs: { tmdb: nineOneOne } },
  {
    query: 'add 911',
    class: num,
    expect: { add: seriesKey(75219) },
    why: 'the hyphens are how the title is spelled, not how it is typed',
    catalogs: { tmdb: nineOneOne },
  },
  {
    query: 'add 300',
    class: num,
    expect: { add: movieKey(1271) },
    catalogs: {
      tmdb: [
        film(1271, '300', '2007-03-07', 41.7),
        film(53182, '300: Rise of an Empire', '2014-03-05', 30.5),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('300-ost', '300', '2007-03-06', { slug: 'tyler-bates', name: 'Tyler Bates' }, 4, {
            secondary: ['Soundtrack'],
          }),
        ],
      },
    },
  },
  {
    query: 'add 2012',
    class: num,
    expect: { add: movieKey(14161) },
    catalogs: { tmdb: [film(14161, '2012', '2009-10-10', 44.3)] },
  },
  {
    query: 'add 1984',
    class: num,
    expect: { ask: movieKey(9314) },
    why: "Van Halen's 1984 is as famous as the Orwell film",
    catalogs: {
      tmdb: [film(9314, '1984', '1984-10-10', 12.6), film(14237, '1984', '1956-03-06', 4.1)],
      musicbrainz: {
        releaseGroups: [rg('vh-1984', '1984', '1984-01-09', { slug: 'van-halen', name: 'Van Halen' }, 31)],
      },
    },
  },
  {
    query: 'add 21',
    class: num,
    expect: { ask: movieKey(8065) },
    why: "Adele's 21 is at least as likely as the 2008 film",
    catalogs: {
      tmdb: [film(8065, '21', '2008-03-12', 24.9), film(64688, '21 Jump Street', '2012-03-12', 39.7)],
      musicbrainz: {
        releaseGroups: [rg('adele-21', '21', '2011-01-24', { slug: 'adele', name: 'Adele' }, 41)],
      },
    },
  },
  {
    query: 'add Blade Runner 2049',
    class: num,
    expect: { add: movieKey(335984) },
    catalogs: {
      tmdb: [
        film(335984, 'Blade Runner 2049', '2017-10-04', 63.8),
        film(78, 'Blade Runner', '1982-06-25', 51.6),
      ],
    },
  },
  {
    query: 'add 28 Days Later',
    class: num,
    expect: { add: movieKey(170) },
    catalogs: {
      tmdb: [
        film(170, '28 Days Later', '2002-10-31', 33.4),
        film(1562, '28 Weeks Later', '2007-04-26', 21.9),
        film(1100988, '28 Years Later', '2025-06-18', 84.1),
      ],
    },
  },
  { query: 'add AC/DC', class: punct, expect: { add: artistKey('acdc') }, catalogs: { musicbrainz: acdcMb } },
  { query: 'add ACDC', class: punct, expect: { add: artistKey('acdc') }, catalogs: { musicbrainz: acdcMb } },
  {
    query: 'add M*A*S*H',
    class: punct,
    expect: { add: seriesKey(918) },
    why: 'the asterisks are the series’ spelling; the film is MASH',
    catalogs: { tmdb: mash },
  },
  { query: 'add MASH', class: punct, expect: { ask: seriesKey(918) }, catalogs: { tmdb: mash } },
  { query: 'add WALL-E', class: punct, expect: { add: movieKey(10681) }, catalogs: { tmdb: walle } },
  { query: 'add Walle', class: punct, expect: { add: movieKey(10681) }, catalogs: { tmdb: walle } },
  {
    query: 'add Mission Impossible',
    class: punct,
    expect: { ask: movieKey(954) },
    catalogs: {
      tmdb: [
        film(954, 'Mission: Impossible', '1996-05-22', 42.6),
        show(1418, 'Mission: Impossible', '1966-09-17', 14.2, 71428),
        film(353081, 'Mission: Impossible - Fallout', '2018-07-13', 48.9),
      ],
    },
  },
  {
    query: 'add Guns N Roses',
    class: punct,
    expect: { add: artistKey('gnr') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg(
            'gnr-afd',
            'Appetite for Destruction',
            '1987-07-21',
            { slug: 'gnr', name: "Guns N' Roses" },
            42,
            { score: 84 },
          ),
          rg('gnr-uyi1', 'Use Your Illusion I', '1991-09-17', { slug: 'gnr', name: "Guns N' Roses" }, 27, {
            score: 84,
          }),
        ],
      },
    },
  },
  {
    query: 'add Seven',
    class: punct,
    expect: { add: movieKey(807) },
    why: 'TMDb spells it Se7en and keeps Seven as an alternative title',
    catalogs: {
      tmdb: [
        film(807, 'Se7en', '1995-09-22', 52.4, { alt: ['Seven'] }),
        film(11321, 'Seven Pounds', '2008-12-18', 22.6),
        film(620713, 'Seven', '2019-06-14', 1.3, { lang: 'te' }),
      ],
    },
  },
  {
    query: 'add Se7en',
    class: punct,
    expect: { add: movieKey(807) },
    catalogs: { tmdb: [film(807, 'Se7en', '1995-09-22', 52.4, { alt: ['Seven'] })] },
  },
  {
    query: 'add album T.N.T.',
    class: punct,
    expect: { add: albumKey('acdc-tnt') },
    catalogs: { musicbrainz: { releaseGroups: [rg('acdc-tnt', 'T.N.T.', '1975-12-01', acdc, 12)] } },
  },
];
