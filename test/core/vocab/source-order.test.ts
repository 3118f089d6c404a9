/**
 * Which source grades a film: the library first, then the screenplay site, then the subtitle
 * site; "from script" and "from subtitles" choose; a source that misses or is down is skipped
 * with a line in the reply; the reply says where the words came from and how to ask for the
 * other kind. The real service over in-memory sources.
 */
import { describe, expect, it } from 'vitest';
import { desk, MemorySource, MemoryTitles, screenplay, transcript, unavailable } from './script-sources.js';

function sources() {
  return {
    library: new MemorySource('Bazarr', 'library'),
    imsdb: new MemorySource('IMSDb', 'screenplay'),
    subtitles: new MemorySource('OpenSubtitles', 'subtitles'),
  };
}

const heat = new MemoryTitles([
  { title: 'Heat', year: 1995, kind: 'movie', tmdbId: 949, imdbId: 'tt0113277' },
]);

describe('GIVEN a film every source has', () => {
  it('THEN the library grades it and the others are not asked', async () => {
    const s = sources();
    s.library.hold('Heat', transcript('library'));
    s.imsdb.hold('Heat', screenplay('imsdb'));
    s.subtitles.hold('Heat', transcript('opensubtitles'));
    const d = await desk([s.subtitles, s.imsdb, s.library], heat);

    const reply = await d.ask('Heat in French');
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text).toMatch(/^Heat \(1995\): vocabulary from/);
    expect(reply.text).toContain(
      'Source: Bazarr (subtitles). Say “vocab Heat from script” for the screenplay.',
    );
    expect(s.library.asked).toEqual([
      { title: 'Heat', year: 1995, kind: 'movie', tmdbId: 949, imdbId: 'tt0113277' },
    ]);
    expect(s.imsdb.asked).toEqual([]);
    expect(s.subtitles.asked).toEqual([]);
    expect((await d.store.get('heat-1995'))?.script).toMatchObject({
      source: 'Bazarr',
      format: 'transcript',
    });
  });
});

describe('GIVEN a film missing from the library', () => {
  it('THEN the screenplay comes next, and the reply offers the subtitles', async () => {
    const s = sources();
    s.imsdb.hold('Heat', screenplay('imsdb'));
    s.subtitles.hold('Heat', transcript('opensubtitles'));
    const d = await desk([s.library, s.imsdb, s.subtitles], heat);

    const t = (await d.ask('Heat')).text;
    expect(t.split('\n')[0]).toBe('Bazarr: no subtitles for Heat; used IMSDb.');
    expect(t).toContain('Source: IMSDb (script). Say “vocab Heat from subtitles” for the subtitles.');
    expect(s.subtitles.asked).toEqual([]);
  });

  it('THEN missing from IMSDb too, OpenSubtitles grades it, with one line saying so and no offer of a script', async () => {
    const s = sources();
    s.subtitles.hold('Heat', transcript('opensubtitles'));
    const d = await desk([s.library, s.imsdb, s.subtitles], heat);

    const t = (await d.ask('Heat')).text;
    expect(t.split('\n')[0]).toBe(
      'Bazarr: no subtitles for Heat; IMSDb: no script for Heat; used OpenSubtitles.',
    );
    expect(t).toMatch(/Source: OpenSubtitles \(subtitles\)\.$/);
    expect(t).not.toContain('from script');
  });
});

describe('GIVEN a source that is down', () => {
  it('THEN it is skipped with a line and the next one is used', async () => {
    const s = sources();
    s.imsdb.down = unavailable('imsdb');
    s.subtitles.hold('Heat', transcript('opensubtitles'));
    const d = await desk([s.imsdb, s.subtitles], heat);

    const reply = await d.ask('Heat');
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text.split('\n')[0]).toBe(
      'IMSDb: can’t reach it (it is not answering); used OpenSubtitles.',
    );
  });

  it('THEN when every source fails, the last one’s answer is given, the others on a line above', async () => {
    const s = sources();
    s.subtitles.down = unavailable('opensubtitles');
    const d = await desk([s.library, s.imsdb, s.subtitles], heat);

    const reply = await d.ask('Heat');
    expect(reply.code).toBe('vocab.sourceDown');
    expect(reply.text).toBe(
      'Bazarr: no subtitles for Heat; IMSDb: no script for Heat.\n' +
        'I can’t reach OpenSubtitles right now (it is not answering). Please try again in a while.',
    );
  });

  it('THEN when every source misses, it is the usual "no script" answer, remembered for a while', async () => {
    const s = sources();
    const d = await desk([s.imsdb, s.subtitles], heat);
    const first = await d.ask('Heat');
    expect(first.code).toBe('vocab.noScript');
    expect(first.text).toMatch(/^IMSDb: no script for Heat\.\nI found no script for Heat on OpenSubtitles\./);
    await d.ask('Heat');
    expect(s.imsdb.asked).toHaveLength(1);
  });
});

describe('GIVEN "from script" or "from subtitles"', () => {
  it('THEN "from script" asks only the screenplay site, even when the library has the film', async () => {
    const s = sources();
    s.library.hold('Heat', transcript('library'));
    s.imsdb.hold('Heat', screenplay('imsdb'));
    const d = await desk([s.library, s.imsdb, s.subtitles], heat);

    const t = (await d.ask('Heat from script')).text;
    expect(t).toContain('Source: IMSDb (script). Say “vocab Heat from subtitles” for the subtitles.');
    expect(s.library.asked).toEqual([]);
  });

  it('THEN "from subtitles" is not answered from a stored screenplay, and does not replace it', async () => {
    const s = sources();
    s.imsdb.hold('Heat', screenplay('imsdb'));
    s.subtitles.hold('Heat', transcript('opensubtitles'));
    const d = await desk([s.imsdb, s.subtitles], heat);

    await d.ask('Heat');
    const hinted = await d.ask('Heat from subtitles');
    expect(hinted.text).toContain(
      'Source: OpenSubtitles (subtitles). Say “vocab Heat from script” for the screenplay.',
    );
    expect(s.imsdb.asked).toHaveLength(1);
    expect((await d.store.get('heat-1995'))?.script.source).toBe('IMSDb');
    expect((await d.store.get('heat-1995--subtitles'))?.script.source).toBe('OpenSubtitles');

    // Stored answers at once, each of its kind.
    expect((await d.ask('Heat')).text).toContain('Source: IMSDb (script).');
    expect((await d.ask('Heat from script')).text).toContain('Source: IMSDb (script).');
    expect((await d.ask('Heat from subtitles')).text).toContain('Source: OpenSubtitles (subtitles).');
    expect(s.imsdb.asked).toHaveLength(1);
    expect(s.subtitles.asked).toHaveLength(1);
  });

  it('THEN a hint with no source of that kind set up says so', async () => {
    const s = sources();
    const d = await desk([s.imsdb], heat);
    const reply = await d.ask('Heat from subtitles');
    expect(reply.code).toBe('vocab.noSourceFor.subtitles');
  });
});

describe('GIVEN no catalog', () => {
  it('THEN the title as typed is asked for, without ids', async () => {
    const s = sources();
    s.imsdb.hold('Heat', screenplay('imsdb'));
    const d = await desk([s.imsdb]);
    expect((await d.ask('heat')).code).toBe('vocab.profile');
    expect(s.imsdb.asked).toEqual([{ title: 'Heat' }]);
    expect(await d.store.get('heat')).toBeDefined();
  });
});
