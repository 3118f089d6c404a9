/**
 * Near misses are one click away: when nothing passes but something close was found, the closest
 * are offered as buttons ("Did you mean …?"), picked like any other choice; "None of these" stays.
 */
import { describe, expect, it } from 'vitest';
import { film, rg } from '../../eval/case.js';
import { runQuery } from '../../eval/evaluate.js';
import { startCore } from '../fakes/fake-core.js';

// choiceLabels shortens long titles to fit a button.
const STRANGELOVE = 'Dr. Strangelove or: How I Learned to Stop Worrying and Love the … (1964)';

describe('did you mean', () => {
  it('add Dr Strangelove → the full title is offered as a button; the click adds it to Radarr', async () => {
    const w = startCore();
    const ask = await w.say('add Dr Strangelove');
    expect(ask.code).toBe('media.didYouMean');
    expect(ask.text).toBe('I found nothing called “Dr Strangelove”. Did you mean one of these?');
    expect(ask.choices?.options.map((o) => o.label)).toEqual([`${STRANGELOVE} · movie`]);
    expect(ask.choices?.noneLabel).toBe('None of these');
    const r = await w.requests.get(ask.requestId ?? '');
    expect(r?.status).toBe('needs_choice');
    expect(r?.candidates.map((c) => c.key)).toEqual(['movie:tmdb:935']);
    expect(w.radarr.adds).toEqual([]);

    const done = await w.pick(ask, 'Dr. Strangelove');
    expect(done.code).toBe('media.added');
    expect(w.radarr.adds.map((a) => a.candidate.ids.tmdb)).toEqual([935]);
    expect(w.sonarr.adds).toEqual([]);
    expect((await w.requests.get(ask.requestId ?? ''))?.status).toBe('sent');
  });

  it('"None of these" cancels and sends nothing', async () => {
    const w = startCore();
    const ask = await w.say('add Dr Strangelove');
    expect((await w.pick(ask, 'none')).code).toBe('media.cancelledNone');
    expect((await w.requests.get(ask.requestId ?? ''))?.status).toBe('cancelled');
    expect(w.radarr.adds).toEqual([]);
  });

  it('add Blorptastic Voyage → "found nothing": one word in common makes Fantastic Voyage a near miss, not a reading', async () => {
    const r = await runQuery('add Blorptastic Voyage', {
      tmdb: [film(2161, 'Fantastic Voyage', '1966-08-24', 9.6)],
      musicbrainz: {
        releaseGroups: [
          rg('fv-lakeside', 'Fantastic Voyage', '1980', { slug: 'lakeside', name: 'Lakeside' }, 4, {
            score: 62,
          }),
        ],
      },
    });
    expect(r.reply.code).toBe('media.didYouMean');
    expect(r.reply.text).toBe('I found nothing called “Blorptastic Voyage”. Did you mean one of these?');
    expect(r.reply.choices?.options.map((o) => o.label)).toEqual([
      'Fantastic Voyage (1966) · movie',
      'Fantastic Voyage — Lakeside (1980) · album',
    ]);
  });

  it('nothing close → the plain "found nothing", no buttons', async () => {
    const w = startCore();
    const reply = await w.say('add Qwxyz Flurb');
    expect(reply.code).toBe('media.notFound');
    expect(reply.text).toBe('I found nothing called “Qwxyz Flurb”.');
    expect(reply.choices).toBeUndefined();
  });
});
