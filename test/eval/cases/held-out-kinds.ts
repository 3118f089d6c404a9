/** Held-out cases: a season in the message, kind hints, a film and a series of one title, nothing there. See held-out.ts. */
import {
  albumKey,
  artist,
  artistKey,
  film,
  movieKey,
  rg,
  seriesKey,
  show,
  type EvalCase,
  type Credit,
} from '../case.js';

const genesis: Credit = { slug: 'genesis', name: 'Genesis' };
const genesisBr: Credit = { slug: 'genesis-br', name: 'Genesis', disambiguation: 'Brazilian metal band' };
/** Genesis's studio albums (the albums search leaves out compilations and live albums). */
const genesisAlbums = [
  rg('genesis-trespass', 'Trespass', '1970-10-23', genesis, 16),
  rg('genesis-foxtrot', 'Foxtrot', '1972-10-06', genesis, 21),
  rg('genesis-selling', 'Selling England by the Pound', '1973-10-12', genesis, 24),
  rg('genesis-lamb', 'The Lamb Lies Down on Broadway', '1974-11-18', genesis, 20),
  rg('genesis-trick', 'A Trick of the Tail', '1976-02-13', genesis, 17),
  rg('genesis-duke', 'Duke', '1980-03-28', genesis, 15),
  rg('genesis-genesis', 'Genesis', '1983-10-03', genesis, 20),
  rg('genesis-invisible', 'Invisible Touch', '1986-06-09', genesis, 22),
  rg('genesis-live', 'Three Sides Live', '1982-06-01', genesis, 12, { secondary: ['Live'] }),
];
const ghost: Credit = { slug: 'ghost', name: 'Ghost', disambiguation: 'Swedish rock band' };
const ghostJp: Credit = { slug: 'ghost-jp', name: 'Ghost', disambiguation: 'Japanese psychedelic band' };

