/**
 * Our Apertium client against a REAL Apertium APy (Debian's apertium-apy with apertium-eng-spa),
 * started here on a free loopback port. .ci/run installs it when it can; on a machine without it
 * this test prints why it skipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApertiumTranslator } from '../../../adapters/translate/apertium.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';

const MODES = '/usr/share/apertium/modes';
const installed =
  spawnSync('sh', ['-c', 'command -v apertium-apy'], { encoding: 'utf8' }).status === 0 &&
  existsSync(`${MODES}/eng-spa.mode`);
if (!installed) {
  console.log(
    'apertium-real: skipped — apertium-apy and apertium-eng-spa are not installed here (.ci/run installs them when apt can).',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe.skipIf(!installed)('a real Apertium APy', () => {
  let apy: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    apy = spawn('apertium-apy', ['-p', String(port), MODES], { stdio: 'ignore' });
    const until = Date.now() + 20_000;
    for (;;) {
      const up = await fetch(`${url}/listPairs`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > until) throw new Error('apertium-apy did not start within 20 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 30_000);

  afterAll(() => {
    apy?.kill();
  });

  it('translates a word and a sentence into Spanish', async () => {
    const spanish = findLanguage('Spanish');
    if (!spanish) throw new Error('Spanish is not a supported language');
    const t = new ApertiumTranslator({ baseUrl: url, timeoutMs: 10_000 });
    expect(t.supports(spanish)).toBe(true);
    const out = await t.translate(['dream', 'The dream is collapsing.'], spanish, {
      signal: AbortSignal.timeout(20_000),
    });
    expect(out.texts).toHaveLength(2);
    expect(out.texts[0]?.toLowerCase()).toContain('sueño');
    expect(out.texts[1]?.toLowerCase()).toContain('sueño');
    expect(out.texts[1]).not.toBe('The dream is collapsing.');
  }, 30_000);
});
