/**
 * ScriptFileReader for the terminal: a screenplay (.txt, .fountain), an IMSDb page saved as .html,
 * or subtitles (.srt, .vtt, .ass) on the bot's own disk, in whatever encoding they were saved
 * (decode-text.ts). Wired only for the terminal adapter: chat users must never name files on the
 * server. Only those kinds of file are read, and never more than the size cap, whatever size the
 * file system reports (/proc files report 0).
 */
import { open, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { ScriptFileReader, ScriptLookup } from '../../src/core/vocab/ports.js';
import { decodeHtml } from './decode-html.js';
import { decodeText } from './decode-text.js';
import { scriptText } from './imsdb-pages.js';
import { readCapped } from './library-subtitle-file.js';
import { subtitleTranscript } from './subtitles.js';

export interface LocalFileOptions {
  /** Largest file read, in bytes. Default 2 MB. */
  maxBytes?: number;
  /** Relative paths are read from here. Default: the working directory. */
  cwd?: string;
}

/** The kinds of file that hold a script; anything else (an environment, a key file) is not read. */
const SCRIPT_FILE = /\.(?:txt|fountain|srt|vtt|ass|ssa|html?)$/i;

export class LocalFileScriptSource implements ScriptFileReader {
  private readonly maxBytes: number;
  private readonly cwd: string;

  constructor(opts: LocalFileOptions = {}) {
    this.maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
    this.cwd = opts.cwd ?? process.cwd();
  }

  async read(path: string): Promise<ScriptLookup> {
    const full = resolve(this.cwd, path.replace(/^~(?=\/)/, homedir()));
    const name = full.split(/[\\/]/).pop() ?? full;
    if (!SCRIPT_FILE.test(name))
      return {
        found: false,
        miss: 'not_script',
        detail: 'only .txt, .fountain, .srt, .vtt, .ass, .ssa and .html files are read',
      };
    let size: number;
    try {
      // A link named like a script into /proc, /sys or /dev is still the process's or the system's.
      if (/^\/(?:proc|sys|dev)\//.test(await realpath(full)))
        return { found: false, miss: 'not_script', detail: 'not a script file' };
      const s = await stat(full);
      if (!s.isFile()) return { found: false, miss: 'not_found', detail: 'not a file' };
      size = s.size;
    } catch {
      return { found: false, miss: 'not_found' };
    }
    if (size > this.maxBytes) return { found: false, miss: 'too_large', detail: String(this.maxBytes) };
    const file = await open(full, 'r');
    const bytes = await readCapped(file, this.maxBytes).finally(() => file.close());
    if (!bytes) return { found: false, miss: 'too_large', detail: String(this.maxBytes) };
    if (/\.(?:srt|vtt|ass|ssa)$/i.test(name)) {
      const text = subtitleTranscript(decodeText(bytes));
      return text
        ? { found: true, script: { format: 'transcript', text, source: 'file', origin: name } }
        : { found: false, miss: 'not_script', detail: 'no subtitle cues in the file' };
    }
    if (/\.html?$/i.test(name)) {
      const text = scriptText(decodeHtml(bytes, ''));
      return text
        ? { found: true, script: { format: 'screenplay', text, source: 'file', origin: name } }
        : { found: false, miss: 'not_script', detail: 'no IMSDb script block in the page' };
    }
    return {
      found: true,
      script: { format: 'screenplay', text: decodeText(bytes), source: 'file', origin: name },
    };
  }
}
