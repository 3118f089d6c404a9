/** An exact title far ahead of everything else the catalogs found: add it without asking. */
import { artistKey, film, movieKey, rg, seriesKey, show, type Credit, type EvalCase } from '../case.js';

const c = 'exact title ahead' as const;

export const muse: Credit = { slug: 'muse', name: 'Muse' };
export const radiohead: Credit = { slug: 'radiohead', name: 'Radiohead' };
export const zimmer: Credit = { slug: 'zimmer', name: 'Hans Zimmer' };

export const museAlbums = [
  rg('muse-showbiz', 'Showbiz', '1999-09-28', muse, 14, { score: 74 }),
  rg('muse-origin', 'Origin of Symmetry', '2001-06-18', muse, 21, { score: 74 }),
  rg('muse-absolution', 'Absolution', '2003-09-15', muse, 26, { score: 74 }),
  rg('muse-bhar', 'Black Holes and Revelations', '2006-07-03', muse, 31, { score: 74 }),
  rg('muse-resistance', 'The Resistance', '2009-09-14', muse, 19, { score: 74 }),
  rg('muse-drones', 'Drones', '2015-06-08', muse, 9, { score: 74 }),
];

export const radioheadAlbums = [
  rg('rh-pablo', 'Pablo Honey', '1993-02-22', radiohead, 22, { score: 80 }),
  rg('rh-bends', 'The Bends', '1995-03-13', radiohead, 27, { score: 80 }),
  rg('rh-okc', 'OK Computer', '1997-05-21', radiohead, 50, { score: 80 }),
  rg('rh-kida', 'Kid A', '2000-10-02', radiohead, 31, { score: 80 }),
  rg('rh-irir', 'In Rainbows', '2007-10-10', radiohead, 24, { score: 80 }),
];

export const exactAhead: EvalCase[] = [
  {
    query: 'add Drive',
    class: c,
    expect: { add: movieKey(64690) },
    catalogs: {
      tmdb: [
        film(64690, 'Drive', '2011-09-15', 41.8),
        film(9584, 'Drive', '1997-04-10', 4.6),
        film(47962, 'Drive Angry', '2011-02-09', 16.2),
        film(758866, 'Drive My Car', '2021-08-20', 19.4, { original: 'ドライブ・マイ・カー', lang: 'ja' }),
        show(1941, 'Drive', '2007-04-15', 3.2, 80238),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('drive-ost', 'Drive', '2011-09-27', { slug: 'martinez', name: 'Cliff Martinez' }, 7, {
            secondary: ['Soundtrack'],
          }),
          rg('drive-incubus', 'Drive', '2001-02-12', { slug: 'incubus', name: 'Incubus' }, 3, {
            type: 'Single',
          }),
        ],
      },
    },
  },
  {
    query: 'add Muse',
    class: c,
    expect: { add: artistKey('muse') },
    catalogs: {
      tmdb: [film(449176, 'Muse', '2017-10-06', 5.7), film(16314, 'The Muse', '1999-08-27', 8.1)],
      musicbrainz: {
        releaseGroups: [
          ...museAlbums,
          rg('muse-grace', 'Muse', '1979-07-10', { slug: 'grace-jones', name: 'Grace Jones' }, 6),
        ],
      },
    },
  },
  {
    query: 'add Inception',
    class: c,
    expect: { add: movieKey(27205) },
    catalogs: {
      tmdb: [
        film(27205, 'Inception', '2010-07-15', 98.5),
        film(64956, 'Inception: The Cobol Job', '2010-12-07', 4.8),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('inception-ost', 'Inception', '2010-07-13', zimmer, 9, { secondary: ['Soundtrack'] }),
        ],
      },
    },
  },
  {
    query: 'add Heat',
    class: c,
    expect: { add: movieKey(949) },
    why: 'The Heat (2013) carries an article the person did not type',
    catalogs: {
      tmdb: [
        film(949, 'Heat', '1995-12-15', 46.2),
        film(136795, 'The Heat', '2013-06-27', 24.7),
        film(11524, 'Heat', '1986-03-14', 5.9),
      ],
    },
  },
  {
    query: 'add Radiohead',
    class: c,
    expect: { add: artistKey('radiohead') },
    catalogs: {
      tmdb: [film(45325, 'Meeting People Is Easy', '1998-11-26', 3.4)],
      musicbrainz: { releaseGroups: radioheadAlbums },
    },
  },
  {
    query: 'add Breaking Bad',
    class: c,
    expect: { add: seriesKey(1396) },
    catalogs: {
      tmdb: [
        show(1396, 'Breaking Bad', '2008-01-20', 312.4, 81189),
        film(559969, 'El Camino: A Breaking Bad Movie', '2019-10-11', 31.5),
      ],
    },
  },
  {
    query: 'add Fight Club',
    class: c,
    expect: { add: movieKey(550) },
    catalogs: {
      tmdb: [
        film(550, 'Fight Club', '1999-10-15', 73.4),
        film(347807, 'Fight Club: Members Only', '2006-02-17', 2.1),
      ],
      musicbrainz: {
        releaseGroups: [
          rg(
            'fight-club-ost',
            'Fight Club',
            '1999-10-12',
            { slug: 'dust-brothers', name: 'The Dust Brothers' },
            6,
            {
              secondary: ['Soundtrack'],
            },
          ),
        ],
      },
    },
  },
  {
    query: 'add Alien',
    class: c,
    expect: { add: movieKey(348) },
    catalogs: {
      tmdb: [
        film(348, 'Alien', '1979-05-25', 79.6),
        film(679, 'Aliens', '1986-07-18', 52.1),
        film(945961, 'Alien: Romulus', '2024-08-13', 88.3),
      ],
      musicbrainz: {
        releaseGroups: [
          rg('alien-ost', 'Alien', '1979', { slug: 'goldsmith', name: 'Jerry Goldsmith' }, 8, {
            secondary: ['Soundtrack'],
          }),
          rg(
            'alien-band',
            'Alien',
            '1988',
            { slug: 'alien-se', name: 'Alien', disambiguation: 'Swedish rock band' },
            2,
          ),
        ],
      },
    },
  },
  {
    query: 'add Gorillaz',
    class: c,
    expect: { add: artistKey('gorillaz') },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('gz-gorillaz', 'Gorillaz', '2001-03-26', { slug: 'gorillaz', name: 'Gorillaz' }, 24),
          rg('gz-demon', 'Demon Days', '2005-05-11', { slug: 'gorillaz', name: 'Gorillaz' }, 28, {
            score: 80,
          }),
          rg('gz-plastic', 'Plastic Beach', '2010-03-03', { slug: 'gorillaz', name: 'Gorillaz' }, 15, {
            score: 80,
          }),
        ],
      },
    },
  },
];
