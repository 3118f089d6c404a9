/**
 * AttachmentReader for subtitle files people send with "vocab …": .srt, .vtt, .ass and .ssa become
 * a transcript (spoken lines only; subtitles carry no action or speakers). A file over the size cap
 * or with no cues is a ScriptMiss.
 */
import type { AttachmentReader, ScriptLookup } from '../../src/core/vocab/ports.js';
import { subtitleTranscript } from './subtitles.js';

export interface SubtitleReaderOptions {
  /** Largest file read, in characters. Default 2 MB worth. */
  maxChars?: number;
}

export class SubtitleScriptSource implements AttachmentReader {
  private readonly maxChars: number;

  constructor(opts: SubtitleReaderOptions = {}) {
    this.maxChars = opts.maxChars ?? 2 * 1024 * 1024;
  }

  accepts(filename: string): boolean {
    return /\.(?:srt|vtt|ass|ssa)$/i.test(filename.trim());
  }

  read(file: { filename: string; content: string }): ScriptLookup {
    if (file.content.length > this.maxChars)
      return { found: false, miss: 'too_large', detail: String(this.maxChars) };
    const text = subtitleTranscript(file.content);
    if (!text) return { found: false, miss: 'not_script', detail: 'no subtitle cues in the file' };
    return {
      found: true,
      script: { format: 'transcript', text, source: 'subtitles', origin: file.filename },
    };
  }
}
