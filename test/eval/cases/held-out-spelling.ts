/** Held-out cases: numbers, punctuation, dropped accents, typos. See held-out.ts. */
import { artistKey, film, movieKey, rg, seriesKey, show, type EvalCase, type Credit } from '../case.js';

const kesha: Credit = {
  slug: 'kesha',
  name: 'Kesha',
  aliases: [{ name: 'Ke$ha', 'sort-name': 'Ke$ha', locale: null, type: 'Artist name' }],
};
const pink: Credit = {
  slug: 'pink',
  name: 'P!nk',
  aliases: [{ name: 'Pink', 'sort-name': 'Pink', locale: null, type: 'Search hint' }],
};
const sinead: Credit = { slug: 'sinead', name: 'Sinéad O’Connor', sortName: 'O’Connor, Sinéad' };
const fleetwood: Credit = { slug: 'fleetwood-mac', name: 'Fleetwood Mac' };
const diddy: Credit = {
  slug: 'diddy',
  name: 'Diddy',
  sortName: 'Diddy',
  aliases: [
    { name: 'Puff Daddy', 'sort-name': 'Puff Daddy', locale: null, type: 'Artist name' },
    { name: 'Sean Combs', 'sort-name': 'Combs, Sean', locale: null, type: 'Legal name' },
  ],
};
const various: Credit = {
  slug: 'various',
  name: 'Various Artists',
  disambiguation: 'add compilations to this artist',
};
const soundtrack = { secondary: ['Soundtrack'] };

export const heldOutSpelling: EvalCase[] = [
  // Numbers.
  {
    query: 'add 1408',
    class: 'numeric title',
    expect: { add: movieKey(3021) },
    catalogs: { tmdb: [film(3021, '1408', '2007-06-22', 24.1)] },
  },
  {
    query: 'add 2001 A Space Odyssey',
    class: 'numeric title',
    expect: { add: movieKey(62) },
    catalogs: {
      tmdb: [film(62, '2001: A Space Odyssey', '1968-04-02', 41.2), film(4437, '2010', '1984-12-06', 12.1)],
    },
  },
  {
    query: 'add 24',
    class: 'numeric title',
    expect: { add: seriesKey(1973) },
    catalogs: {
      tmdb: [
        show(1973, '24', '2001-11-06', 58.3, 76290),
        film(420634, '24', '2016-05-06', 4.1, { lang: 'ta' }),
        show(61580, '24: Live Another Day', '2014-05-05', 18.9, 277105),
      ],
    },
  },
  {
    query: 'add 12 Angry Men',
    class: 'numeric title',
    expect: { add: movieKey(389) },
    why: 'the 1997 TV remake is little known',
    catalogs: {
      tmdb: [film(389, '12 Angry Men', '1957-04-10', 38.4), film(12219, '12 Angry Men', '1997-08-17', 9.1)],
    },
  },
  // Punctuation.
  {
    query: 'add Ke$ha',
    class: 'punctuation',
    expect: { add: artistKey('kesha') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('kesha-animal', 'Animal', '2010-01-01', kesha, 18, { score: 77 }),
          rg('kesha-rainbow', 'Rainbow', '2017-08-11', kesha, 9, { score: 77 }),
        ],
      },
    },
  },
  {
    query: 'add P!nk',
    class: 'punctuation',
    expect: { add: artistKey('pink') },
    catalogs: {
      tmdb: [film(402929, 'Pink', '2016-09-16', 13.5, { lang: 'hi' })],
      musicbrainz: {
        releaseGroups: [
          rg('pink-missundaztood', 'Missundaztood', '2001-11-20', pink, 20, { score: 80 }),
          rg('pink-funhouse', 'Funhouse', '2008-10-24', pink, 15, { score: 80 }),
        ],
      },
    },
  },
  {
    query: 'add Mamma Mia',
    class: 'punctuation',
    expect: { add: movieKey(11631) },
    catalogs: {
      tmdb: [
        film(11631, 'Mamma Mia!', '2008-07-02', 32.5),
        film(458423, 'Mamma Mia! Here We Go Again', '2018-07-09', 25.0),
      ],
      musicbrainz: {
        releaseGroups: [rg('mammamia-ost', 'Mamma Mia!', '2008-07-08', various, 12, soundtrack)],
      },
    },
  },
  {
    query: 'add Airplane',
    class: 'punctuation',
    expect: { add: movieKey(813) },
    catalogs: {
      tmdb: [
        film(813, 'Airplane!', '1980-07-02', 24.6),
        film(2665, 'Airplane II: The Sequel', '1982-12-10', 11.3),
      ],
    },
  },
  // Accents.
  {
    query: 'add Le Samourai',
    class: 'dropped accents',
    expect: { add: movieKey(5511) },
    catalogs: { tmdb: [film(5511, 'Le Samouraï', '1967-10-25', 14.9, { lang: 'fr' })] },
  },
  {
    query: 'add Pokemon',
    class: 'dropped accents',
    expect: { add: seriesKey(60572) },
    catalogs: {
      tmdb: [
        show(60572, 'Pokémon', '1997-04-01', 95.1, 76703, {
          original: 'ポケットモンスター',
          lang: 'ja',
          genres: [16],
        }),
        film(10228, 'Pokémon: The First Movie', '1998-07-18', 30.4, { genres: [16] }),
        film(447404, 'Pokémon Detective Pikachu', '2019-05-03', 41.0),
      ],
    },
  },
  {
    query: 'add Sinead OConnor',
    class: 'dropped accents',
    expect: { add: artistKey('sinead') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('sinead-want', 'I Do Not Want What I Haven’t Got', '1990-03-20', sinead, 20, { score: 85 }),
          rg('sinead-lion', 'The Lion and the Cobra', '1987-11-04', sinead, 12, { score: 85 }),
        ],
      },
    },
  },
  // Typos.
  {
    query: 'add Jurrasic Park',
    class: 'typo',
    expect: { add: movieKey(329) },
    catalogs: {
      tmdb: [
        film(329, 'Jurassic Park', '1993-06-11', 68.4),
        film(331, 'Jurassic Park III', '2001-07-18', 30.1),
        film(330, 'The Lost World: Jurassic Park', '1997-05-23', 33.9),
      ],
    },
  },
  {
    query: 'add Gladiater',
    class: 'typo',
    expect: { add: movieKey(98) },
    why: 'the sequel carries a "II" the person did not type',
    catalogs: {
      tmdb: [film(558449, 'Gladiator II', '2024-11-05', 98.1), film(98, 'Gladiator', '2000-05-01', 72.3)],
    },
  },
  {
    query: 'add Fleetwod Mac',
    class: 'typo',
    expect: { add: artistKey('fleetwood-mac') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('fm-rumours', 'Rumours', '1977-02-04', fleetwood, 50, { score: 68 }),
          rg('fm-fm', 'Fleetwood Mac', '1975-07-11', fleetwood, 25, { score: 68 }),
        ],
      },
    },
  },
  {
    query: 'add Shreck',
    class: 'typo',
    expect: { add: movieKey(808) },
    catalogs: {
      tmdb: [
        film(808, 'Shrek', '2001-05-18', 85.2, { genres: [16] }),
        film(809, 'Shrek 2', '2004-05-19', 60.3),
      ],
    },
  },
  {
    query: 'add Puff Daddy',
    class: 'original language',
    expect: { add: artistKey('diddy') },
    why: 'MusicBrainz keeps the old stage name as an alias',
    catalogs: {
      musicbrainz: {
        releaseGroups: [rg('diddy-family', 'No Way Out', '1997-07-22', diddy, 15, { score: 82 })],
      },
    },
  },
];
