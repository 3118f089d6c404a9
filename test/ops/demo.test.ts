/**
 * `npm run demo` as a newcomer runs it: one process (tsx src/demo.ts) with the fakes inside, the
 * chat on its stdin and stdout. Lines are typed one answer at a time, as a person would; `quit`
 * ends it with code 0, the fakes stopped and its data folder gone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = process.cwd();

it('GIVEN npm run demo THEN add, pick, vocab and a word work against the fakes, and quit ends it cleanly', async () => {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/demo.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  /** Wait until the output past `from` matches; returns what came since `from`. */
  async function answer(pattern: RegExp, from: number, ms = 15_000): Promise<string> {
    const end = Date.now() + ms;
    while (!pattern.test(out.slice(from))) {
      if (Date.now() > end || child.exitCode !== null)
        throw new Error(`no ${pattern} in:\n${out.slice(from)}\nstderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return out.slice(from);
  }
  async function say(line: string, pattern: RegExp): Promise<string> {
    const from = out.length;
    child.stdin.write(`${line}\n`);
    return answer(pattern, from);
  }

  try {
    const note = await answer(/type “help” for commands/, 0, 20_000);
    expect(note).toContain('add Fargo');
    expect(note).toContain('vocab Inception in French');
    expect(note).toMatch(
      /curl -s -H 'Authorization: Bearer [0-9a-f]{32}' http:\/\/127\.0\.0\.1:\d+\/api\/vocab\/stats/,
    );
    // A throwaway data folder, never the checkout's data/.
    const dataDir = /Data: (\S+) \(deleted at the end\)/.exec(note)?.[1] ?? '';
    expect(dataDir.startsWith(join(tmpdir(), 'reelbot-demo-'))).toBe(true);
    expect(existsSync(dataDir)).toBe(true);

    const dexter = await say('add Dexter', /Added Dexter|type a number to pick/);
    if (dexter.includes('type a number')) await say('1', /Added Dexter/);
    expect(out).toMatch(/Added Dexter \(2006\) to Sonarr/);

    const fargo = await say('add Fargo', /type a number to pick/);
    const series = /(\d)\) 📺 Fargo \(2014\)/.exec(fargo)?.[1];
    expect(series).toBeDefined();
    expect(await say(series ?? '', /Added Fargo \(2014\) to Sonarr/)).toContain('Sonarr');

    const list = await say('vocab Inception in French', /Translations into French are ready/);
    expect(list).toMatch(/^Inception \(2010\): vocabulary from the IMSDb script/m);
    expect(list).toContain('Translations into French are on their way (DeepL)');
    expect(list).toContain('🔔');

    const word = await say('vocab word abandon', /Examples:[\s\S]*→ fr:/);
    expect(word).toContain('French: abandonner');

    const from = out.length;
    child.stdin.write('quit\n');
    expect(await exited).toBe(0);
    expect(out.slice(from)).toContain('Demo over');
    expect(existsSync(dataDir)).toBe(false);
    expect(err).toBe('');
  } finally {
    child.kill();
  }
}, 45_000);
