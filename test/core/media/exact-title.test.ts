/**
 * An exact title far ahead decides: the best-known work spelled as typed is added when every other
 * work of that spelling is obscure and clearly behind, on the popularity scale all sources share.
 * Prefix matches and longer titles never stand in its way; two well-known works of the same title
 * are two readings, and the person is asked.
 */
import { describe, expect, it } from 'vitest';
import { artistKey, film, movieKey, rg, seriesKey, show, type Credit } from '../../eval/case.js';
import { runQuery } from '../../eval/evaluate.js';

const muse: Credit = { slug: 'muse', name: 'Muse' };
const addedKey = (r: Awaited<ReturnType<typeof runQuery>>) =>
  r.outcome.type === 'add' ? r.outcome.key : `${r.outcome.type} (${r.reply.code})`;

describe('an exact title far ahead decides', () => {
  it('add Drive → the 2011 film: its soundtrack, an Incubus single and an obscure 1997 namesake do not make it a question', async () => {
    const r = await runQuery('add Drive', {
      tmdb: [
        film(64690, 'Drive', '2011-09-15', 41.8),
        film(9584, 'Drive', '1997-04-10', 4.6),
        film(47962, 'Drive Angry', '2011-02-09', 16.2),
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
    });
    expect(addedKey(r)).toBe(movieKey(64690));
    expect(r.reply.code).toBe('media.added');
  });

  it('add Muse → the band: Grace Jones’s album Muse (six releases) is obscure next to it, the same scale for films and albums', async () => {
    const r = await runQuery('add Muse', {
      tmdb: [film(449176, 'Muse', '2017-10-06', 5.7), film(16314, 'The Muse', '1999-08-27', 8.1)],
      musicbrainz: {
        releaseGroups: [
          rg('muse-origin', 'Origin of Symmetry', '2001-06-18', muse, 21, { score: 74 }),
          rg('muse-absolution', 'Absolution', '2003-09-15', muse, 26, { score: 74 }),
          rg('muse-bhar', 'Black Holes and Revelations', '2006-07-03', muse, 31, { score: 74 }),
          rg('muse-grace', 'Muse', '1979-07-10', { slug: 'grace-jones', name: 'Grace Jones' }, 6),
        ],
      },
    });
    expect(addedKey(r)).toBe(artistKey('muse'));
    expect(r.lidarr.adds.map((a) => a.candidate.kind)).toEqual(['artist']);
  });

  it('add Heat → the 1995 film: “The Heat” needs an article the person did not type', async () => {
    const r = await runQuery('add Heat', {
      tmdb: [
        film(949, 'Heat', '1995-12-15', 46.2),
        film(136795, 'The Heat', '2013-06-27', 24.7),
        film(11524, 'Heat', '1986-03-14', 5.9),
      ],
    });
    expect(addedKey(r)).toBe(movieKey(949));
  });

  it('add M*A*S*H → the series, spelled as typed; add MASH → asks, the film is spelled so', async () => {
    const mash = {
      tmdb: [show(918, 'M*A*S*H', '1972-09-17', 31.6, 70994), film(651, 'MASH', '1970-01-25', 12.3)],
    };
    expect(addedKey(await runQuery('add M*A*S*H', mash))).toBe(seriesKey(918));
    expect((await runQuery('add MASH', mash)).reply.code).toBe('media.pick');
  });

  it('add Jurrasic Park → Jurassic Park: with no exact title, the near spelling beats the longer sequel titles', async () => {
    const r = await runQuery('add Jurrasic Park', {
      tmdb: [
        film(329, 'Jurassic Park', '1993-06-11', 68.4),
        film(331, 'Jurassic Park III', '2001-07-18', 30.1),
        film(330, 'The Lost World: Jurassic Park', '1997-05-23', 33.9),
      ],
    });
    expect(addedKey(r)).toBe(movieKey(329));
  });

  it('add Incpetion → Inception: two swapped letters are one typo', async () => {
    const r = await runQuery('add Incpetion', { tmdb: [film(27205, 'Inception', '2010-07-15', 98.5)] });
    expect(addedKey(r)).toBe(movieKey(27205));
  });

  it('add Shogun → asks: the 1980 series is well known too, however far the 2024 one leads', async () => {
    const r = await runQuery('add Shogun', {
      tmdb: [
        show(126308, 'Shōgun', '2024-02-27', 84.2, 421811),
        show(3452, 'Shōgun', '1980-09-15', 9.7, 76553),
      ],
    });
    expect(r.reply.code).toBe('media.pick');
    expect(r.sonarr.adds).toEqual([]);
    const why = await r.say(`why ${r.reply.requestId ?? ''}`);
    expect(why.text).toContain('asked which one — more than one well-known work carries that title');
  });

  it('add Dune → asks: the 2021 and the 1984 film are both well known', async () => {
    const r = await runQuery('add Dune', {
      tmdb: [film(438631, 'Dune', '2021-09-15', 148.2), film(841, 'Dune', '1984-12-14', 29.6)],
    });
    expect(r.reply.code).toBe('media.pick');
  });

  it('why <id> → says the exact title settled it', async () => {
    const r = await runQuery('add Heat', {
      tmdb: [film(949, 'Heat', '1995-12-15', 46.2), film(11524, 'Heat', '1986-03-14', 5.9)],
    });
    const why = await r.say(`why ${r.reply.requestId ?? ''}`);
    expect(why.text).toContain(
      'its title is the one typed and every other work of that title is far less known',
    );
  });
});
