import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalAdapter } from '../../../adapters/chat/terminal/terminal-adapter.js';
import { ScriptedCore } from '../../helpers/scripted-core.js';
import { radarrAdds, startWorld, type World } from '../../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** `printf '…' | npm start`: the real entry point with piped input; resolves with its output and exit code. */
function runBot(env: Record<string, string>, input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/main.ts')], {
      env: { PATH: process.env.PATH ?? '', ...env, PROCESS_CRON: '0 0 1 1 *' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

describe('the terminal chat', () => {
  it('piped input: choices are numbered, a number picks one, and it exits when the work is done', async () => {
    world = await startWorld();
    await world.stopApp(); // the bot process owns the data folder now
    const { code, out } = await runBot(world.env, 'add Blade Runner\n1\nrequests\n');
    expect(code).toBe(0);
    expect(out).toMatch(/Which one do you mean\?/);
    expect(out).toMatch(/ {2}\d\) 🎬 Blade Runner \(1982\) · movie/);
    expect(out).toMatch(/ {2}0\) None of these/);
    const option = /(\d)\) 🎬 Blade Runner \(1982\)/.exec(out)?.[1];
    // The story picks "1"; make sure that was the film, so the assertion below means something.
    expect(option).toBe('1');
    expect(out).toMatch(/Added Blade Runner \(1982\) to Radarr/);
    expect(out).toMatch(/Your requests, newest first/);
    expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([78]);
  }, 30_000);

  it('a job’s progress edits print only what changed', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => (printed += d.toString()));
    const chat = new TerminalAdapter({ input, output, interactive: false });
    const core = new ScriptedCore();
    core.onHandle = () => ({
      code: 'vocab.profile',
      text: 'The list\nTranslating 0 of 10',
      progress: { jobKey: 'job1' },
    });
    await chat.start(core);
    input.write('vocab X in fr\n');
    await new Promise((r) => setTimeout(r, 50));
    await chat.send(chat.user, {
      code: 'vocab.profile',
      text: 'The list\nTranslating 5 of 10',
      progress: { jobKey: 'job1' },
    });
    input.end();
    await chat.finished;
    expect(printed).toContain('The list\nTranslating 0 of 10');
    expect(printed).toContain('🔔 Translating 5 of 10');
    expect(printed.match(/The list/g)).toHaveLength(1);
  });
});
