/**
 * ScriptFileReader for the terminal: a screenplay (.txt, .fountain), an IMSDb page saved as .html,
 * or subtitles (.srt, .vtt) on the bot's own disk, in whatever encoding they were saved
 * (decode-text.ts). Wired only for the terminal adapter: chat users must never name files on the
 * server. Files over the size cap are not read.
 */
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { ScriptFileReader, ScriptLookup } from '../../src/core/vocab/ports.js';
import { decodeHtml } from './decode-html.js';
import { decodeText } from './decode-text.js';
import { scriptText } from './imsdb-pages.js';
import { subtitleTranscript } from './subtitles.js';

export interface LocalFileOptions {
  /** Largest file read, in bytes. Default 2 MB. */
  maxBytes?: number;
  /** Relative paths are read from here. Default: the working directory. */
  cwd?: string;
}

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
    let size: number;
    try {
      const s = await stat(full);
      if (!s.isFile()) return { found: false, miss: 'not_found', detail: 'not a file' };
      size = s.size;
    } catch {
      return { found: false, miss: 'not_found' };
    }
    if (size > this.maxBytes) return { found: false, miss: 'too_large', detail: String(this.maxBytes) };
    const bytes = await readFile(full);
    if (/\.(?:srt|vtt)$/i.test(name)) {
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
