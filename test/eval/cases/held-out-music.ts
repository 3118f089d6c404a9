/** Held-out cases: bands and albums against films, self-titled albums. See held-out.ts. */
import { albumKey, artistKey, film, movieKey, rg, show, type EvalCase, type Credit } from '../case.js';

const genesis: Credit = { slug: 'genesis', name: 'Genesis' };
const blondie: Credit = { slug: 'blondie', name: 'Blondie' };
const heart: Credit = { slug: 'heart', name: 'Heart' };
const cream: Credit = { slug: 'cream', name: 'Cream', sortName: 'Cream' };
const ghostBand: Credit = { slug: 'ghost-se', name: 'Ghost', disambiguation: 'Swedish rock band' };
const yes: Credit = { slug: 'yes', name: 'Yes' };
const velvet: Credit = {
  slug: 'velvet-underground',
  name: 'The Velvet Underground',
  sortName: 'Velvet Underground, The',
};
const zeppelin: Credit = { slug: 'led-zeppelin', name: 'Led Zeppelin' };
const various: Credit = {
  slug: 'various',
  name: 'Various Artists',
  disambiguation: 'add compilations to this artist',
};
const soundtrack = { secondary: ['Soundtrack'] };

export const heldOutMusic: EvalCase[] = [
  // Band vs film.
  {
    query: 'add Genesis',
    class: 'band vs film',
    expect: { add: artistKey('genesis') },
    catalogs: {
      tmdb: [
        film(499932, 'Genesis', '2018-09-14', 3.1),
        film(81002, 'Genesis', '1999-03-01', 1.4, { lang: 'fr' }),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('genesis-selling', 'Selling England by the Pound', '1973-10-12', genesis, 30, { score: 72 }),
          rg('genesis-invisible', 'Invisible Touch', '1986-06-09', genesis, 25, { score: 72 }),
          rg('genesis-genesis', 'Genesis', '1983-10-03', genesis, 20),
        ],
      },
    },
  },
  {
    query: 'add Blondie',
    class: 'band vs film',
    expect: { add: artistKey('blondie') },
    catalogs: {
      tmdb: [
        film(43842, 'Blondie', '1938-11-30', 2.8),
        film(118320, 'Blondie', '2012-03-09', 1.5, { lang: 'sv' }),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('blondie-parallel', 'Parallel Lines', '1978-09-23', blondie, 38, { score: 74 }),
          rg('blondie-blondie', 'Blondie', '1976-12', blondie, 18),
        ],
      },
    },
  },
  {
    query: 'add Heart',
    class: 'band vs film',
    expect: { add: artistKey('heart') },
    catalogs: {
      tmdb: [film(52440, 'Heart', '1999-10-01', 2.4), film(61935, 'Hearts', '2017-03-01', 1.0)],
      musicbrainz: {
        releaseGroups: [
          rg('heart-heart', 'Heart', '1985-07-06', heart, 20),
          rg('heart-dreamboat', 'Dreamboat Annie', '1975-09-14', heart, 18, { score: 73 }),
        ],
      },
    },
  },
  {
    query: 'add Cream',
    class: 'band vs film',
    expect: { add: artistKey('cream') },
    catalogs: {
      tmdb: [film(445571, 'Cream', '2017-07-12', 1.1)],
      musicbrainz: {
        releaseGroups: [
          rg('cream-disraeli', 'Disraeli Gears', '1967-11-02', cream, 30, { score: 71 }),
          rg('cream-wheels', 'Wheels of Fire', '1968-08', cream, 25, { score: 71 }),
        ],
      },
    },
  },
  {
    query: 'add Ghost',
    class: 'band vs film',
    expect: { ask: movieKey(251) },
    why: 'the 1990 film and the Swedish band are both well known',
    catalogs: {
      tmdb: [film(251, 'Ghost', '1990-07-13', 38.2), show(61889, 'Ghosts', '2021-10-07', 45.0, 391046)],
      musicbrainz: {
        releaseGroups: [
          rg('ghost-opus', 'Opus Eponymous', '2010-10-18', ghostBand, 12, { score: 70 }),
          rg('ghost-meliora', 'Meliora', '2015-08-21', ghostBand, 14, { score: 70 }),
        ],
      },
    },
  },
  {
    query: 'add Yes',
    class: 'band vs film',
    expect: { add: artistKey('yes') },
    catalogs: {
      tmdb: [film(29963, 'Yes', '2004-06-24', 3.8)],
      musicbrainz: {
        releaseGroups: [
          rg('yes-fragile', 'Fragile', '1971-11-26', yes, 35, { score: 70 }),
          rg('yes-close', 'Close to the Edge', '1972-09-13', yes, 33, { score: 70 }),
          rg('yes-yes', 'Yes', '1969-07-25', yes, 14),
        ],
      },
    },
  },
  // Album vs film.
  {
    query: 'add Grease',
    class: 'album vs film',
    expect: { add: movieKey(621) },
    catalogs: {
      tmdb: [film(621, 'Grease', '1978-06-16', 52.4), film(9037, 'Grease 2', '1982-06-11', 15.3)],
      musicbrainz: { releaseGroups: [rg('grease-ost', 'Grease', '1978-05', various, 40, soundtrack)] },
    },
  },
  {
    query: 'add Saturday Night Fever',
    class: 'album vs film',
    expect: { ask: albumKey('snf-ost') },
    why: 'the soundtrack is one of the best-selling albums ever, as known as the film',
    catalogs: {
      tmdb: [film(11009, 'Saturday Night Fever', '1977-12-14', 16.8)],
      musicbrainz: {
        releaseGroups: [rg('snf-ost', 'Saturday Night Fever', '1977-11-15', various, 45, soundtrack)],
      },
    },
  },
  {
    query: 'add The Bodyguard',
    class: 'album vs film',
    expect: { ask: movieKey(619) },
    why: "Whitney Houston's soundtrack is as famous as the film",
    catalogs: {
      tmdb: [
        film(619, 'The Bodyguard', '1992-11-25', 27.3),
        show(72302, 'Bodyguard', '2018-08-26', 30.1, 350767),
      ],
      musicbrainz: {
        releaseGroups: [
          rg(
            'bodyguard-ost',
            'The Bodyguard',
            '1992-11-17',
            { slug: 'whitney', name: 'Whitney Houston' },
            50,
            soundtrack,
          ),
        ],
      },
    },
  },
  {
    query: 'add Trainspotting',
    class: 'album vs film',
    expect: { add: movieKey(627) },
    catalogs: {
      tmdb: [
        film(627, 'Trainspotting', '1996-02-23', 31.2),
        film(180863, 'T2 Trainspotting', '2017-01-27', 19.6),
      ],
      musicbrainz: {
        releaseGroups: [rg('trainspotting-ost', 'Trainspotting', '1996', various, 14, soundtrack)],
      },
    },
  },
  // Self-titled.
  {
    query: 'add The Velvet Underground',
    class: 'self-titled album',
    expect: { add: artistKey('velvet-underground') },
    catalogs: {
      tmdb: [film(740985, 'The Velvet Underground', '2021-10-15', 8.7)],
      musicbrainz: {
        releaseGroups: [
          rg('vu-nico', 'The Velvet Underground & Nico', '1967-03-12', velvet, 35, { score: 90 }),
          rg('vu-vu', 'The Velvet Underground', '1969-03', velvet, 22),
        ],
      },
    },
  },
  {
    query: 'add album Led Zeppelin',
    class: 'self-titled album',
    expect: { add: albumKey('lz-1') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('lz-1', 'Led Zeppelin', '1969-01-12', zeppelin, 42),
          rg('lz-2', 'Led Zeppelin II', '1969-10-22', zeppelin, 41, { score: 90 }),
        ],
      },
    },
  },
];
