/** Held-out cases: original titles and aliases, typed years, remakes. See held-out.ts. */
import { film, movieKey, rg, seriesKey, show, type EvalCase, type Credit } from '../case.js';

const various: Credit = {
  slug: 'various',
  name: 'Various Artists',
  disambiguation: 'add compilations to this artist',
};
const soundtrack = { secondary: ['Soundtrack'] };

export const heldOutTitles: EvalCase[] = [
  // Original language.
  {
    query: 'add Ladri di biciclette',
    class: 'original language',
    expect: { add: movieKey(5156) },
    catalogs: {
      tmdb: [
        film(5156, 'Bicycle Thieves', '1948-11-24', 14.2, { original: 'Ladri di biciclette', lang: 'it' }),
      ],
    },
  },
  {
    query: 'add Gisaengchung',
    class: 'original language',
    expect: { add: movieKey(496243) },
    catalogs: {
      tmdb: [
        film(496243, 'Parasite', '2019-05-30', 72.3, {
          original: '기생충',
          lang: 'ko',
          alt: ['Gisaengchung'],
        }),
      ],
    },
  },
  {
    query: 'add Tengoku to jigoku',
    class: 'original language',
    expect: { add: movieKey(12493) },
    catalogs: {
      tmdb: [
        film(12493, 'High and Low', '1963-03-01', 18.2, {
          original: '天国と地獄',
          lang: 'ja',
          alt: ['Tengoku to jigoku'],
        }),
      ],
    },
  },
  {
    query: 'add La vita è bella',
    class: 'original language',
    expect: { add: movieKey(637) },
    why: "Piovani's score is named after the film and came out with it",
    catalogs: {
      tmdb: [film(637, 'Life Is Beautiful', '1997-12-20', 36.1, { original: 'La vita è bella', lang: 'it' })],
      musicbrainz: {
        releaseGroups: [
          rg(
            'vita-ost',
            'La vita è bella',
            '1997',
            { slug: 'piovani', name: 'Nicola Piovani' },
            8,
            soundtrack,
          ),
        ],
      },
    },
  },
  {
    query: 'add Haus des Geldes',
    class: 'original language',
    expect: { add: seriesKey(71446) },
    why: 'the German title is one of TMDb’s alternative titles',
    catalogs: {
      tmdb: [
        show(71446, 'Money Heist', '2017-05-02', 61.7, 327417, {
          original: 'La casa de papel',
          lang: 'es',
          alt: ['Haus des Geldes', 'La Casa de Papel'],
        }),
      ],
    },
  },
  {
    query: 'add Amores perros',
    class: 'original language',
    expect: { add: movieKey(55) },
    catalogs: {
      tmdb: [film(55, 'Amores Perros', '2000-06-16', 17.5, { original: 'Amores perros', lang: 'es' })],
      musicbrainz: { releaseGroups: [rg('amores-ost', 'Amores perros', '2000', various, 6, soundtrack)] },
    },
  },
  // Typed year.
  {
    query: 'add Total Recall 1990',
    class: 'typed year',
    expect: { add: movieKey(861) },
    catalogs: {
      tmdb: [film(861, 'Total Recall', '1990-06-01', 33.5), film(64635, 'Total Recall', '2012-08-02', 27.4)],
    },
  },
  {
    query: 'add Ghostbusters 2016',
    class: 'typed year',
    expect: { add: movieKey(43074) },
    catalogs: {
      tmdb: [
        film(620, 'Ghostbusters', '1984-06-08', 48.1),
        film(43074, 'Ghostbusters', '2016-07-14', 20.5),
        film(425909, 'Ghostbusters: Afterlife', '2021-11-11', 40.2),
        film(2978, 'Ghostbusters II', '1989-06-16', 22.7),
      ],
    },
  },
  {
    query: 'add Solaris 1972',
    class: 'typed year',
    expect: { add: movieKey(593) },
    catalogs: {
      tmdb: [
        film(593, 'Solaris', '1972-03-20', 15.3, { original: 'Солярис', lang: 'ru' }),
        film(2103, 'Solaris', '2002-11-27', 14.2),
      ],
    },
  },
  {
    query: 'add Fame 1980',
    class: 'typed year',
    expect: { add: movieKey(14553) },
    catalogs: {
      tmdb: [
        film(14553, 'Fame', '1980-05-16', 11.2),
        film(23706, 'Fame', '2009-09-25', 9.3),
        show(3436, 'Fame', '1982-01-07', 6.4, 77466),
      ],
      musicbrainz: { releaseGroups: [rg('fame-ost', 'Fame', '1980', various, 9, soundtrack)] },
    },
  },
  {
    query: 'add Fargo 1996',
    class: 'typed year',
    expect: { add: movieKey(275) },
    catalogs: {
      tmdb: [film(275, 'Fargo', '1996-03-08', 27.4), show(60622, 'Fargo', '2014-04-15', 58.6, 269613)],
    },
  },
  // Remakes.
  {
    query: 'add A Star Is Born',
    class: 'remake a year apart',
    expect: { ask: movieKey(332562) },
    why: 'the 1954 Judy Garland film is a known classic too',
    catalogs: {
      tmdb: [
        film(332562, 'A Star Is Born', '2018-10-03', 36.2),
        film(3111, 'A Star Is Born', '1954-09-29', 12.3),
        film(16219, 'A Star Is Born', '1976-12-17', 9.8),
        film(22692, 'A Star Is Born', '1937-04-27', 7.1),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('asib-ost', 'A Star Is Born', '2018-10-05', { slug: 'gaga', name: 'Lady Gaga' }, 24, soundtrack),
        ],
      },
    },
  },
  {
    query: 'add Nosferatu 2024',
    class: 'remake a year apart',
    expect: { add: movieKey(426063) },
    catalogs: {
      tmdb: [
        film(426063, 'Nosferatu', '2024-12-25', 68.4),
        film(653, 'Nosferatu', '1922-02-16', 14.8, {
          original: 'Nosferatu, eine Symphonie des Grauens',
          lang: 'de',
        }),
        film(6404, 'Nosferatu the Vampyre', '1979-01-17', 11.2),
      ],
    },
  },
  {
    query: 'add The Lion King 2019',
    class: 'remake a year apart',
    expect: { add: movieKey(420818) },
    catalogs: {
      tmdb: [
        film(8587, 'The Lion King', '1994-06-15', 94.6, { genres: [16, 10751] }),
        film(420818, 'The Lion King', '2019-07-12', 52.1),
        film(762509, 'Mufasa: The Lion King', '2024-12-18', 88.0),
      ],
    },
  },
  {
    query: 'add The Mummy',
    class: 'remake a year apart',
    expect: { ask: movieKey(564) },
    catalogs: {
      tmdb: [
        film(564, 'The Mummy', '1999-05-06', 40.7),
        film(282035, 'The Mummy', '2017-06-06', 35.2),
        film(15849, 'The Mummy', '1932-12-22', 10.9),
        film(1734, 'The Mummy Returns', '2001-05-04', 33.0),
      ],
    },
  },
  {
    query: 'add West Side Story 2021',
    class: 'remake a year apart',
    expect: { add: movieKey(511809) },
    catalogs: {
      tmdb: [
        film(511809, 'West Side Story', '2021-12-08', 21.5),
        film(1725, 'West Side Story', '1961-10-18', 19.8),
      ],
      musicbrainz: {
        releaseGroups: [
          rg(
            'wss-1961',
            'West Side Story',
            '1961',
            { slug: 'wss-cast', name: 'Original Soundtrack' },
            30,
            soundtrack,
          ),
        ],
      },
    },
  },
];
