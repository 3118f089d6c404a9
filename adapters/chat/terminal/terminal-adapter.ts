/**
 * The chat in a terminal: one message per line, from a TTY or a pipe. Choices are printed
 * numbered and a line with just a number picks one; a vocabulary list is browsed by typing the
 * keys it prints (a word's number, n / p, a level, b: browser-keys.ts). Lines are handled one after
 * another (so a number always answers what is above it); at the end of input it waits for work in
 * flight, then `finished` resolves.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { userInfo } from 'node:os';
import type { Core } from '../../../src/core/core.js';
import type { Reply, UserRef } from '../../../src/core/types.js';
import type { ChatAdapter } from '../chat-adapter.js';
import { BrowserKeys } from './browser-keys.js';

const KIND_ICON: Record<string, string> = { movie: '🎬', series: '📺', artist: '🎵', album: '🎵' };

export function renderForTerminal(reply: Reply): string {
  const lines = [reply.text];
  if (reply.card) {
    const c = reply.card;
    const parts = [`${KIND_ICON[c.kind] ?? ''} ${c.title}${c.year ? ` (${c.year})` : ''}`.trim(), c.kind];
    if (c.confidence !== undefined) parts.push(`${Math.round(c.confidence * 100)}% sure`);
    if (c.destination) parts.push(`→ ${c.destination}`);
    lines.push(`  ${parts.join(' · ')}`);
  }
  if (reply.choices) {
    reply.choices.options.forEach((o, i) =>
      lines.push(`  ${i + 1}) ${KIND_ICON[o.kind ?? ''] ?? '•'} ${o.label}`),
    );
    if (reply.choices.noneLabel) lines.push(`  0) ${reply.choices.noneLabel}`);
    lines.push('  (type a number to pick)');
  }
  if (reply.document)
    lines.push(`  [file: ${reply.document.filename}, ${reply.document.content.length} bytes]`);
  return lines.join('\n');
}

export interface TerminalOptions {
  input: Readable;
  output: Writable;
  /** Print a prompt ("> ") before each line: only when a person is typing. */
  interactive: boolean;
}

export class TerminalAdapter implements ChatAdapter {
  readonly platform = 'terminal' as const;
  readonly user: UserRef;
  /** Resolves when input has ended and all its work is done. */
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  private lastPrompt: { token: string; count: number } | undefined;
  private readonly keys = new BrowserKeys();
  /** Text last shown per job, so progress edits print only what changed. */
  private readonly shown = new Map<string, string>();
  private closed = false;
  private rl: ReturnType<typeof createInterface> | undefined;

  constructor(private readonly opts: TerminalOptions) {
    let name = 'you';
    try {
      name = userInfo().username;
    } catch {
      // no passwd entry (containers): keep the default
    }
    this.user = { platform: 'terminal', userId: name, chatId: 'terminal', name };
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
  }

  async start(core: Core): Promise<void> {
    const rl = createInterface({ input: this.opts.input, terminal: false });
    this.rl = rl;
    this.print('reelbot — type “help” for commands' + (this.opts.interactive ? ', Ctrl-D to quit.' : '.'));
    this.prompt();
    let chain = Promise.resolve();
    rl.on('line', (line) => {
      chain = chain.then(() => this.onLine(core, line)).then(() => this.prompt());
    });
    rl.on('close', () => {
      this.closed = true;
      void chain.then(() => core.idle()).then(() => this.resolveFinished());
    });
  }

  async stop(): Promise<void> {
    this.rl?.close();
  }

  async send(_to: UserRef, reply: Reply): Promise<void> {
    const key = reply.progress?.jobKey;
    const before = key ? this.shown.get(key) : undefined;
    if (key) this.shown.set(key, reply.text);
    if (before !== undefined) {
      // An edit of a message already on screen (job progress): a terminal cannot edit, so a line
      // that moved (the progress line) is printed alone, and a page whose words changed (their
      // translations came) is printed again.
      const old = new Set(before.split('\n'));
      const changed = reply.text.split('\n').filter((l) => l.trim() && !old.has(l));
      if (changed.length > 1) this.print(`\n🔔 ${renderForTerminal(reply)}`);
      else if (changed.length === 1) this.print(`🔔 ${changed.join('\n')}`);
      this.keys.shown(reply);
      this.prompt();
      return;
    }
    this.print(`\n🔔 ${renderForTerminal(reply)}`);
    this.showing(reply);
    this.prompt();
  }

  private async onLine(core: Core, raw: string): Promise<void> {
    const line = raw.trim();
    if (!line) return;
    const pick = /^\d{1,2}$/.test(line) ? Number(line) : undefined;
    const browse = this.lastPrompt ? undefined : this.keys.data(line);
    let reply: Reply;
    if (browse !== undefined) {
      reply = await core.browse(this.user, browse);
    } else if (pick !== undefined && this.lastPrompt) {
      const { token, count } = this.lastPrompt;
      if (pick > count) {
        this.print(`Pick a number from 0 to ${count}.`);
        return;
      }
      reply = await core.choose(this.user, token, pick === 0 ? 'none' : pick - 1);
      if (!reply.private) this.lastPrompt = undefined;
    } else {
      reply = await core.handle({ user: this.user, text: line });
    }
    if (reply.progress) this.shown.set(reply.progress.jobKey, reply.text);
    this.print(renderForTerminal(reply));
    this.showing(reply);
  }

  /** What a number (or a browser key) typed next answers: the choices or the buttons just shown. */
  private showing(reply: Reply): void {
    if (reply.choices) this.lastPrompt = { token: reply.choices.token, count: reply.choices.options.length };
    if (reply.buttons) this.lastPrompt = undefined;
    this.keys.shown(reply);
  }

  private prompt(): void {
    if (this.opts.interactive && !this.closed) this.opts.output.write('> ');
  }

  private print(text: string): void {
    this.opts.output.write(`${text}\n`);
  }
}
