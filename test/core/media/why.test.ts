/**
 * "why <id>": the stored decision, explained — the top candidate's factors with their weights,
 * the runner-up and the margin, against AUTO_MIN_SCORE / AUTO_MIN_MARGIN. Mine to ask about;
 * someone else's only for an admin.
 */
import { describe, expect, it } from 'vitest';
import { OPEN_ACCESS } from '../../../src/core/access/access.js';
import { alice, bob, startCore } from '../fakes/fake-core.js';

describe('why <id>', () => {
  it('asked about Blade Runner → the film’s factors, the album as runner-up, and why it was asked', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    const id = ask.requestId ?? '';
    const why = await w.say(`why ${id}`);
    expect(why.code).toBe('why.report');
    const [top, second] = (await w.requests.get(id))?.candidates ?? [];
    if (!top || !second) throw new Error('two candidates expected');
    const margin = (top.score - second.score).toFixed(3);
    expect(why.text).toContain(`Why ${id} (“Blade Runner”): asked which one`);
    expect(why.text).toContain(`Top: Blade Runner (1982) · movie — score ${top.score.toFixed(3)}:`);
    expect(why.text).toContain('  • title 1.00 × 0.45 = 0.450');
    expect(why.text).toContain(
      `  • popularity ${top.factors.popularity.toFixed(2)} × 0.25 = ${(top.factors.popularity * 0.25).toFixed(3)}`,
    );
    for (const factor of ['year', 'completeness', 'recency', 'kind'])
      expect(why.text).toMatch(new RegExp(`  • ${factor} \\d\\.\\d\\d × 0\\.\\d\\d = \\d\\.\\d{3}`));
    expect(why.text).toMatch(
      new RegExp(
        `Runner-up: Blade Runner — Vangelis \\(1994\\) · album — score ${second.score.toFixed(3)}; margin ${margin}\\.`,
      ),
    );
    expect(why.text).toContain(
      'at least 0.72 (AUTO_MIN_SCORE) and a margin of at least 0.12 (AUTO_MIN_MARGIN)',
    );
  });

  it('added at once → says so against the rule; the only candidate has no runner-up', async () => {
    const w = startCore();
    const added = await w.say('add Inception');
    const why = await w.say(`why ${added.requestId ?? ''}`);
    expect(why.text).toMatch(/added without asking — score 0\.\d{3} ≥ 0\.72 and margin 0\.\d{3} ≥ 0\.12/);
    expect(why.text).toContain('No runner-up: it was the only candidate.');
  });

  it('a near miss → found nothing, and the closest was offered; then the pick is named', async () => {
    const w = startCore();
    const ask = await w.say('add Dr Strangelove');
    await w.pick(ask, 'Dr. Strangelove');
    const why = await w.say(`why ${ask.requestId ?? ''}`);
    expect(why.text).toContain('found nothing — no candidate read as the title typed');
    expect(why.text).toContain('the closest were offered as “Did you mean …?”');
    expect(why.text).toContain(
      'then Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb (1964) was picked',
    );
  });

  it('someone else’s request is refused; an admin may ask about it', async () => {
    const w = startCore();
    const id = (await w.say('add Inception', alice)).requestId ?? '';
    expect(await w.say(`why ${id}`, bob)).toMatchObject({ code: 'why.notYours', private: true });
    const admin = w.restart({ access: { ...OPEN_ACCESS, adminUsers: ['terminal:bob'] } });
    expect((await admin.say(`why ${id}`, bob)).code).toBe('why.report');
  });

  it('an unknown id → there is no such request; no id → how to say it', async () => {
    const w = startCore();
    const unknown = await w.say('why zz9999');
    expect(unknown).toMatchObject({ code: 'why.notFound' });
    expect(unknown.text).toContain('There is no request zz9999');
    expect((await w.say('why')).code).toBe('parse.whyUsage');
  });
});
