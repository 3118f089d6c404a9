/**
 * Titles no catalog has. MusicBrainz's Lucene search is fuzzy, so it still answers with loose
 * rows (score 60–70 passes the adapter's MIN_SCORE); TMDb matches words and answers nothing or
 * a title sharing one word.
 */
import { film, rg, type EvalCase } from '../case.js';

const c = 'nothing there' as const;

export const nothingThere: EvalCase[] = [
  { query: 'add Qwxyz Flurb', class: c, expect: { none: true }, catalogs: {} },
  {
    query: 'add asdfgh',
    class: c,
    expect: { none: true },
    catalogs: { tmdb: [], musicbrainz: { releaseGroups: [] } },
  },
  {
    query: 'add Blorptastic Voyage',
    class: c,
    expect: { none: true },
    catalogs: {
      tmdb: [film(2161, 'Fantastic Voyage', '1966-08-24', 9.6)],
      musicbrainz: {
        releaseGroups: [
          rg('fv-lakeside', 'Fantastic Voyage', '1980', { slug: 'lakeside', name: 'Lakeside' }, 4, {
            score: 62,
          }),
        ],
      },
    },
  },
  {
    query: 'add Zorblax Kings',
    class: c,
    expect: { none: true },
    catalogs: {
      musicbrainz: {
        releaseGroups: [
          rg('zebra-kings', 'Zebra Kings', '2014', { slug: 'zebra-kings-band', name: 'Zebra Kings' }, 1, {
            score: 61,
          }),
        ],
      },
    },
  },
  {
    query: 'add The Glorbinator 3',
    class: c,
    expect: { none: true },
    catalogs: { tmdb: [film(218, 'The Terminator', '1984-10-26', 48.3)] },
  },
  {
    query: 'add Flimflam Detectives',
    class: c,
    expect: { none: true },
    catalogs: {
      tmdb: [film(12345, 'The Flim-Flam Man', '1967-08-13', 2.4)],
    },
  },
];
