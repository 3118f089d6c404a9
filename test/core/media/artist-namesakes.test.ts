/**
 * Two artists of one name. MusicBrainz's artist search cannot tell them apart; their albums can
 * (adapters/catalog/musicbrainz/artist-fame.ts): the band whose albums were pressed again and
 * again is added, not the namesake with one record. Two namesakes that are both well known are
 * two readings, and the person is asked.
 */
import { describe, expect, it } from 'vitest';
import { artist, artistKey, film, rg, type Credit } from '../../eval/case.js';
import { runQuery } from '../../eval/evaluate.js';

const muse: Credit = { slug: 'muse', name: 'Muse' };
const museJp: Credit = { slug: 'muse-jp', name: 'Muse', disambiguation: 'Japanese rock band' };
const ghost: Credit = { slug: 'ghost', name: 'Ghost', disambiguation: 'Swedish rock band' };
const ghostJp: Credit = { slug: 'ghost-jp', name: 'Ghost', disambiguation: 'Japanese psychedelic band' };

const museArtists = [artist(muse, 100, { country: 'GB' }), artist(museJp, 88, { country: 'JP' })];
/** What MusicBrainz holds of their albums: release counts as the catalog reads them. */
const museAlbums = [
  rg('showbiz', 'Showbiz', '1999-09-28', muse, 14),
  rg('origin', 'Origin of Symmetry', '2001-06-18', muse, 21),
  rg('absolution', 'Absolution', '2003-09-15', muse, 26),
  rg('bhar', 'Black Holes and Revelations', '2006-07-03', muse, 31),
  rg('hullabaloo', 'Hullabaloo Soundtrack', '2002-07-01', muse, 8, { secondary: ['Live'] }),
  rg('muse-jp-1', 'Muse', '2004-03-01', museJp, 1),
];

const outcomeOf = (r: Awaited<ReturnType<typeof runQuery>>) =>
  r.outcome.type === 'add' ? `add ${r.outcome.key}` : `${r.outcome.type} (${r.reply.code})`;

describe('two artists of one name', () => {
  it('add band Muse → the English band (albums pressed again and again) is added, not the obscure namesake', async () => {
    const r = await runQuery('add band Muse', {
      tmdb: [film(449176, 'Muse', '2017-10-06', 5.7)],
      musicbrainz: { artists: museArtists, artistAlbums: museAlbums },
    });

    expect(outcomeOf(r)).toBe(`add ${artistKey('muse')}`);
    expect(r.lidarr.adds.map((a) => a.candidate.title)).toEqual(['Muse']);
  });

  it('add artist Ghost → both bands are well known (the Swedish one more so): the person is asked', async () => {
    const r = await runQuery('add artist Ghost', {
      musicbrainz: {
        artists: [artist(ghost, 100, { country: 'SE' }), artist(ghostJp, 100, { country: 'JP' })],
        artistAlbums: [
          ...[22, 19, 17, 15, 12].map((n, i) => rg(`ghost-${i}`, `Ghost ${i}`, '2010', ghost, n)),
          ...[5, 4, 4, 4, 3, 4, 4].map((n, i) => rg(`ghost-jp-${i}`, `Ghost JP ${i}`, '1990', ghostJp, n)),
        ],
      },
    });

    expect(r.outcome).toEqual({ type: 'ask', keys: [artistKey('ghost'), artistKey('ghost-jp')] });
    expect(r.lidarr.adds).toEqual([]);
  });

  it('add band Muse, when the albums search did not answer → asked, as before', async () => {
    const r = await runQuery('add band Muse', { musicbrainz: { artists: museArtists } });
    expect(r.outcome.type).toBe('ask');
  });
});
