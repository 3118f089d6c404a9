/**
 * Titles typed in the film's own language. TMDb `search/multi` matches `original_title` and the
 * alternative titles, so it finds the film, but answers with the English title.
 */
import { film, movieKey, rg, show, seriesKey, type EvalCase } from '../case.js';

const c = 'original language' as const;

export const originalLanguage: EvalCase[] = [
  {
    query: 'add El laberinto del fauno',
    class: c,
    expect: { add: movieKey(1417) },
    why: 'the soundtrack of the same name is not what one adds by the film title',
    catalogs: {
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
    },
  },
  {
    query: 'add Cidade de Deus',
    class: c,
    expect: { add: movieKey(598) },
    catalogs: {
      tmdb: [
        film(598, 'City of God', '2002-02-05', 31.2, { original: 'Cidade de Deus', lang: 'pt' }),
        film(250480, 'City of God: 10 Years Later', '2013-11-04', 1.4, {
          original: 'Cidade de Deus: 10 Anos Depois',
          lang: 'pt',
        }),
      ],
    },
  },
  {
    query: "add Le fabuleux destin d'Amélie Poulain",
    class: c,
    expect: { add: movieKey(194) },
    catalogs: {
      tmdb: [
        film(194, 'Amélie', '2001-04-25', 38.9, {
          original: "Le Fabuleux Destin d'Amélie Poulain",
          lang: 'fr',
          alt: ['Amelie from Montmartre'],
        }),
      ],
      musicbrainz: {
        releaseGroups: [
          rg(
            'amelie-ost',
            "Le Fabuleux Destin d'Amélie Poulain",
            '2001-04-23',
            { slug: 'tiersen', name: 'Yann Tiersen' },
            18,
            {
              secondary: ['Soundtrack'],
            },
          ),
        ],
      },
    },
  },
  {
    query: 'add Das Leben der Anderen',
    class: c,
    expect: { add: movieKey(582) },
    catalogs: {
      tmdb: [
        film(582, 'The Lives of Others', '2006-03-15', 18.3, {
          original: 'Das Leben der Anderen',
          lang: 'de',
        }),
      ],
    },
  },
  {
    query: 'add Sen to Chihiro no Kamikakushi',
    class: c,
    expect: { add: movieKey(129) },
    catalogs: {
      tmdb: [
        film(129, 'Spirited Away', '2001-07-20', 96.4, {
          original: '千と千尋の神隠し',
          lang: 'ja',
          alt: ['Sen to Chihiro no kamikakushi'],
          genres: [16, 10751, 14],
        }),
      ],
    },
  },
  {
    query: 'add La casa de papel',
    class: c,
    expect: { add: seriesKey(71446) },
    catalogs: {
      tmdb: [
        show(71446, 'Money Heist', '2017-05-02', 61.7, 327417, { original: 'La casa de papel', lang: 'es' }),
        film(739413, 'Money Heist: The Phenomenon', '2020-04-03', 3.1, {
          original: 'La casa de papel: El fenómeno',
          lang: 'es',
        }),
      ],
    },
  },
  {
    query: 'add Intouchables',
    class: c,
    expect: { add: movieKey(77338) },
    why: 'The Untouchables (1987) is one letter away and well known',
    catalogs: {
      tmdb: [
        film(77338, 'The Intouchables', '2011-11-02', 41.5, { original: 'Intouchables', lang: 'fr' }),
        film(117, 'The Untouchables', '1987-06-02', 33.8),
      ],
    },
  },
  {
    query: 'add Jagten',
    class: c,
    expect: { add: movieKey(103663) },
    catalogs: {
      tmdb: [film(103663, 'The Hunt', '2012-01-10', 21.7, { original: 'Jagten', lang: 'da' })],
    },
  },
  {
    query: 'add Wo hu cang long',
    class: c,
    expect: { add: movieKey(146) },
    catalogs: {
      tmdb: [
        film(146, 'Crouching Tiger, Hidden Dragon', '2000-07-06', 26.2, {
          original: '臥虎藏龍',
          lang: 'zh',
          alt: ['Wo hu cang long'],
        }),
      ],
    },
  },
  {
    query: 'add Der Untergang',
    class: c,
    expect: { add: movieKey(613) },
    why: 'a one-release demo called Der Untergang is not what anyone means',
    catalogs: {
      tmdb: [film(613, 'Downfall', '2004-09-16', 24.9, { original: 'Der Untergang', lang: 'de' })],
      musicbrainz: {
        releaseGroups: [
          rg('untergang-demo', 'Der Untergang', '2009', { slug: 'nachtgeist', name: 'Nachtgeist' }, 1, {
            type: 'EP',
          }),
        ],
      },
    },
  },
];