export const heldOutKinds: EvalCase[] = [
  // Seasons.
  {
    query: 'add Severance season 2',
    class: 'season in message',
    expect: { add: seriesKey(95396) },
    catalogs: {
      tmdb: [
        show(95396, 'Severance', '2022-02-17', 98.4, 371980),
        film(14254, 'Severance', '2006-08-25', 12.1),
      ],
    },
  },
  {
    query: 'add The Bear s3',
    class: 'season in message',
    expect: { add: seriesKey(136315) },
    catalogs: { tmdb: [show(136315, 'The Bear', '2022-06-23', 80.2, 403245)] },
  },
  {
    query: 'add Sherlock season 2',
    class: 'season in message',
    expect: { add: seriesKey(19885) },
    catalogs: {
      tmdb: [
        show(19885, 'Sherlock', '2010-07-25', 79.4, 176941),
        show(1945, 'Sherlock Holmes', '1984-04-24', 14.1, 79588),
      ],
    },
  },
  {
    query: 'add Battlestar Galactica season 1',
    class: 'season in message',
    expect: { ask: seriesKey(1972) },
    why: 'the 1978 series is a known original of the 2004 one',
    catalogs: {
      tmdb: [
        show(1972, 'Battlestar Galactica', '2004-10-18', 45.1, 73545),
        show(501, 'Battlestar Galactica', '1978-09-17', 19.5, 71173),
      ],
    },
  },
  // Kind hints.
  {
    query: 'add movie Ghost',
    class: 'kind hint',
    expect: { add: movieKey(251) },
    catalogs: { tmdb: [film(251, 'Ghost', '1990-07-13', 38.2), film(659959, 'Ghost', '2020-01-31', 2.1)] },
  },
  {
    query: 'add series Dune',
    class: 'kind hint',
    expect: { ask: seriesKey(90228) },
    why: 'no series is called just Dune: Prophecy and Frank Herbert’s Dune both carry it',
    catalogs: {
      tmdb: [
        show(90228, 'Dune: Prophecy', '2024-11-17', 70.1, 422290),
        show(2015, 'Frank Herbert’s Dune', '2000-12-03', 9.8, 74148),
      ],
    },
  },
  {
    query: 'add album Thriller',
    class: 'kind hint',
    expect: { add: albumKey('mj-thriller') },
    catalogs: {
      tmdb: [film(505948, 'Thriller', '2018-04-13', 7.6)],
      musicbrainz: {
        releaseGroups: [
          rg(
            'mj-thriller',
            'Thriller',
            '1982-11-30',
            { slug: 'michael-jackson', name: 'Michael Jackson' },
            50,
          ),
        ],
      },
    },
  },
  {
    query: 'add artist Genesis',
    class: 'kind hint',
    expect: { add: artistKey('genesis') },
    why: 'a careful person knows which Genesis; the artist search cannot tell, their albums can',
    catalogs: {
      musicbrainz: {
        artists: [artist(genesis, 100, { country: 'GB' }), artist(genesisBr, 94, { country: 'BR' })],
        artistAlbums: [
          ...genesisAlbums,
          rg('genesis-br-1', 'Inferno', '2006', genesisBr, 1),
          rg('genesis-br-2', 'Revelations', '2011', genesisBr, 1),
        ],
      },
    },
  },
  {
    query: 'add artist Ghost',
    class: 'kind hint',
    expect: { ask: artistKey('ghost') },
    why: 'two bands a listener may mean: the Swedish one, and the Japanese one with a following of its own',
    catalogs: {
      musicbrainz: {
        artists: [artist(ghost, 100, { country: 'SE' }), artist(ghostJp, 100, { country: 'JP' })],
        artistAlbums: [
          rg('ghost-opus', 'Opus Eponymous', '2010-10-18', ghost, 14),
          rg('ghost-infestissumam', 'Infestissumam', '2013-04-10', ghost, 12),
          rg('ghost-meliora', 'Meliora', '2015-08-21', ghost, 11),
          rg('ghost-prequelle', 'Prequelle', '2018-06-01', ghost, 10),
          rg('ghost-jp-first', 'Ghost', '1990', ghostJp, 5),
          rg('ghost-jp-second', 'Second Time Around', '1992', ghostJp, 4),
          rg('ghost-jp-lama', 'Lama Rabi Rabi', '1997', ghostJp, 4),
          rg('ghost-jp-snuffbox', 'Snuffbox Immanence', '1999', ghostJp, 4),
          rg('ghost-jp-hypnotic', 'Hypnotic Underworld', '2004', ghostJp, 4),
        ],
      },
    },
  },
  // Film and series.
  {
    query: 'add The Last of Us',
    class: 'film and series',
    expect: { add: seriesKey(100088) },
    catalogs: {
      tmdb: [
        show(100088, 'The Last of Us', '2023-01-15', 110.5, 392256),
        film(1001311, 'The Last of Us: Left Behind', '2014-02-14', 2.0),
      ],
    },
  },
  {
    query: 'add House of Cards',
    class: 'film and series',
    expect: { ask: seriesKey(1425) },
    why: 'the 1990 BBC series is the known original',
    catalogs: {
      tmdb: [
        show(1425, 'House of Cards', '2013-02-01', 45.1, 262980),
        show(11520, 'House of Cards', '1990-11-18', 9.4, 78996),
      ],
    },
  },
  {
    query: 'add Twin Peaks',
    class: 'film and series',
    expect: { add: seriesKey(1920) },
    catalogs: {
      tmdb: [
        show(1920, 'Twin Peaks', '1990-04-08', 42.8, 70533),
        film(1923, 'Twin Peaks: Fire Walk with Me', '1992-05-16', 17.2),
      ],
    },
  },
  {
    query: 'add Dracula',
    class: 'film and series',
    expect: { ask: movieKey(138) },
    catalogs: {
      tmdb: [
        film(6114, "Bram Stoker's Dracula", '1992-11-13', 35.6),
        show(90710, 'Dracula', '2020-01-01', 21.3, 366524),
        film(138, 'Dracula', '1931-02-12', 18.4),
        film(11868, 'Dracula', '1958-05-08', 12.3),
      ],
    },
  },
  // Nothing there.
  {
    query: 'add Snorklewhip',
    class: 'nothing there',
    expect: { none: true },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('snake-whip', 'Snake Whip', '2011', { slug: 'snake-whip', name: 'The Whips' }, 1, { score: 61 }),
        ],
      },
    },
  },
  {
    query: 'add Quantum Pickle Saga',
    class: 'nothing there',
    expect: { none: true },
    catalogs: {
      tmdb: [film(10764, 'Quantum of Solace', '2008-10-30', 35.2)],
      musicbrainz: {
        releaseGroups: [
          rg('pickle', 'Pickle', '2016', { slug: 'pickle-band', name: 'Pickle' }, 1, { score: 62 }),
        ],
      },
    },
  },
  {
    query: 'add Gribbleston Manor',
    class: 'nothing there',
    expect: { none: true },
    catalogs: {
      tmdb: [film(26900, 'The Manor', '2021-10-08', 6.2)],
      musicbrainz: {
        releaseGroups: [
          rg('manor', 'Manor', '2005', { slug: 'manor-band', name: 'Manor' }, 2, { score: 61 }),
        ],
      },
    },
  },
];
